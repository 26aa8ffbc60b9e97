-- 土地流转服务平台, first part: the registry from the 确权 data. Codes follow GB/T 35958-2018: 发包方 14 digits
-- (12-digit village-level division code + 2-digit group), 承包方 18 digits (发包方 + 4), 地块 19 digits (发包方 + 5).
-- Codes are frozen at registration and kept as opaque keys. Identity numbers are stored encrypted (IdentityVault).
create table land_collective (
    id            bigserial    primary key,
    county_code   varchar(6)   not null,
    code          char(14)     not null check (code ~ '^[0-9]{14}$'),
    name          varchar(100) not null,
    village_code  char(12)     not null,
    unique (county_code, code)
);

create table land_household (
    id              bigserial    primary key,
    county_code     varchar(6)   not null,
    collective_id   bigint       not null references land_collective (id),
    code            char(18)     not null check (code ~ '^[0-9]{18}$'),
    head_name       varchar(50)  not null,
    head_id_cipher  bytea        not null,
    head_id_hash    char(64)     not null,
    members         integer      not null check (members between 1 and 99),
    unique (county_code, code)
);
create index land_household_id_hash_idx on land_household (head_id_hash);

-- 承包合同: the household's contract with the collective; the second-round extension counts only once recorded.
create table land_contract (
    id                  bigserial    primary key,
    county_code         varchar(6)   not null,
    household_id        bigint       not null references land_household (id),
    contract_no         varchar(40)  not null,
    start_date          date         not null,
    end_date            date         not null,
    extension_recorded  boolean      not null default false,
    check (end_date > start_date),
    unique (county_code, contract_no)
);

create table land_parcel (
    id              bigserial     primary key,
    county_code     varchar(6)    not null,
    code            char(19)      not null check (code ~ '^[0-9]{19}$'),
    collective_id   bigint        not null references land_collective (id),
    household_id    bigint        not null references land_household (id),
    name            varchar(60)   not null,
    area_mu         numeric(10, 2) not null check (area_mu > 0),
    land_type       varchar(12)   not null check (land_type in ('CULTIVATED', 'GARDEN', 'FOREST', 'GRASS', 'OTHER')),
    basic_farmland  boolean       not null default false,
    east            varchar(60),
    south           varchar(60),
    west            varchar(60),
    north           varchar(60),
    boundary        jsonb,
    unique (county_code, code)
);
create index land_parcel_household_idx on land_parcel (household_id);
