-- 佐证材料: files attached to a progress report (photos, scanned documents, spreadsheets) as evidence.
create table progress_evidence (
    id            bigserial     primary key,
    county_code   varchar(6)    not null,
    report_id     bigint        not null references progress_report (id) on delete cascade,
    filename      varchar(200)  not null,
    content_type  varchar(100)  not null,
    size_bytes    integer       not null check (size_bytes > 0),
    sha256        char(64)      not null,
    content       bytea         not null
);
create index progress_evidence_report_idx on progress_evidence (report_id);
