-- The managed list of request categories (docs/adr/0022-managed-categories.md), written in the command's own
-- transaction from the "categories" stream: every entry point checks a category against it, and the submit page
-- offers its active rows. A store from before has no rows and no category event; CategorySeeding fills it once on
-- the next start from the categories already in use.
create table request_category (
    category_key varchar(64) primary key,
    name         varchar(60) not null,
    added_at     timestamp with time zone not null,
    -- null while new requests may use it
    retired_at   timestamp with time zone
);
