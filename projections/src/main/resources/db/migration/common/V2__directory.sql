-- The directory as the rules read it; rebuilt from Person events.
create table directory_person (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    title      varchar(200),
    manager_id varchar(64),
    roles      varchar(200) not null,
    active     boolean      not null
);
create index directory_person_manager on directory_person (manager_id);

create table directory_authority (
    person_id  varchar(64)    not null,
    category   varchar(64)    not null,
    max_amount numeric(19, 2) not null,
    primary key (person_id, category)
);
