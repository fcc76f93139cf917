-- Committees (docs/admin.md, "Committees"; ADR 0015): a view of the Committee events, written in the command's
-- transaction. name_key is the lower-cased name while the committee is not dissolved, null after: the unique
-- constraint keeps two live committees from sharing a name even when both are formed at the same moment.
create table committee (
    id           varchar(64)  primary key,
    name         varchar(100) not null,
    name_key     varchar(100) unique,
    formed_by    varchar(64)  not null,
    formed_at    timestamp with time zone not null,
    currency     varchar(3),
    dissolved_at timestamp with time zone
);

create table committee_member (
    committee_id varchar(64) not null,
    person_id    varchar(64) not null,
    added_by     varchar(64) not null,
    added_at     timestamp with time zone not null,
    primary key (committee_id, person_id)
);

create index committee_member_person on committee_member (person_id);

create table committee_authority (
    committee_id varchar(64)    not null,
    category     varchar(64)    not null,
    max_amount   decimal(19, 2) not null,
    primary key (committee_id, category)
);
