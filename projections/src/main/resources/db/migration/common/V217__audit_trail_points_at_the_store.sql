-- The audit trail keeps the columns auditors filter on and points at the stored event, by global index, for the
-- rest: its identifier, aggregate, payload and metadata are read from domain_event_entry, the bytes the ledger
-- proves, instead of a second copy of them (docs/adr/0025-audit-trail-points-at-the-store.md). A row was about
-- 1.3 KB; a rebuild now writes a fifth of that.
alter table audit_event drop column payload;
alter table audit_event drop column meta_data;
alter table audit_event drop column event_id;
alter table audit_event drop column aggregate_type;
alter table audit_event drop column aggregate_id;
alter table audit_event drop column sequence_number;
-- no query could use it: the one that filters on the type (the authority in force) also takes every type whose
-- name contains "Mandate", which an index on the type's beginning cannot find
drop index audit_event_type;
