-- 年终考核: the weights of the year-end unit scoring formula, per county (see UnitScoring for the formula).
create table unit_scoring_weight (
    county_code  varchar(6)    not null,
    metric       varchar(32)   not null check (metric in ('BASE', 'ON_TIME_REPLY_RATE', 'SATISFACTION_RATE',
                     'SIGNED_ON_TIME_RATE', 'CO_OPINION_ON_TIME_RATE', 'SOLVED_RATE', 'OVERDUE', 'DISSATISFIED')),
    weight       numeric(6, 2) not null check (weight between -100 and 100),
    primary key (county_code, metric)
);
insert into unit_scoring_weight (county_code, metric, weight) values
    ('140581', 'BASE', 0), ('140581', 'ON_TIME_REPLY_RATE', 40), ('140581', 'SATISFACTION_RATE', 40),
    ('140581', 'SIGNED_ON_TIME_RATE', 10), ('140581', 'CO_OPINION_ON_TIME_RATE', 10), ('140581', 'SOLVED_RATE', 0),
    ('140581', 'OVERDUE', -2), ('140581', 'DISSATISFIED', -1);

-- A revised 会办意见 keeps the time it was first given: timeliness is judged by that.
alter table co_handler_opinion add column first_submitted_at timestamptz;
update co_handler_opinion set first_submitted_at = submitted_at;
alter table co_handler_opinion alter column first_submitted_at set not null;
alter table co_handler_opinion alter column first_submitted_at set default now();
