-- Proposal handling, first part: sessions, proposers, proposals and their replies, as far as imported reply
-- letters need them. The full handling loop (filing, assignment, deadlines, feedback) extends these tables.

-- 届次: a congress meeting whose proposals are numbered together, e.g. 高平市政协第七届第五次会议.
create table congress_session (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    kind         varchar(8)   not null check (kind in ('CPPCC', 'NPC')),
    name         varchar(100) not null,
    unique (county_code, kind, name)
);

-- 提案者: a member, deputy, party branch or group, as named on the proposal.
create table proposer (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    name         varchar(200) not null,
    unique (county_code, name)
);

-- 提案 (CPPCC) / 建议 (NPC).
create table proposal (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    kind         varchar(8)   not null check (kind in ('CPPCC', 'NPC')),
    session_id   bigint       not null references congress_session (id),
    number       varchar(40)  not null,
    title        varchar(300),
    proposer_id  bigint       references proposer (id),
    created_at   timestamptz  not null default now(),
    unique (county_code, session_id, number)
);

-- 答复函: a reply letter with its fields; the letter's text is kept so it can be shown and rendered again.
create table reply (
    id             bigserial    primary key,
    county_code    varchar(6)   not null,
    proposal_id    bigint       not null references proposal (id),
    department_id  bigint       references department (id),
    doc_number     varchar(60),
    issuer_mark    varchar(100),
    issuer         varchar(100) not null,
    signature_org  varchar(100),
    addressee      varchar(200),
    category       char(1)      check (category in ('A', 'B', 'C', 'D')),
    signer         varchar(60),
    handlers       text[]       not null default '{}',
    phone          varchar(40),
    reply_date     date         not null,
    copy_to        text[]       not null default '{}',
    letter_text    text         not null,
    text_hash      char(64)     not null,
    source_file    varchar(255),
    imported_by    varchar(64)  not null,
    imported_at    timestamptz  not null default now(),
    unique (county_code, text_hash)
);
create unique index reply_doc_number_idx on reply (county_code, doc_number, issuer) where doc_number is not null;
create index reply_proposal_idx on reply (proposal_id);
create index reply_department_idx on reply (department_id);

-- 承诺事项 as stated in a reply (the next-steps items); tracked work is built on them.
create table reply_commitment (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    reply_id     bigint       not null references reply (id) on delete cascade,
    seq          integer      not null,
    title        varchar(300),
    text         text         not null,
    unique (reply_id, seq)
);

-- Figures a reply reports (指标值 as printed), to be confirmed into indicators.
create table reply_indicator (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    reply_id     bigint       not null references reply (id) on delete cascade,
    seq          integer      not null,
    name         varchar(200) not null,
    value        numeric      not null,
    value_text   varchar(40)  not null,
    unit         varchar(20)  not null,
    period       varchar(40),
    change       varchar(60),
    unique (reply_id, seq)
);
