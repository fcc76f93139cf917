-- The audit trail: every event flattened, one row per event in global order, with the full payload kept as JSON.
create table audit_event (
    global_index    bigint       primary key,
    event_id        varchar(255) not null,
    event_type      varchar(255) not null,
    aggregate_type  varchar(255),
    aggregate_id    varchar(255),
    sequence_number bigint,
    occurred_at     timestamp with time zone not null,
    actor           varchar(255),
    on_behalf_of    varchar(255),
    mandate_id      varchar(255),
    request_id      varchar(255),
    step_id         varchar(255),
    rationale       varchar(10000),
    process_version varchar(255),
    payload         text         not null,
    meta_data       text
);
create index audit_event_request on audit_event (request_id, global_index);
create index audit_event_actor on audit_event (actor, global_index);
create index audit_event_on_behalf_of on audit_event (on_behalf_of, global_index);
create index audit_event_occurred on audit_event (occurred_at);
create index audit_event_type on audit_event (event_type, occurred_at);
