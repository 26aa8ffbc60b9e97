-- 流转合同: the written contract of a recorded transfer (L07), drafted in the structure of the 2021 model texts
-- (出租 GF-2021-2606, 入股 GF-2021-2607), confirmed by both parties; once both have confirmed, its text and hash can no
-- longer change (trigger).
create table land_transfer_contract (
    id                      bigserial     primary key,
    county_code             varchar(6)    not null,
    transfer_id             bigint        not null unique references land_transfer (id),
    contract_no             varchar(40)   not null,
    model                   varchar(12)   not null check (model in ('GF-2021-2606', 'GF-2021-2607')),
    transferee_id_cipher    bytea         not null,
    payment                 varchar(12)   not null check (payment in ('ANNUAL', 'SEMI_ANNUAL', 'ONE_OFF')),
    deposit_yuan            numeric(12, 2) not null default 0 check (deposit_yuan >= 0),
    dispute                 varchar(12)   not null check (dispute in ('ARBITRATION', 'COURT')),
    text                    text          not null,
    sha256                  char(64)      not null,
    transferor_confirmed_at timestamptz,
    transferee_confirmed_at timestamptz,
    drafted_by              varchar(64)   not null,
    drafted_at              timestamptz   not null default now(),
    unique (county_code, contract_no)
);

create function land_contract_immutable() returns trigger language plpgsql as $$
begin
    if old.transferor_confirmed_at is not null and old.transferee_confirmed_at is not null
       and (new.text is distinct from old.text or new.sha256 is distinct from old.sha256
            or new.transferee_id_cipher is distinct from old.transferee_id_cipher) then
        raise exception 'a signed transfer contract cannot change' using errcode = '23514';
    end if;
    return new;
end $$;
create trigger land_contract_immutable before update on land_transfer_contract
    for each row execute function land_contract_immutable();
create rule land_contract_no_delete as on delete to land_transfer_contract
    where old.transferor_confirmed_at is not null and old.transferee_confirmed_at is not null do instead nothing;
