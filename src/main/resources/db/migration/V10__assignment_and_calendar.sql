-- Proposal handling, third part: the county's handling rules, the working-day calendar, and assignment (交办) of
-- filed proposals to handling units with sign-for (签收), return (退回) and deadline extension (延期).

-- Per-county handling periods (defaults from docs/modules/proposal.md / shared domain rules).
create table proposal_rule (
    county_code           varchar(6) primary key,
    handling_months       integer    not null default 3 check (handling_months between 1 and 12),
    max_extension_months  integer    not null default 6 check (max_extension_months between 1 and 12),
    return_working_days   integer    not null default 5 check (return_working_days between 1 and 30),
    feedback_working_days integer    not null default 15 check (feedback_working_days between 1 and 60),
    rehandle_months       integer    not null default 1 check (rehandle_months between 1 and 6)
);
insert into proposal_rule (county_code) values ('140581');

-- Days that differ from the Monday–Friday week: statutory holidays (HOLIDAY) and weekend days worked instead
-- (WORKDAY, 调休上班). Administrators add each year's calendar when the State Council publishes it.
create table work_calendar (
    county_code  varchar(6)  not null,
    day          date        not null,
    kind         varchar(8)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name         varchar(40) not null,
    primary key (county_code, day)
);
-- 2025: 国务院办公厅关于2025年部分节假日安排的通知.
insert into work_calendar (county_code, day, kind, name)
select '140581', d::date, 'HOLIDAY', n from (values
    ('2025-01-01', '元旦'),
    ('2025-01-28', '春节'), ('2025-01-29', '春节'), ('2025-01-30', '春节'), ('2025-01-31', '春节'),
    ('2025-02-01', '春节'), ('2025-02-02', '春节'), ('2025-02-03', '春节'), ('2025-02-04', '春节'),
    ('2025-04-04', '清明节'), ('2025-04-05', '清明节'), ('2025-04-06', '清明节'),
    ('2025-05-01', '劳动节'), ('2025-05-02', '劳动节'), ('2025-05-03', '劳动节'), ('2025-05-04', '劳动节'),
    ('2025-05-05', '劳动节'),
    ('2025-05-31', '端午节'), ('2025-06-01', '端午节'), ('2025-06-02', '端午节'),
    ('2025-10-01', '国庆节、中秋节'), ('2025-10-02', '国庆节、中秋节'), ('2025-10-03', '国庆节、中秋节'),
    ('2025-10-04', '国庆节、中秋节'), ('2025-10-05', '国庆节、中秋节'), ('2025-10-06', '国庆节、中秋节'),
    ('2025-10-07', '国庆节、中秋节'), ('2025-10-08', '国庆节、中秋节')
) as h(d, n);
insert into work_calendar (county_code, day, kind, name)
select '140581', d::date, 'WORKDAY', n from (values
    ('2025-01-26', '春节调休上班'), ('2025-02-08', '春节调休上班'), ('2025-04-27', '劳动节调休上班'),
    ('2025-09-28', '国庆节调休上班'), ('2025-10-11', '国庆节调休上班')
) as w(d, n);

alter table proposal drop constraint proposal_status_check;
alter table proposal add constraint proposal_status_check
    check (status in ('SUBMITTED', 'FILED', 'REJECTED', 'MERGED', 'ASSIGNED', 'REPLIED'));

-- 交办: one row per unit a filed proposal is sent to.
create table proposal_assignment (
    id               bigserial    primary key,
    county_code      varchar(6)   not null,
    proposal_id      bigint       not null references proposal (id),
    department_id    bigint       not null references department (id),
    mode             varchar(12)  not null check (mode in ('SEPARATE', 'LEAD', 'CO_HANDLER')),
    state            varchar(10)  not null default 'PENDING' check (state in ('PENDING', 'SIGNED', 'RETURNED')),
    assigned_on      date         not null,
    return_deadline  date         not null,
    due_date         date         not null,
    signed_at        timestamptz,
    returned_reason  varchar(500),
    extension_reason varchar(500)
);
create index proposal_assignment_proposal_idx on proposal_assignment (proposal_id);
create index proposal_assignment_department_idx on proposal_assignment (department_id, state);
-- a unit holds at most one live assignment of a proposal
create unique index proposal_assignment_live_idx on proposal_assignment (proposal_id, department_id)
    where state <> 'RETURNED';
