-- 跟踪落实 lists start from a unit's released B and C replies (few) instead of every answered proposal.
create index reply_follow_up_idx on reply (county_code, department_id) where status = 'RELEASED' and category in ('B', 'C');
-- 待办 lists join a unit's assignments to the proposals still being handled: a small index of those (most of a
-- county's proposals are answered) replaces a scan of every proposal.
create index proposal_assigned_idx on proposal (id) where status = 'ASSIGNED';
