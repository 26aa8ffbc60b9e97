-- Figures extracted from imported reply letters are proposed as indicator values; staff confirm (into an indicator
-- value citing the letter) or dismiss each once.
create table indicator_figure_decision (
    figure_id           bigint       primary key references reply_indicator (id) on delete cascade,
    county_code         varchar(6)   not null,
    decision            varchar(10)  not null check (decision in ('CONFIRMED', 'DISMISSED')),
    indicator_value_id  bigint       references indicator_value (id) on delete set null,
    decided_by          varchar(64)  not null,
    decided_at          timestamptz  not null default now()
);
