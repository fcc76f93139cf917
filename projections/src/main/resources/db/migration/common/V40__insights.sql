-- Leadership insights: who holds the open steps, who decides, how fast, and how far below the top.
-- Rebuilt from events by the 'insights' processor.
create table insights_person (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    manager_id varchar(64),
    active     boolean      not null
);
create index insights_person_manager on insights_person (manager_id);

-- One row per step. below_top is fixed at decision time: did the decider have a manager then?
create table insights_step (
    step_id          varchar(64) primary key,
    request_id       varchar(36) not null,
    assignee         varchar(64) not null,
    status           varchar(10) not null,
    opened_at        timestamp with time zone not null,
    decided_by       varchar(64),
    on_behalf_of     varchar(64),
    mandate_id       varchar(64),
    decided_at       timestamp with time zone,
    decision_seconds bigint,
    below_top        boolean
);
create index insights_step_status on insights_step (status, assignee);
create index insights_step_request on insights_step (request_id);
create index insights_step_decided on insights_step (decided_at);

-- Escalations: who let a step sit (from) and who received it (to); automatic when its time limit passed.
create table insights_escalation (
    step_id      varchar(64) not null,
    from_person  varchar(64) not null,
    to_person    varchar(64) not null,
    automatic    boolean     not null,
    escalated_at timestamp with time zone not null
);
create index insights_escalation_at on insights_escalation (escalated_at);

-- Mandates, to count those in force at any moment.
create table insights_mandate (
    id          varchar(36) primary key,
    grantor     varchar(64) not null,
    holder      varchar(64) not null,
    principal   varchar(64) not null,
    valid_from  timestamp with time zone not null,
    valid_until timestamp with time zone not null,
    revoked_at  timestamp with time zone
);
