-- 公开: replies touching the public interest are published (redacted) on the public pages.
alter table reply add column disclosed_at timestamptz;
alter table reply add column disclosed_by varchar(64);
create index reply_disclosed_idx on reply (county_code, disclosed_at desc) where disclosed_at is not null;
