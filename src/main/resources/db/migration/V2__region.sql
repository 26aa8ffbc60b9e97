-- Administrative divisions: county -> township -> village, keyed by the 12-digit 统计用区划代码.
create table region (
    code         char(12)     primary key,
    county_code  varchar(6)   not null,
    name         varchar(100) not null,
    level        varchar(16)  not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code  char(12)     not null,
    source       varchar(200) not null,
    constraint region_code_digits check (code ~ '^[0-9]{12}$'),
    constraint region_county_prefix check (substr(code, 1, 6) = county_code)
);
create index region_parent_idx on region (parent_code);
create index region_county_idx on region (county_code, level);
