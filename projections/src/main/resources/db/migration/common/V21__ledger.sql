-- The ledger: a hash chain over every event, one link per event in the order the ledger saw them.
-- hash(n) = SHA-256(hash(n-1) || canonical bytes of the stored event row); position 1 chains onto 32 zero bytes.
create table ledger_link (
    position     bigint      primary key,
    global_index bigint      not null,
    hash         varchar(64) not null,
    chained_at   timestamp with time zone not null,
    constraint ledger_link_global_index unique (global_index)
);
