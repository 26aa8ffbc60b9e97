-- 租金收付: the payment schedule of a signed contract (from its payment terms) and each payment recorded against an
-- instalment (to the household's own account, L14); what is paid and what is overdue are computed from the payments.
create table land_rent_due (
    id            bigserial      primary key,
    county_code   varchar(6)     not null,
    transfer_id   bigint         not null references land_transfer (id),
    seq           integer        not null,
    due_on        date           not null,
    amount_yuan   numeric(14, 2) not null check (amount_yuan >= 0),
    unique (transfer_id, seq)
);

create table land_rent_payment (
    id            bigserial      primary key,
    county_code   varchar(6)     not null,
    due_id        bigint         not null references land_rent_due (id),
    amount_yuan   numeric(14, 2) not null check (amount_yuan > 0),
    paid_on       date           not null,
    recorded_by   varchar(64)    not null,
    recorded_at   timestamptz    not null default now()
);
create index land_rent_payment_due_idx on land_rent_payment (due_id);
