-- How many projection segments a node held at its last heartbeat. A node asks for segments by holding fewer than
-- its fair share; a node that died keeps the count it had, so it never seems to ask (see SegmentBalancer).
alter table cluster_node add column segments_held integer default 0 not null;
