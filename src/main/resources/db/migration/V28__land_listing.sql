-- 供需发布: supply listings (a household offers parcels, or the collective on its written mandate, L01) and demand
-- listings (a transferee looks for land); matching ranks supply for a demand.
create table land_supply (
    id              bigserial     primary key,
    county_code     varchar(6)    not null,
    household_id    bigint        not null references land_household (id),
    by_mandate      boolean       not null default false,
    form            varchar(8)    not null check (form in ('LEASE', 'SHARE', 'OTHER')),
    term_years      integer       not null check (term_years between 1 and 30),
    min_rent        numeric(10, 2) not null check (min_rent >= 0),
    allowed_uses    varchar(200)  not null,
    status          varchar(8)    not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    published_by    varchar(64)   not null,
    published_at    timestamptz   not null default now()
);

create table land_supply_parcel (
    supply_id    bigint      not null references land_supply (id) on delete cascade,
    parcel_id    bigint      not null references land_parcel (id),
    county_code  varchar(6)  not null,
    primary key (supply_id, parcel_id)
);

create table land_demand (
    id               bigserial     primary key,
    county_code      varchar(6)    not null,
    transferee_name  varchar(100)  not null,
    transferee_kind  varchar(12)   not null
                     check (transferee_kind in ('HOUSEHOLD', 'FAMILY_FARM', 'COOPERATIVE', 'ENTERPRISE', 'OTHER')),
    townships        varchar(200)  not null,
    min_area         numeric(10, 2) not null check (min_area > 0),
    max_area         numeric(10, 2) not null,
    land_type        varchar(12)   not null check (land_type in ('CULTIVATED', 'GARDEN', 'OTHER')),
    land_use         varchar(12)   not null,
    term_years       integer       not null check (term_years between 1 and 30),
    max_rent         numeric(10, 2) not null check (max_rent >= 0),
    status           varchar(8)    not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    published_by     varchar(64)   not null,
    published_at     timestamptz   not null default now(),
    check (max_area >= min_area)
);
