-- The delegations register: every standing mandate, kept current from Mandate events. Rules read it while
-- a command runs (no cycles, mandates in force at decision time), so it is updated in the command's transaction.
create table mandate (
    id             varchar(36)    primary key,
    grantor        varchar(64)    not null,
    holder         varchar(64)    not null,
    principal      varchar(64)    not null,
    parent_id      varchar(36),
    categories     varchar(1000)  not null,
    max_amount     numeric(19, 2) not null,
    currency       varchar(3)     not null,
    valid_from     timestamp with time zone not null,
    valid_until    timestamp with time zone not null,
    may_redelegate boolean        not null,
    reason         varchar(2000),
    granted_at     timestamp with time zone not null,
    revoked_at     timestamp with time zone,
    revoked_by     varchar(64),
    revoke_reason  varchar(2000)
);
create index mandate_holder on mandate (holder);
create index mandate_grantor on mandate (grantor);
create index mandate_principal on mandate (principal);

-- A step lent to a colleague shows whom it was lent by.
alter table request_step_view add column lent_by varchar(64);
