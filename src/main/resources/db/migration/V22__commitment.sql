-- 承诺事项: what a released or imported reply promises (its next-steps part), tracked for the replying unit until a
-- progress report or a later reply to the same proposal closes it.
create table commitment (
    id             bigserial     primary key,
    county_code    varchar(6)    not null,
    reply_id       bigint        not null references reply (id),
    proposal_id    bigint        not null references proposal (id),
    department_id  bigint        not null references department (id),
    seq            integer       not null,
    title          varchar(300),
    text           text          not null,
    doc_number     varchar(60),
    category       varchar(1),
    due_date       date          not null,
    progress       numeric(5, 2) not null default 0 check (progress between 0 and 100),
    status         varchar(8)    not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    closed_note    varchar(300),
    task_id        bigint        references plan_task (id) on delete set null,
    unique (reply_id, seq)
);
create index commitment_department_idx on commitment (county_code, department_id, status);
create index commitment_proposal_idx on commitment (proposal_id);
create index commitment_task_idx on commitment (task_id);

create table commitment_report (
    id             bigserial     primary key,
    county_code    varchar(6)    not null,
    commitment_id  bigint        not null references commitment (id) on delete cascade,
    progress       numeric(5, 2) not null check (progress between 0 and 100),
    text           varchar(4000) not null,
    reported_by    varchar(64)   not null,
    reported_at    timestamptz   not null default now()
);
create index commitment_report_idx on commitment_report (commitment_id, id);
