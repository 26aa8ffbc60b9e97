-- 租金收付: the payment schedule of a signed contract (from its payment terms), payments recorded against it, and
-- overdue instalments flagged (to the household's own account, L14).
create table land_rent_due (
    id            bigserial      primary key,
    county_code   varchar(6)     not null,
    transfer_id   bigint         not null references land_transfer (id),
    seq           integer        not null,
    due_on        date           not null,
    amount_yuan   numeric(14, 2) not null check (amount_yuan >= 0),
    paid_yuan     numeric(14, 2) not null default 0 check (paid_yuan >= 0),
    last_paid_on  date,
    unique (transfer_id, seq),
    check (paid_yuan <= amount_yuan)
);
