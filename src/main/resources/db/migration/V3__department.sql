-- Departments and other units of a county (bureaus, CPPCC office, supervision office ...).
create table department (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    name         varchar(100) not null,
    short_name   varchar(40)  not null,
    doc_code     varchar(20)  not null,
    unit_type    varchar(32)  not null check (unit_type in ('GOVERNMENT_DEPARTMENT', 'CPPCC_OFFICE', 'SUPERVISION_OFFICE', 'NPC_OFFICE', 'OTHER')),
    active       boolean      not null default true,
    version      integer      not null default 0,
    unique (county_code, name),
    unique (county_code, doc_code)
);

-- Other names a unit is known by (old names, letterhead vs. signature names, abbreviations).
-- Stored normalised (no whitespace, full-width forms folded) so that lookups are exact.
create table department_alias (
    id             bigserial    primary key,
    county_code    varchar(6)   not null,
    department_id  bigint       not null references department (id) on delete cascade,
    alias          varchar(100) not null,
    unique (county_code, alias)
);
create index department_alias_department_idx on department_alias (department_id);
