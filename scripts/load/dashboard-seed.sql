-- Dashboard benchmark data (issue 5): 50 indicators × 10 years with targets, and one plan of 2,000 tasks
-- (4 areas × 20 tasks × 24 sub-tasks, plus the 84 parents), led by the county's units, with cooperators, a
-- milestone each and last month's reports for half of them. Clearly marked （压测）. Used only by
-- scripts/dashboard-load.sh on a throw-away data directory.
insert into indicator (county_code, name, unit, kind, frequency, source, department_id, seq)
select '140581', '（压测）指标' || g, case when g % 2 = 0 then '%' else '亿元' end,
       case when g % 2 = 0 then 'RATE' else 'AMOUNT' end, 'YEAR', '压测', d.id, 100 + g
from generate_series(1, 50) g
join lateral (select id from department where county_code = '140581' and unit_type = 'GOVERNMENT_DEPARTMENT'
              order by id offset (g % 11) limit 1) d on true;
insert into indicator_value (county_code, indicator_id, period, value, source, recorded_by)
select '140581', i.id, (2015 + y)::text, 50 + y * 1.3 + i.id % 7, '压测', 'load'
from indicator i, generate_series(0, 9) y where i.name like '（压测）%';
insert into indicator_target (county_code, indicator_id, period, value)
select '140581', i.id, (2015 + y)::text, 52 + y * 1.3 from indicator i, generate_series(0, 9) y where i.name like '（压测）%';

insert into plan (county_code, title, year, created_by, created_at)
values ('140581', '（压测）重点任务', 2026, 'load', now() - interval '90 days');
create temporary table load_unit as
select row_number() over (order by id) - 1 as k, id from department
where county_code = '140581' and unit_type = 'GOVERNMENT_DEPARTMENT';
insert into plan_task (county_code, plan_id, parent_id, code, seq, title, status, progress)
select '140581', p.id, null, a::text, a * 10000, '（压测）领域' || a, 'IN_PROGRESS', 0
from plan p, generate_series(1, 4) a where p.title = '（压测）重点任务';
insert into plan_task (county_code, plan_id, parent_id, code, seq, title, lead_department_id, status, progress)
select '140581', p.id, t.id, a || '.' || b, a * 10000 + b * 100, '（压测）任务' || a || '.' || b,
       (select id from load_unit where k = (a * 20 + b) % (select count(*) from load_unit)), 'IN_PROGRESS', 0
from plan p join plan_task t on t.plan_id = p.id and t.parent_id is null, generate_series(1, 20) b,
     lateral (select t.code::int as a) x
where p.title = '（压测）重点任务';
insert into plan_task (county_code, plan_id, parent_id, code, seq, title, lead_department_id, start_date, due_date,
                       weight, status, progress)
select '140581', t.plan_id, t.id, t.code || '.' || c, t.seq + c, '（压测）子任务' || t.code || '.' || c,
       (select id from load_unit where k = (t.id + c) % (select count(*) from load_unit)),
       date '2026-01-01', date '2026-01-01' + ((t.id * 7 + c * 13) % 500)::int,
       1 + c % 3, case when c % 5 = 0 then 'DONE' when c % 7 = 0 then 'LAGGING' else 'IN_PROGRESS' end,
       case when c % 5 = 0 then 100 else (c * 4) % 100 end
from plan_task t join plan p on p.id = t.plan_id and p.title = '（压测）重点任务', generate_series(1, 24) c
where t.code ~ '^[0-9]+\.[0-9]+$';
insert into plan_task_cooperator (task_id, department_id, county_code)
select t.id, u.id, '140581' from plan_task t join plan p on p.id = t.plan_id and p.title = '（压测）重点任务'
join load_unit u on u.k = (t.id + 3) % (select count(*) from load_unit) where t.lead_department_id is not null
  and t.lead_department_id <> u.id;
insert into plan_milestone (county_code, task_id, due_date, title)
select '140581', t.id, date '2026-06-30', '（压测）阶段目标' from plan_task t join plan p on p.id = t.plan_id
where p.title = '（压测）重点任务' and t.code ~ '^[0-9]+\.[0-9]+\.[0-9]+$';
insert into progress_report (county_code, task_id, period, progress, status, text, reported_by)
select '140581', t.id, to_char(now() - interval '1 month', 'YYYY-MM'), t.progress, t.status, '（压测）', 'load'
from plan_task t join plan p on p.id = t.plan_id
where p.title = '（压测）重点任务' and t.code ~ '^[0-9]+\.[0-9]+\.[0-9]+$' and t.id % 2 = 0;
analyze;
