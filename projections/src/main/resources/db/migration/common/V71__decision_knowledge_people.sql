-- Who may read whose past decisions: staff see decisions made in their own area (themselves, everyone reporting
-- to them directly or indirectly, and the people whose work passed to them when they left). The knowledge base
-- keeps the reporting lines and successions it needs itself, so it stays rebuildable from event zero.
create table knowledge_person (
    id           varchar(64) primary key,
    manager_id   varchar(64),
    -- set when the person left: who took over their work (PersonLeft.successor)
    successor_id varchar(64)
);
