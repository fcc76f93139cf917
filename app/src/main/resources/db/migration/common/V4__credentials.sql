-- Login credentials; who a person is and what they may do lives in the directory.
create table credential (
    person_id     varchar(64)  primary key,
    password_hash varchar(100) not null,
    enabled       boolean      not null
);
