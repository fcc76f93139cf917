-- Re-encryption of events stored before personal data was sealed (docs/privacy.md, ADR 0021). Re-encryption
-- changes stored bytes, so the chain is computed again over them; what the chain said before is kept here, so a
-- digest an auditor took before can still be recognised, and the re-encryption itself is on record.
create table ledger_reencryption (
    id               bigint       primary key,
    started_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    requested_by     varchar(100) not null,
    reason           varchar(500) not null,
    links_before     bigint       not null,
    head_before      varchar(64)  not null,
    head_after       varchar(64),
    events_rewritten bigint
);

-- every link's hash as it was before re-encryption
create table ledger_link_before_reencryption (
    reencryption_id bigint      not null,
    position        bigint      not null,
    hash            varchar(64) not null,
    primary key (reencryption_id, position)
);
