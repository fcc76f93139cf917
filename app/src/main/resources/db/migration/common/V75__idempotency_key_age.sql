-- The retention's cleanup deletes by age (IdempotencyRetention): find old keys without reading the table.
create index idempotency_key_created_at on idempotency_key (created_at);
