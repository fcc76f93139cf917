-- The app nodes alive on this database: each writes a heartbeat, so that nodes can share projection segments fairly.
create table cluster_node (
    id        varchar(255) primary key,
    last_seen timestamp with time zone not null
);
