-- Proposal handling, fourth part: the handling unit drafts its reply, the supervision office reviews it, and its
-- release takes the next 文号 from the unit's own sequence.

-- 发文顺序号: one gapless sequence per unit, document kind (发, 函 …) and year (GB/T 9704-2012, 7.2.4).
create table doc_sequence (
    county_code    varchar(6)  not null,
    department_id  bigint      not null references department (id),
    kind           varchar(4)  not null,
    year           integer     not null,
    next_value     integer     not null default 1,
    primary key (department_id, kind, year)
);

alter table reply add column status varchar(12) not null default 'IMPORTED'
    check (status in ('IMPORTED', 'DRAFT', 'IN_REVIEW', 'RELEASED'));
alter table reply add column assignment_id bigint references proposal_assignment (id);
alter table reply add column body text;
alter table reply add column review_comment varchar(500);
-- a unit drafts one reply per assignment at a time
create unique index reply_one_live_draft_idx on reply (assignment_id) where status in ('DRAFT', 'IN_REVIEW');
