-- Comments on a request (docs/adr/0014-comments.md), part of the inline request view: written in the command's own
-- transaction, emptied and replayed with it on a rebuild.
create table request_comment_view (
    id           varchar(36)   primary key,
    request_id   varchar(36)   not null,
    author       varchar(64)   not null,
    text         varchar(4000) not null,
    -- the people mentioned, their ids separated by spaces
    mentions     varchar(1400),
    commented_at timestamp with time zone not null
);
create index request_comment_view_request on request_comment_view (request_id, commented_at);
