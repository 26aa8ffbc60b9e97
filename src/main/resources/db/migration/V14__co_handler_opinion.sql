-- 会办意见: a co-handling unit's written opinion to the lead unit, due co_opinion_months after assignment.
create table co_handler_opinion (
    id             bigserial     primary key,
    county_code    varchar(6)    not null,
    assignment_id  bigint        not null unique references proposal_assignment (id),
    proposal_id    bigint        not null references proposal (id),
    department_id  bigint        not null references department (id),
    opinion        varchar(4000) not null,
    submitted_by   varchar(64)   not null,
    submitted_at   timestamptz   not null default now()
);
create index co_handler_opinion_proposal_idx on co_handler_opinion (proposal_id);
alter table proposal_rule add column co_opinion_months integer not null default 1
    check (co_opinion_months between 1 and 6);
