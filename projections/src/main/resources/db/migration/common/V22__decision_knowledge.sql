-- Past decisions with what was decided on, so a successor can search how similar requests were decided.
create table knowledge_request (
    request_id varchar(36)    primary key,
    title      varchar(200)   not null,
    category   varchar(64)    not null,
    amount     numeric(19, 2) not null,
    currency   varchar(3)     not null,
    requester  varchar(64)    not null
);

create table knowledge_decision (
    step_id      varchar(64)    primary key,
    request_id   varchar(36)    not null,
    title        varchar(200)   not null,
    category     varchar(64)    not null,
    amount       numeric(19, 2) not null,
    currency     varchar(3)     not null,
    requester    varchar(64)    not null,
    outcome      varchar(20)    not null,
    decided_by   varchar(64)    not null,
    on_behalf_of varchar(64),
    mandate_id   varchar(64),
    rationale    varchar(4000),
    -- lower-cased title and rationale, so a word search needs no function on the column
    search_text  varchar(4300)  not null,
    decided_at   timestamp with time zone not null
);
create index knowledge_decision_category on knowledge_decision (category, amount);
create index knowledge_decision_decided_by on knowledge_decision (decided_by);
