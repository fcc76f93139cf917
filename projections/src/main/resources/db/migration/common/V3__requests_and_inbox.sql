-- The request view: one row per request, one per step.
create table request_view (
    id           varchar(36)    primary key,
    title        varchar(200)   not null,
    category     varchar(64)    not null,
    amount       numeric(19, 2) not null,
    currency     varchar(3)     not null,
    description  varchar(10000),
    requester    varchar(64)    not null,
    process_key  varchar(100)   not null,
    status       varchar(20)    not null,
    submitted_at timestamp with time zone not null,
    closed_at    timestamp with time zone
);
create index request_view_requester on request_view (requester, submitted_at);

create table request_step_view (
    id           varchar(64)  primary key,
    request_id   varchar(36)  not null,
    name         varchar(200) not null,
    status       varchar(20)  not null,
    assignee     varchar(64)  not null,
    due_at       timestamp with time zone,
    opened_at    timestamp with time zone not null,
    outcome      varchar(20),
    decided_by   varchar(64),
    on_behalf_of varchar(64),
    mandate_id   varchar(64),
    rationale    varchar(4000),
    decided_at   timestamp with time zone
);
create index request_step_view_request on request_step_view (request_id, opened_at);
create index request_step_view_assignee on request_step_view (assignee);

-- The inbox: open steps only, with what a person needs to pick one.
create table inbox_request (
    request_id varchar(36)    primary key,
    title      varchar(200)   not null,
    category   varchar(64)    not null,
    amount     numeric(19, 2) not null,
    currency   varchar(3)     not null,
    requester  varchar(64)    not null
);

create table inbox_item (
    step_id      varchar(64)  primary key,
    request_id   varchar(36)  not null,
    step_name    varchar(200) not null,
    assignee     varchar(64)  not null,
    on_behalf_of varchar(64),
    due_at       timestamp with time zone,
    opened_at    timestamp with time zone not null
);
create index inbox_item_assignee on inbox_item (assignee, opened_at);
create index inbox_item_request on inbox_item (request_id);
