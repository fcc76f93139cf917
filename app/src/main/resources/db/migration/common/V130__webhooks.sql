-- Webhooks (docs/events-out.md). Subscriptions are a view of the WebhookSubscribed/-Cancelled events, kept in the
-- command's transaction. event_types is stored as ',StepDecided,RequestApproved,' (or ',*,') for a LIKE match.
create table webhook_subscription (
    subscription_id varchar(36)   primary key,
    url             varchar(2000) not null,
    event_types     varchar(4200) not null,
    subscribed_by   varchar(64)   not null,
    subscribed_at   timestamp with time zone not null,
    active          boolean       not null
);

-- The signing secret is no part of any event (events are published and kept forever): it is written once, beside
-- the command that registers the subscription, and never shown again. It is kept as is: every delivery is signed
-- with it, so it cannot be hashed like a password.
create table webhook_secret (
    subscription_id varchar(36)  primary key,
    secret          varchar(100) not null
);

-- One row per event and subscription: the outbox the dispatcher works through. PENDING rows are retried with
-- exponential backoff until give-up-after has passed since created_at, then PARKED until an admin redelivers.
create table webhook_delivery (
    delivery_id     varchar(36)   primary key,
    subscription_id varchar(36)   not null,
    event_id        varchar(255)  not null,
    event_type      varchar(200)  not null,
    subject         varchar(255),
    global_index    bigint        not null,
    body            varchar(1000000) not null,
    status          varchar(16)   not null,
    attempts        integer       not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    last_attempt_at timestamp with time zone,
    last_status     integer,
    last_error      varchar(1000),
    delivered_at    timestamp with time zone,
    claimed_until   timestamp with time zone,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_order on webhook_delivery (subscription_id, subject, global_index);
