-- Only when mandate.privacy.master-key is not set (the embedded demo): a generated master key, kept where every node
-- finds it. Unsafe for production: whoever reads the database reads the key with it (docs/privacy.md).
create table privacy_dev_master_key (
    id         integer     primary key,
    key_base64 varchar(64) not null,
    created_at timestamp with time zone not null
);
