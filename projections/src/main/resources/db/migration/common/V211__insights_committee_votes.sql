-- Committee decisions in the insights (docs/insights.md): one row per committee vote, from its opening to the quorum
-- met or failed (or the request closing first). Rebuilt from events by the 'insights' processor.
create table insights_vote (
    step_id          varchar(64)  primary key,
    request_id       varchar(36)  not null,
    -- the committee id; 'committees' for a one-from-each vote of groups alone
    committee_id     varchar(64)  not null,
    rule             varchar(300) not null,
    status           varchar(10)  not null,
    opened_at        timestamp with time zone not null,
    closed_at        timestamp with time zone,
    decision_seconds bigint
);
create index insights_vote_status on insights_vote (status);
create index insights_vote_closed on insights_vote (closed_at);
create index insights_vote_request on insights_vote (request_id);
