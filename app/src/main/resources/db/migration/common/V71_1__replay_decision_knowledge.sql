-- Existing databases: replay the decision knowledge from event zero once, so that people who joined, changed
-- manager or left before its knowledge_person table (V71) existed are in it. Its handlers replace rows, so
-- replaying over them is safe; the processor starts from the first event when it finds no token. Here, not next to
-- V71: the token store is the app's (V1), and the projections module migrates without it in its own tests.
delete from token_entry where processor_name = 'decision-knowledge';
