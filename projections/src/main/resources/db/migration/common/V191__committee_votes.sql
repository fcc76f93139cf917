-- Committee votes (issue 22, ADR 0015): part of the request view, written in the command's transaction. One row per
-- vote step (its rule and, once decided, the outcome) and one per voter with their current vote; a voter who left
-- is deleted. The step itself also has its request_step_view row, with the committee as its assignee.
create table vote_step (
    step_id      varchar(64)  primary key,
    request_id   varchar(36)  not null,
    committee_id varchar(64),
    rule         varchar(300) not null,
    needed       integer      not null,
    left_out     varchar(64),
    outcome      varchar(20),
    reason       varchar(1000),
    closed_at    timestamp with time zone
);
create index vote_step_request on vote_step (request_id);

create table vote_voter (
    step_id    varchar(64) not null,
    voter      varchar(64) not null,
    position   integer     not null,
    vote       varchar(20),
    voted_by   varchar(64),
    mandate_id varchar(64),
    rationale  varchar(4000),
    voted_at   timestamp with time zone,
    primary key (step_id, voter)
);
create index vote_voter_voter on vote_voter (voter);
