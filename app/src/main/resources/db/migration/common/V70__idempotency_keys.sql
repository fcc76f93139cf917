-- Idempotency-Key per caller: recorded in the same transaction as the command it guarded, the answer once sent.
create table idempotency_key (
    caller          varchar(64)      not null,
    idempotency_key varchar(200)     not null,
    fingerprint     varchar(64)      not null,
    request_line    varchar(2200)    not null,
    resource_id     varchar(255),
    status          integer,
    content_type    varchar(200),
    body            varchar(1000000),
    created_at      timestamp with time zone not null,
    primary key (caller, idempotency_key)
);
