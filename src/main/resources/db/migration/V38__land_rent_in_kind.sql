-- Rent in kind and its adjustment (GF-2021-2606 第六条: 流转价款可以现金或实物计价; 调整方式由双方约定).
-- The state minimum purchase price of wheat (小麦最低收购价), as announced each autumn for the next harvest by
-- 国家发展改革委、国家粮食和物资储备局、农业农村部 et al. (元 per 50 kg, stored per 斤 = 0.5 kg). The price is national;
-- each county keeps its own copy like all its data. A year not yet listed is valued at the latest listed year.
create table land_grain_price (
    county_code   varchar(6)    not null,
    crop          varchar(12)   not null check (crop in ('WHEAT')),
    year          integer       not null check (year between 2000 and 2100),
    yuan_per_jin  numeric(6, 3) not null check (yuan_per_jin > 0),
    source        varchar(200)  not null,
    primary key (county_code, crop, year)
);
insert into land_grain_price (county_code, crop, year, yuan_per_jin, source) values
    ('140581', 'WHEAT', 2021, 1.13, '国家发展改革委等部门公布的2021年小麦最低收购价：每50公斤113元'),
    ('140581', 'WHEAT', 2022, 1.15, '国家发展改革委等部门公布的2022年小麦最低收购价：每50公斤115元'),
    ('140581', 'WHEAT', 2023, 1.17, '国家发展改革委等部门公布的2023年小麦最低收购价：每50公斤117元'),
    ('140581', 'WHEAT', 2024, 1.18, '国家发展改革委等部门公布的2024年小麦最低收购价：每50公斤118元'),
    ('140581', 'WHEAT', 2025, 1.19, '国家发展改革委等部门公布的2025年小麦最低收购价：每50公斤119元');

alter table land_transfer_contract add column rent_kind varchar(8) not null default 'CASH' check (rent_kind in ('CASH', 'WHEAT'));
alter table land_transfer_contract add column kind_jin_per_mu numeric(8, 2) check (kind_jin_per_mu > 0);
alter table land_transfer_contract add column adjust_every_years integer check (adjust_every_years between 1 and 10);
alter table land_transfer_contract add column adjust_percent numeric(5, 2) check (adjust_percent > 0 and adjust_percent <= 50);
alter table land_transfer_contract add check ((rent_kind = 'WHEAT') = (kind_jin_per_mu is not null));
alter table land_transfer_contract add check ((adjust_every_years is null) = (adjust_percent is null));
