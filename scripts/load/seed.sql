-- Load-test data: 10,000 proposals of a clearly marked session（压测）, spread over the county's handling units.
-- As in a county's accumulated history, most are answered: 9,500 with a released, disclosed reply, 500 still open
-- (about 23 per unit). Used only by scripts/load.sh on a throw-away data directory.
insert into congress_session (county_code, kind, name, number_prefix, open)
values ('140581', 'CPPCC', '（压测）政协高平市第九十九次会议', 'YC', false);
insert into proposer (county_code, name)
select '140581', '（压测）委员' || g from generate_series(1, 200) g;
create temporary table load_unit as
select row_number() over (order by id) - 1 as k, id from department
where county_code = '140581' and unit_type in ('GOVERNMENT_DEPARTMENT', 'OTHER') and active;
insert into proposal (county_code, kind, session_id, number, title, proposer_id, body, subject, status, submitted_on,
                      submitted_by)
select '140581', 'CPPCC', s.id, 'YC' || lpad(g::text, 5, '0'), '（压测）关于推进城乡融合第' || g || '项工作的提案',
       (select id from proposer where county_code = '140581' and name = '（压测）委员' || (g % 200 + 1)),
       '压测用提案正文。', '城乡建设', case when g % 20 = 0 then 'ASSIGNED' else 'REPLIED' end,
       current_date - 60, 'demo-office'
from generate_series(1, 10000) g, congress_session s where s.name = '（压测）政协高平市第九十九次会议';
insert into proposal_assignment (county_code, proposal_id, department_id, mode, state, assigned_on, return_deadline,
                                 due_date, signed_at)
select '140581', p.id, u.id, 'SEPARATE', 'SIGNED', current_date - 60, current_date - 53,
       current_date + ((p.id % 120) - 30)::int, now()
from proposal p join congress_session s on s.id = p.session_id and s.name = '（压测）政协高平市第九十九次会议'
join load_unit u on u.k = p.id % (select count(*) from load_unit);
insert into reply (county_code, proposal_id, department_id, assignment_id, doc_number, issuer, category, signer, phone,
                   reply_date, letter_text, text_hash, imported_by, status, body, disclosed_at, disclosed_by)
select '140581', p.id, a.department_id, a.id, '压测〔2026〕' || p.id || '号', '压测单位', 'A', '局长', '0356-5220000',
       current_date - 10, '压测答复正文' || p.id, encode(sha256(('load-' || p.id)::bytea), 'hex'), 'load', 'RELEASED',
       '压测答复正文', now() - (p.id || ' seconds')::interval, 'load'
from proposal p join proposal_assignment a on a.proposal_id = p.id
where p.status = 'REPLIED' and p.number like 'YC%';
-- fresh statistics for the planner, as autovacuum would gather shortly after a bulk load
analyze;
