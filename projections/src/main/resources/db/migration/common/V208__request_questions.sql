-- Steps sent back for more information and the requester's answers (docs/adr/0019-send-back.md), part of the inline
-- request view: written in the command's own transaction, emptied and replayed with it on a rebuild. One row per
-- question; the answer fills in the same row. A row without an answer on a request in review is a step that waits.
create table request_question_view (
    request_id   varchar(36)   not null,
    step_id      varchar(64)   not null,
    asked_by     varchar(64)   not null,
    on_behalf_of varchar(64),
    question     varchar(4000) not null,
    asked_at     timestamp with time zone not null,
    answered_by  varchar(64),
    answer       varchar(4000),
    answered_at  timestamp with time zone,
    primary key (request_id, asked_at, step_id)
);
create index request_question_view_step on request_question_view (step_id, asked_at);
