-- Attachments of a request (docs/adr/0018-attachments.md), part of the inline request view: written in the command's
-- own transaction, emptied and replayed with it on a rebuild. The bytes live in attachment_blob, keyed by hash.
create table request_attachment_view (
    request_id    varchar(36)  not null,
    -- SHA-256 of the bytes, lower-case hex
    hash          varchar(64)  not null,
    file_name     varchar(255) not null,
    media_type    varchar(128) not null,
    size_bytes    bigint       not null,
    added_by      varchar(64)  not null,
    added_at      timestamp with time zone not null,
    supersedes    varchar(64),
    superseded_by varchar(64),
    primary key (request_id, hash)
);
