-- Who deployed which version of each approval path, and when; rebuilt from ProcessDeployed events.
create table process_version (
    process_key          varchar(64)  not null,
    version              integer      not null,
    engine_definition_id varchar(128) not null,
    deployed_by          varchar(64),
    deployed_at          timestamp    not null,
    checksum             varchar(64)  not null,
    primary key (process_key, version)
);
