-- 土地经营权流转: a transfer of the operating right of one or more parcels (rows of land_transfer_parcel).
-- L18: a parcel never carries two overlapping live transfers — enforced here by an exclusion constraint, so two
-- requests racing for one parcel cannot both succeed — and no transfer takes more than the parcel's area (trigger).
create extension if not exists btree_gist;

create table land_transfer (
    id                 bigserial     primary key,
    county_code        varchar(6)    not null,
    form               varchar(8)    not null check (form in ('LEASE', 'SHARE', 'OTHER')),
    transferee_name    varchar(100)  not null,
    transferee_kind    varchar(12)   not null
                       check (transferee_kind in ('HOUSEHOLD', 'FAMILY_FARM', 'COOPERATIVE', 'ENTERPRISE', 'OTHER')),
    start_date         date          not null,
    end_date           date          not null,
    land_use           varchar(12)   not null
                       check (land_use in ('GRAIN', 'CASH_CROP', 'VEGETABLE', 'ORCHARD', 'FORESTRY', 'AQUACULTURE', 'LIVESTOCK')),
    rent_yuan_per_mu   numeric(10, 2) not null check (rent_yuan_per_mu >= 0),
    status             varchar(10)   not null default 'RECORDED' check (status in ('RECORDED', 'TERMINATED')),
    recorded_by        varchar(64)   not null,
    recorded_at        timestamptz   not null default now(),
    check (end_date > start_date)
);

create table land_transfer_parcel (
    transfer_id  bigint         not null references land_transfer (id) on delete cascade,
    parcel_id    bigint         not null references land_parcel (id),
    county_code  varchar(6)     not null,
    area_mu      numeric(10, 2) not null check (area_mu > 0),
    period       daterange      not null,
    live         boolean        not null default true,
    primary key (transfer_id, parcel_id),
    constraint land_transfer_no_overlap exclude using gist (parcel_id with =, period with &&) where (live)
);

create function land_transfer_area_check() returns trigger language plpgsql as $$
begin
    if new.area_mu > (select area_mu from land_parcel where id = new.parcel_id) then
        raise exception 'L18: transferred area % exceeds the parcel''s area', new.area_mu using errcode = '23514';
    end if;
    return new;
end $$;
create trigger land_transfer_area before insert or update on land_transfer_parcel
    for each row execute function land_transfer_area_check();
