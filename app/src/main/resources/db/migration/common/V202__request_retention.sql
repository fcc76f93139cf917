-- Retention (docs/privacy.md): one row per request whose texts were shredded, written with RequestDataShredded in the
-- same transaction. The retention job selects closed requests past their category's period that have no row here,
-- so a job stopped half-way repeats nothing and misses nothing on its next run.
create table request_shredded (
    request_id  varchar(36) primary key,
    category    varchar(64) not null,
    -- the period that applied, ISO-8601 (PT720H)
    retention   varchar(40) not null,
    closed_at   timestamp with time zone,
    shredded_at timestamp with time zone not null
);
-- the job reads closed requests by close time, oldest first, never the whole view
create index request_view_closed on request_view (closed_at);
