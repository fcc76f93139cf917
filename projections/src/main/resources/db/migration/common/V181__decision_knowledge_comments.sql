-- Past decisions are found by the comments on their request too (docs/adr/0014-comments.md).
create table knowledge_comment (
    comment_id  varchar(36)   primary key,
    request_id  varchar(36)   not null,
    -- the comment lower-cased, so a word search needs no function on the column
    search_text varchar(4000) not null
);
create index knowledge_comment_request on knowledge_comment (request_id);
