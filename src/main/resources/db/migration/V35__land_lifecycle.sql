-- The lifecycle of a transfer after it is recorded, and the checks before it (rules of ../shared/domain/land.md).

-- L01 委托流转: a transfer made for the contracting household by someone else (usually the collective) rests on the
-- household's written mandate — matters, powers, term and both signatures (农村土地承包法 art. 36; 办法 art. 8, 18).
create table land_mandate (
    id                   bigserial     primary key,
    county_code          varchar(6)    not null,
    transfer_id          bigint        not null unique references land_transfer (id) on delete cascade,
    agent                varchar(100)  not null,
    matters              varchar(500)  not null,
    powers               varchar(500)  not null,
    valid_from           date          not null,
    valid_until          date          not null,
    households           varchar(1000) not null,
    household_signed_on  date          not null,
    agent_signed_on      date          not null,
    check (valid_until >= valid_from)
);

-- L07: 代耕 of one year or less needs no written contract; every other transfer is filed only with a signed one.
alter table land_transfer add column caretaking boolean not null default false;

-- L13 解除: the day a transfer ended early and on what basis.
alter table land_transfer add column terminated_on date;
alter table land_transfer add column termination_basis varchar(20)
    check (termination_basis in ('AGREEMENT', 'CHANGED_USE', 'ABANDONED', 'SERIOUS_DAMAGE', 'SERIOUS_BREACH'));
alter table land_transfer add column termination_facts varchar(1000);
alter table land_transfer add check ((status = 'TERMINATED') = (terminated_on is not null));

-- L10 风险保障金: mandatory above the county's area threshold; who holds it; its release.
alter table land_rule add column deposit_threshold_mu numeric(10, 2) not null default 50 check (deposit_threshold_mu > 0);
alter table land_transfer_contract add column deposit_holder varchar(100);
alter table land_transfer_contract add column deposit_released_on date;
alter table land_transfer_contract add column deposit_released_to varchar(12)
    check (deposit_released_to in ('TRANSFEREE', 'TRANSFEROR'));
alter table land_transfer_contract add column deposit_release_note varchar(500);

-- L14: each rent payment names the household it was paid to (its own account, never the village's).
alter table land_rent_payment add column payee_household_id bigint references land_household (id);

-- L12 再流转 / 融资担保 by the transferee: only with the household's written consent, filed with the collective.
create table land_onward_dealing (
    id                 bigserial      primary key,
    county_code        varchar(6)     not null,
    transfer_id        bigint         not null references land_transfer (id),
    kind               varchar(12)    not null check (kind in ('RE_TRANSFER', 'MORTGAGE')),
    counterparty       varchar(100)   not null,
    start_date         date           not null,
    end_date           date           not null,
    amount_yuan        numeric(14, 2) check (amount_yuan > 0),
    consent_signed_on  date           not null,
    filed_on           date           not null,
    recorded_by        varchar(64)    not null,
    recorded_at        timestamptz    not null default now(),
    check (end_date > start_date),
    check (filed_on >= consent_signed_on)
);
create index land_onward_dealing_transfer_idx on land_onward_dealing (transfer_id);

-- L16 续约: the incumbent transferee's answer to the priority to renew on equal terms.
create table land_renewal (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    transfer_id  bigint       not null unique references land_transfer (id),
    decision     varchar(8)   not null check (decision in ('RENEWED', 'DECLINED')),
    decided_on   date         not null,
    renewal_id   bigint       references land_transfer (id),
    recorded_by  varchar(64)  not null,
    check ((decision = 'RENEWED') = (renewal_id is not null))
);

-- L17 纠纷: mediation, arbitration within 2 years of knowing, the award within 60 (+30) days of acceptance, 30 days to
-- sue after the award (农村土地承包经营纠纷调解仲裁法 art. 18, 47, 48).
create table land_dispute (
    id                       bigserial     primary key,
    county_code              varchar(6)    not null,
    transfer_id              bigint        not null references land_transfer (id),
    raised_by                varchar(12)   not null check (raised_by in ('TRANSFEROR', 'TRANSFEREE')),
    summary                  varchar(1000) not null,
    known_on                 date          not null,
    stage                    varchar(12)   not null default 'MEDIATION'
                             check (stage in ('MEDIATION', 'ARBITRATION', 'AWARDED', 'SETTLED', 'SUED', 'FINAL')),
    arbitration_accepted_on  date,
    award_extended           boolean       not null default false,
    award_received_on        date,
    closed_on                date,
    recorded_by              varchar(64)   not null,
    recorded_at              timestamptz   not null default now()
);
create index land_dispute_open_idx on land_dispute (county_code) where stage in ('MEDIATION', 'ARBITRATION', 'AWARDED');
