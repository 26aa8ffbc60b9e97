-- 征询意见: the proposer (and every co-signer) answers 满意 / 基本满意 / 不满意 to a released reply; 不满意 sends
-- the proposal back for re-handling (重新办理).
create table proposal_feedback (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    proposal_id  bigint       not null references proposal (id),
    reply_id     bigint       not null references reply (id),
    proposer_id  bigint       not null references proposer (id),
    verdict      varchar(20)  not null check (verdict in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    comment      varchar(1000),
    answered_by  varchar(64)  not null,
    answered_at  timestamptz  not null default now(),
    unique (reply_id, proposer_id)
);
alter table proposal add column rehandle_count integer not null default 0;
