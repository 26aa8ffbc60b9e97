-- 公开期限: a released reply touching the public interest is published within the county's disclosure window
-- (default 20 working days after the reply date, ../shared/domain/proposals.md "Disclosure"); the CPPCC office
-- either publishes it or records why it is not published (不予公开: not of public interest, or secret content).
alter table proposal_rule add column disclosure_working_days integer not null default 20
    check (disclosure_working_days between 1 and 60);

alter table reply add column withheld_at timestamptz;
alter table reply add column withheld_by varchar(64);
alter table reply add column withheld_reason varchar(500);
-- a reply is either published or withheld, never both; a withheld reply has its reason
alter table reply add constraint reply_disclosure_decision_check check (
    (withheld_at is null and withheld_reason is null)
    or (withheld_at is not null and disclosed_at is null and withheld_reason is not null));
-- released replies still awaiting the office's decision
create index reply_disclosure_pending_idx on reply (county_code, reply_date)
    where status = 'RELEASED' and disclosed_at is null and withheld_at is null;
