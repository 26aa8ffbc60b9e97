-- L08 备案: a recorded transfer is filed with the collective, then reported to the township; a reminder goes out
-- when it is not filed within the county's days (default 15; 农村土地经营权流转管理办法 art. 17, 21).
alter table land_transfer add column filed_at date;
alter table land_transfer add column filed_by varchar(64);
create table land_rule (
    county_code       varchar(6) primary key,
    filing_days       integer    not null default 15 check (filing_days between 1 and 90)
);
insert into land_rule (county_code) values ('140581');
