-- Committee votes in the mail outbox (docs/committees.md, ADR 0020): a vote has no single holder, so each voter who
-- has not voted yet has a seat row of their own, with their own reminders. A voter's seat goes when they vote, leave
-- or the vote closes; nobody is reminded of a vote they are not (or no longer) missing from.
create table mail_vote_seat (
    step_id        varchar(64) not null,
    voter          varchar(64) not null,
    request_id     varchar(36) not null,
    due_at         timestamp with time zone,
    arrived_at     timestamp with time zone not null,
    soon_queued    boolean     not null,
    overdue_queued boolean     not null,
    primary key (step_id, voter)
);
create index mail_vote_seat_due on mail_vote_seat (due_at);
create index mail_vote_seat_request on mail_vote_seat (request_id);
