-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua). Statutory holidays and the
-- weekend days worked instead (调休上班), for every county the platform serves: working-day deadlines (退回期限,
-- 反馈期限, 公开期限, the 20 working days of a land review) count them.
insert into work_calendar (county_code, day, kind, name)
select c.county_code, d::date, 'HOLIDAY', n
from (select distinct county_code from proposal_rule) c, (values
    ('2026-01-01', '元旦'), ('2026-01-02', '元旦'), ('2026-01-03', '元旦'),
    ('2026-02-15', '春节'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'),
    ('2026-02-19', '春节'), ('2026-02-20', '春节'), ('2026-02-21', '春节'), ('2026-02-22', '春节'),
    ('2026-02-23', '春节'),
    ('2026-04-04', '清明节'), ('2026-04-05', '清明节'), ('2026-04-06', '清明节'),
    ('2026-05-01', '劳动节'), ('2026-05-02', '劳动节'), ('2026-05-03', '劳动节'), ('2026-05-04', '劳动节'),
    ('2026-05-05', '劳动节'),
    ('2026-06-19', '端午节'), ('2026-06-20', '端午节'), ('2026-06-21', '端午节'),
    ('2026-09-25', '中秋节'), ('2026-09-26', '中秋节'), ('2026-09-27', '中秋节'),
    ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-03', '国庆节'), ('2026-10-04', '国庆节'),
    ('2026-10-05', '国庆节'), ('2026-10-06', '国庆节'), ('2026-10-07', '国庆节')
) as h(d, n)
on conflict (county_code, day) do nothing;
insert into work_calendar (county_code, day, kind, name)
select c.county_code, d::date, 'WORKDAY', n
from (select distinct county_code from proposal_rule) c, (values
    ('2026-01-04', '元旦调休上班'), ('2026-02-14', '春节调休上班'), ('2026-02-28', '春节调休上班'),
    ('2026-05-09', '劳动节调休上班'), ('2026-09-20', '国庆节调休上班'), ('2026-10-10', '国庆节调休上班')
) as w(d, n)
on conflict (county_code, day) do nothing;
