-- The bytes of attached files (docs/adr/0018-attachments.md), stored once per content: the key is the SHA-256 of
-- the bytes (lower-case hex), so the same file attached twice, to one request or to several, is one row. Written in
-- the attaching command's transaction; never updated or deleted (an attachment is superseded, not removed).
create table attachment_blob (
    hash       varchar(64) primary key,
    size_bytes bigint      not null,
    content    blob        not null,
    stored_at  timestamp with time zone not null
);
