-- Crypto-shredding (docs/privacy.md): one AES-256 key per data subject, stored wrapped (AES-GCM) by the master key
-- from mandate.privacy.master-key. Erasure sets wrapped_key to null and keeps the row, so that the subject's old
-- ciphertext can never be read again and no new key is made for them by accident.
create table personal_key (
    subject      varchar(255) primary key,
    wrapped_key  varchar(255),
    created_at   timestamp with time zone not null,
    destroyed_at timestamp with time zone
);
