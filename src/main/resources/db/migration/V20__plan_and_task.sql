-- 重点任务督办: a county's task plans (e.g. 《高平市2025年新型城镇化和城乡融合发展重点任务》), their tasks in a tree
-- (area → task → sub-task) with lead and cooperating departments, milestones, and the lead department's progress
-- reports.
create table plan (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    title        varchar(200) not null,
    year         integer      not null check (year between 2000 and 2100),
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    unique (county_code, title)
);

create table plan_task (
    id                  bigserial     primary key,
    county_code         varchar(6)    not null,
    plan_id             bigint        not null references plan (id) on delete cascade,
    parent_id           bigint        references plan_task (id) on delete cascade,
    code                varchar(20)   not null check (code ~ '^[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2}){0,4}$'),
    seq                 integer       not null,
    title               varchar(300)  not null,
    lead_department_id  bigint        references department (id),
    start_date          date,
    due_date            date,
    weight              numeric(6, 2) not null default 1 check (weight > 0),
    status              varchar(12)   not null default 'NOT_STARTED'
                        check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'LAGGING', 'SUSPENDED')),
    progress            numeric(5, 2) not null default 0 check (progress between 0 and 100),
    version             integer       not null default 0,
    check (start_date is null or due_date is null or due_date >= start_date),
    unique (plan_id, code)
);
create index plan_task_plan_idx on plan_task (plan_id, seq);
create index plan_task_lead_idx on plan_task (lead_department_id);

create table plan_task_cooperator (
    task_id        bigint not null references plan_task (id) on delete cascade,
    department_id  bigint not null references department (id),
    county_code    varchar(6) not null,
    primary key (task_id, department_id)
);

-- 里程碑: dated checkpoints of a task.
create table plan_milestone (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    task_id      bigint       not null references plan_task (id) on delete cascade,
    due_date     date         not null,
    title        varchar(200) not null
);
create index plan_milestone_task_idx on plan_milestone (task_id);

-- 进展报告: the lead department's periodic report on a task (monthly by default), kept in full.
create table progress_report (
    id           bigserial     primary key,
    county_code  varchar(6)    not null,
    task_id      bigint        not null references plan_task (id) on delete cascade,
    period       varchar(7)    not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    progress     numeric(5, 2) not null check (progress between 0 and 100),
    status       varchar(12)   not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'LAGGING', 'SUSPENDED')),
    text         varchar(4000) not null,
    problems     varchar(2000),
    reported_by  varchar(64)   not null,
    reported_at  timestamptz   not null default now()
);
create index progress_report_task_idx on progress_report (task_id, id);
