-- Notifications (docs/notifications.md).

-- Addresses and choices: a view of EmailSet and NotificationPreferenceSet, written in the command's transaction.
create table mail_address (
    person_id varchar(64)  primary key,
    email     varchar(254) not null
);
create table notification_preference (
    person_id   varchar(64) not null,
    kind        varchar(32) not null,
    delivery    varchar(16) not null,
    digest_hour integer,
    primary key (person_id, kind)
);

-- The mail outbox's own copy of what a notice says about a request and who holds each open step until when, kept
-- by its tracking processor in event order (so a notice never names a request the outbox has not seen yet).
create table mail_request (
    request_id varchar(36)  primary key,
    title      varchar(200) not null,
    category   varchar(64),
    amount     numeric(19, 2),
    currency   varchar(3),
    requester  varchar(64)  not null,
    -- the last decision on it, to say who rejected it and why
    last_decision varchar(2400)
);
create table mail_step (
    step_id        varchar(64) primary key,
    request_id     varchar(36) not null,
    holder         varchar(64) not null,
    due_at         timestamp with time zone,
    arrived_at     timestamp with time zone not null,
    soon_queued    boolean     not null,
    overdue_queued boolean     not null
);
-- reminders look at steps by due time, never at all of them
create index mail_step_due on mail_step (due_at);
create index mail_step_request on mail_step (request_id);

-- Standing mandates until they end, for the reminder that one is about to.
create table mail_mandate (
    mandate_id   varchar(36) primary key,
    grantor      varchar(64) not null,
    holder       varchar(64) not null,
    principal    varchar(64) not null,
    valid_until  timestamp with time zone not null,
    reminded     boolean     not null
);
create index mail_mandate_until on mail_mandate (valid_until);

-- One row per event (or reminder) and recipient: queued with the processor's token, so once; sent after a claim,
-- so by one node; marked sent after the server took it, so a crash in between sends it once more at most.
create table mail_notice (
    notice_id     varchar(36)   primary key,
    event_id      varchar(255)  not null,
    recipient     varchar(64)   not null,
    -- set when the recipient may decide the step for its holder under a mandate
    on_behalf_of  varchar(64),
    kind          varchar(32)   not null,
    request_id    varchar(36),
    step_id       varchar(64),
    headline      varchar(400)  not null,
    reason        varchar(2400) not null,
    due_at        timestamp with time zone,
    digest        boolean       not null,
    status        varchar(16)   not null,
    attempts      integer       not null,
    created_at    timestamp with time zone not null,
    send_after    timestamp with time zone not null,
    claim_id      varchar(36),
    claimed_until timestamp with time zone,
    sent_at       timestamp with time zone,
    last_error    varchar(1000),
    constraint mail_notice_once unique (event_id, recipient)
);
create index mail_notice_due on mail_notice (status, send_after);

-- Act-from-the-mail links: the signing key (made once, shared by every node) and the links already used.
create table mail_link_key (
    key_id varchar(16)  primary key,
    secret varchar(100) not null
);
create table mail_link_use (
    link_id   varchar(36) primary key,
    person_id varchar(64) not null,
    outcome   varchar(16) not null,
    used_at   timestamp with time zone not null
);
