-- Issue 23's leftovers for send back (docs/conversation.md). The inbox knows which step waits for its requester's
-- answer, and since when: such a step's clock stands still, so it is never overdue, and GET /api/inbox says it
-- waits. A question can also end unanswered, when the requester leaves before answering: who recorded the
-- departure, and when. Both tables are inline read models, emptied and replayed on a rebuild.
alter table inbox_item add column waiting_since timestamp with time zone;
alter table request_question_view add column requester_left_at timestamp with time zone;
alter table request_question_view add column left_recorded_by varchar(64);
