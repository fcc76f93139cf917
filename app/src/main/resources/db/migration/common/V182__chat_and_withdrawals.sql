-- Chat webhooks and withdrawal notices (docs/notifications.md).

-- One row per event and channel: queued with the outbox's token, so once; posted after a claim, so by one node;
-- marked sent after the chat server answered 2xx, so a crash in between posts it once more at most.
create table chat_notice (
    notice_id     varchar(36)   primary key,
    event_id      varchar(255)  not null,
    channel       varchar(64)   not null,
    kind          varchar(32)   not null,
    request_id    varchar(36),
    step_id       varchar(64),
    -- whom the notice is about (the step's holder, the requester, those who held a withdrawn request's steps)
    person        varchar(400),
    headline      varchar(400)  not null,
    reason        varchar(2400) not null,
    due_at        timestamp with time zone,
    status        varchar(16)   not null,
    attempts      integer       not null,
    created_at    timestamp with time zone not null,
    send_after    timestamp with time zone not null,
    claim_id      varchar(36),
    claimed_until timestamp with time zone,
    sent_at       timestamp with time zone,
    last_status   integer,
    last_error    varchar(1000),
    constraint chat_notice_once unique (event_id, channel)
);
create index chat_notice_due on chat_notice (status, send_after);

-- Whose step it is while it is lent: the lender hears of a withdrawal too.
alter table mail_step add column owner varchar(64);
