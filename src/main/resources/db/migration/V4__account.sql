-- Accounts: one role each; handling-unit staff are bound to one department.
create table app_user (
    id             bigserial    primary key,
    county_code    varchar(6)   not null,
    username       varchar(64)  not null unique,
    password_hash  varchar(200) not null,
    display_name   varchar(100) not null,
    role           varchar(32)  not null check (role in ('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'PROPOSER', 'LEADER')),
    department_id  bigint       references department (id),
    phone          varchar(20),
    enabled        boolean      not null default true,
    created_at     timestamptz  not null default now(),
    constraint app_user_unit_staff_has_department check (role <> 'UNIT_STAFF' or department_id is not null)
);
create index app_user_department_idx on app_user (department_id);
