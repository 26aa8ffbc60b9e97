-- L09 工商企业等流转审查: a transfer to an enterprise (or another non-household transferee) above the county's area
-- threshold is reviewed before its contract may be signed; the decision is due within 20 working days, with reasons
-- (农村土地承包法 art. 45; 农村土地经营权流转管理办法 art. 29).
alter table land_rule add column review_threshold_mu numeric(10, 2) not null default 100 check (review_threshold_mu > 0);
create table land_review (
    id            bigserial     primary key,
    county_code   varchar(6)    not null,
    transfer_id   bigint        not null unique references land_transfer (id),
    applied_on    date          not null,
    due_on        date          not null,
    documents     varchar(1000) not null,
    decision      varchar(10)   check (decision in ('APPROVED', 'REJECTED')),
    reasons       varchar(1000),
    decided_by    varchar(64),
    decided_on    date,
    check ((decision is null) = (decided_on is null))
);
