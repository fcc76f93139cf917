-- System clients (docs/security.md, "System clients"): a view of SystemClientRegistered and SystemClientRemoved,
-- written in the command's transaction and read on every call with a client-credentials token.
create table system_client (
    client_id     varchar(128) primary key,
    acts_as       varchar(64)  not null,
    scopes        varchar(200) not null,
    registered_by varchar(64)  not null,
    registered_at timestamp with time zone not null,
    active        boolean      not null
);
