-- Land matching benchmark data (issue 6), used only by scripts/land-match-load.sh on a throw-away data directory and
-- run by scripts/load/LandSeed.java, which sets bench.head_id_cipher / bench.head_id_hash (one invented identity
-- number, encrypted with the instance's key). Every name is marked （压测）.
--
-- A registry of 100,000 parcels: 40,000 households in 2–6 groups (collectives 11–16) of each of the county's 304
-- 村委会 (the 34 urban 社区 have no contracted land), 2 or 3 parcels each: small plots as on Gaoping's hills (耕地 mostly
-- 0.3–6 亩, one in 25 a consolidated 10–60 亩 field; 园地, 林地, 草地, 其他), two thirds of the 耕地 permanent basic
-- farmland. 20,000 open supply listings, one per household, offering its first parcel or all its parcels other than
-- forest land and grassland (about a third of the parcels), with varied form, term, minimum rent and allowed uses;
-- 4,000 closed listings of other households (already transferred). Eight demands of different townships, area
-- ranges, land types and uses. Pseudo-random but repeatable: every choice is a hash of a code (pg_temp.r, 0–999).
create function pg_temp.r(k text) returns int language sql immutable as $$ select abs(hashtext(k)) % 1000 $$;

create temporary table bench_village as
select row_number() over (order by code) as k, code, name from region
where county_code = '140581' and level = 'VILLAGE' and name like '%村委会';

insert into land_collective (county_code, code, name, village_code)
select '140581', v.code || (10 + g), '（压测）' || replace(v.name, '村委会', '村') || (10 + g) || '组', v.code
from bench_village v, generate_series(1, 2 + (v.k % 5)::int) g;

create temporary table bench_collective as
select row_number() over (order by code) - 1 as k, id, code from land_collective
where county_code = '140581' and name like '（压测）%';

-- households dealt to the collectives in turn; the 4-digit sequence is the round
insert into land_household (county_code, collective_id, code, head_name, head_id_cipher, head_id_hash, members)
select '140581', c.id, c.code || lpad(((h - 1) / n.n + 1)::text, 4, '0'), '（压测）户主' || h,
       decode(current_setting('bench.head_id_cipher'), 'hex'), current_setting('bench.head_id_hash'), 1 + h % 6
from generate_series(1, 40000) h
cross join (select count(*) as n from bench_collective) n
join bench_collective c on c.k = (h - 1) % n.n;

create temporary table bench_household as
select row_number() over (order by id) as h, id, collective_id, code from land_household
where county_code = '140581' and head_name like '（压测）户主%';

insert into land_contract (county_code, household_id, contract_no, start_date, end_date, extension_recorded)
select '140581', id, '（压测）HT' || code, date '1998-10-01', date '2028-09-30', pg_temp.r(code || 'x') < 700
from bench_household;

-- 2 parcels for even households, 3 for odd ones: 100,000; the first parcel is never forest land or grassland
create temporary table bench_parcel as
select p.*,
       case when t = 'CULTIVATED' and pg_temp.r(code || 'big') < 40 then round(10 + 50 * pg_temp.r(code || 'a') / 1000.0, 2)
            when t = 'CULTIVATED' then round(0.3 + 6 * power(pg_temp.r(code || 'a') / 1000.0, 2), 2)
            when t in ('FOREST', 'GRASS') then round(1 + 29 * pg_temp.r(code || 'a') / 1000.0, 2)
            else round(0.2 + 3.8 * pg_temp.r(code || 'a') / 1000.0, 2) end as area,
       t = 'CULTIVATED' and pg_temp.r(code || 'b') < 650 as basic_farmland
from (select h.id as household_id, h.collective_id, j,
             substr(h.code, 1, 14) || lpad(((substr(h.code, 15, 4)::int - 1) * 3 + j)::text, 5, '0') as code,
             case when j = 1 then case when pg_temp.r(h.code || j) < 850 then 'CULTIVATED'
                                       when pg_temp.r(h.code || j) < 950 then 'GARDEN' else 'OTHER' end
                  else case when pg_temp.r(h.code || j) < 600 then 'CULTIVATED'
                            when pg_temp.r(h.code || j) < 700 then 'GARDEN'
                            when pg_temp.r(h.code || j) < 850 then 'FOREST'
                            when pg_temp.r(h.code || j) < 900 then 'GRASS' else 'OTHER' end end as t
      from bench_household h, generate_series(1, 2 + (h.h % 2)::int) j) p;

insert into land_parcel (county_code, code, collective_id, household_id, name, area_mu, land_type, basic_farmland,
                         east, south, west, north)
select '140581', code, collective_id, household_id,
       '（压测）' || (array['大坪地', '沟掌地', '南坡地', '河滩地', '后岭地', '东沟地', '西梁地', '庙后地', '井边地', '圪垛地'])[1 + pg_temp.r(code || 'n') % 10],
       area, t, basic_farmland, '路', '沟', '邻地', '渠'
from bench_parcel;

-- which households list: 20,000 open listings, then 4,000 closed ones
create temporary table bench_listing as
select h.id as household_id, h.code, row_number() over (order by pg_temp.r(h.code || 'l'), h.id) as n
from bench_household h;
delete from bench_listing where n > 24000;

insert into land_supply (county_code, household_id, by_mandate, form, term_years, min_rent, allowed_uses, status,
                         published_by, published_at)
select '140581', household_id, pg_temp.r(code || 'm') < 300,
       case when pg_temp.r(code || 'f') < 800 then 'LEASE' when pg_temp.r(code || 'f') < 950 then 'SHARE' else 'OTHER' end,
       (array[3, 5, 5, 8, 10, 10, 10, 15, 15, 20, 25, 30])[1 + pg_temp.r(code || 'y') % 12],
       case when pg_temp.r(code || 'z') < 30 then 0 else 300 + 10 * (pg_temp.r(code || 'p') % 60) end,
       (array['GRAIN', 'GRAIN', 'GRAIN', 'GRAIN', 'GRAIN', 'GRAIN', 'GRAIN,CASH_CROP', 'GRAIN,CASH_CROP', 'GRAIN,CASH_CROP',
              'GRAIN,VEGETABLE', 'GRAIN,VEGETABLE', 'GRAIN,CASH_CROP,VEGETABLE', 'GRAIN,CASH_CROP,VEGETABLE',
              'CASH_CROP,VEGETABLE', 'ORCHARD', 'GRAIN,ORCHARD', 'LIVESTOCK', 'GRAIN,LIVESTOCK', 'AQUACULTURE',
              'GRAIN,CASH_CROP,VEGETABLE,ORCHARD,LIVESTOCK'])[1 + pg_temp.r(code || 'u') % 20],
       case when n <= 20000 then 'OPEN' else 'CLOSED' end, 'load',
       now() - make_interval(days => pg_temp.r(code || 'd') % 180, secs => n)
from bench_listing;

-- a listing offers the household's first parcel, or (six in ten) all its parcels but forest land and grassland
insert into land_supply_parcel (supply_id, parcel_id, county_code)
select s.id, p.id, '140581'
from bench_listing l join land_supply s on s.household_id = l.household_id and s.published_by = 'load'
join bench_parcel b on b.household_id = l.household_id
join land_parcel p on p.county_code = '140581' and p.code = b.code
where b.j = 1 or (pg_temp.r(l.code || 'all') < 600 and b.t not in ('FOREST', 'GRASS'));

insert into land_demand (county_code, transferee_name, transferee_kind, townships, min_area, max_area, land_type,
                         land_use, term_years, max_rent, published_by)
values ('140581', '（压测）原村乡粮食种植专业合作社', 'COOPERATIVE', '140581203', 30, 150, 'CULTIVATED', 'GRAIN', 10, 700, 'load'),
       ('140581', '（压测）三甲神农蔬菜有限公司', 'ENTERPRISE', '140581102,140581103', 50, 300, 'CULTIVATED', 'VEGETABLE', 15, 800, 'load'),
       ('140581', '（压测）米山镇家庭农场', 'FAMILY_FARM', '140581101', 5, 20, 'CULTIVATED', 'CASH_CROP', 5, 500, 'load'),
       ('140581', '（压测）河西马村野川果业合作社', 'COOPERATIVE', '140581106,140581107,140581108', 10, 50, 'GARDEN', 'ORCHARD', 20, 600, 'load'),
       ('140581', '（压测）石末乡养殖户', 'HOUSEHOLD', '140581202', 2, 10, 'OTHER', 'LIVESTOCK', 8, 400, 'load'),
       ('140581', '（压测）北城街道城郊菜园', 'FAMILY_FARM', '140581001', 3, 15, 'CULTIVATED', 'VEGETABLE', 5, 900, 'load'),
       ('140581', '（压测）建宁乡粮食收储公司', 'ENTERPRISE', '140581201', 100, 500, 'CULTIVATED', 'GRAIN', 20, 600, 'load'),
       ('140581', '（压测）高平市东部五乡镇规模种植公司', 'ENTERPRISE', '140581104,140581105,140581109,140581201,140581202', 100, 1000,
        'CULTIVATED', 'GRAIN', 10, 650, 'load');

-- fresh statistics for the planner, as autovacuum would gather shortly after a bulk load
analyze;

select 'data', (select count(*) from land_parcel where county_code = '140581') as parcels,
       (select count(*) from land_household where county_code = '140581') as households,
       (select count(*) from land_collective where county_code = '140581') as collectives,
       (select count(*) from land_supply where county_code = '140581' and status = 'OPEN') as open_supply,
       (select count(*) from land_supply_parcel sp join land_supply s on s.id = sp.supply_id
        where s.county_code = '140581' and s.status = 'OPEN') as listed_parcels;
select 'demand', id, transferee_name from land_demand where county_code = '140581' and published_by = 'load' order by id;
