-- The inbox and request view are written in each command's own transaction (docs/adr/0010-inline-read-models.md):
-- their tracking processors, and so their tokens, are gone. Their rows stay as the tracking processors left them;
-- if those were behind when the last node stopped, rebuild both once (POST /api/admin/projections/{name}/rebuild).
delete from token_entry where processor_name in ('inbox', 'request-view');
