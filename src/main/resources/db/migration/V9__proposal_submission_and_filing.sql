-- Proposal handling, second part: sessions that take submissions with their numbering scheme, the submitted
-- proposal with body, subject and co-signers, and the filing decision (立案 / 不予立案 / 并案 / 重点提案).

alter table congress_session add column number_prefix varchar(8)  not null default '';
alter table congress_session add column next_number   integer     not null default 1;
alter table congress_session add column open          boolean     not null default false;

alter table proposal add column body                 text;
alter table proposal add column subject              varchar(40);
alter table proposal add column status               varchar(16) not null default 'REPLIED'
    check (status in ('SUBMITTED', 'FILED', 'REJECTED', 'MERGED', 'REPLIED'));
alter table proposal add column submitted_on         date;
alter table proposal add column submitted_by         varchar(64);
alter table proposal add column reject_reason        varchar(500);
alter table proposal add column converted_to_opinion boolean     not null default false;
alter table proposal add column merged_into          bigint      references proposal (id);
alter table proposal add column key_proposal         boolean     not null default false;
alter table proposal add column supervising_leaders  varchar(200);
-- a submitted proposal has no number until it is filed
alter table proposal alter column number drop not null;

-- 联名: co-signers of a proposal, each of whom gets the reply and may give feedback.
create table proposal_co_signer (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    proposal_id  bigint       not null references proposal (id) on delete cascade,
    proposer_id  bigint       not null references proposer (id),
    unique (proposal_id, proposer_id)
);
