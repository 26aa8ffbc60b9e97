-- In-app notifications (站内通知) to a unit or an account; other channels (SMS, e-mail) are adapters.
create table notification (
    id             bigserial    primary key,
    county_code    varchar(6)   not null,
    department_id  bigint       references department (id),
    username       varchar(64),
    kind           varchar(40)  not null,
    subject_key    varchar(80)  not null,
    message        varchar(500) not null,
    link           varchar(200),
    created_at     timestamptz  not null default now(),
    read_at        timestamptz,
    check (department_id is not null or username is not null)
);
-- one notification per kind, subject and recipient: the daily job can run any number of times
create unique index notification_once_idx on notification (kind, subject_key, coalesce(department_id, 0), coalesce(username, ''));
create index notification_department_idx on notification (department_id, read_at);
create index notification_username_idx on notification (username, read_at);

-- 逾期未反馈: recorded by the daily job for each proposer who did not answer within the feedback window.
alter table proposal_feedback drop constraint proposal_feedback_verdict_check;
alter table proposal_feedback add constraint proposal_feedback_verdict_check
    check (verdict in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'NO_RESPONSE'));
