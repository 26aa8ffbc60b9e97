-- A unit's own name and its aliases share one uniqueness space, enforced by the database: the folded official
-- name is stored as an alias row with official = true. Two units can then never answer to the same name, even
-- when created at the same moment.
alter table department_alias add column official boolean not null default false;

insert into department_alias (county_code, department_id, alias, official)
select d.county_code, d.id, regexp_replace(d.name, '\s', '', 'g'), true
from department d
on conflict (county_code, alias) do nothing;

create unique index department_alias_one_official_idx on department_alias (department_id) where official;
