-- L11: collective members have first refusal on equal terms — for this many days after a supply listing is published,
-- its parcels go only to members of the same collective (农村土地承包法 art. 38; 办法 art. 9). County setting.
alter table land_rule add column first_refusal_days integer not null default 15 check (first_refusal_days between 0 and 90);
