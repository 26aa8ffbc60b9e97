-- 跟踪落实: a proposal answered B (being solved) or C (to be solved later) stays open as a follow-up until its unit
-- reports it solved. Each progress report is kept.
create table follow_up_report (
    id             bigserial     primary key,
    county_code    varchar(6)    not null,
    proposal_id    bigint        not null references proposal (id),
    department_id  bigint        not null references department (id),
    report         varchar(4000) not null,
    solved         boolean       not null,
    reported_by    varchar(64)   not null,
    reported_at    timestamptz   not null default now()
);
create index follow_up_report_proposal_idx on follow_up_report (proposal_id);
