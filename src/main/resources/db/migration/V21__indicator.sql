-- 指标: measured figures of the county with their unit, definition, source, frequency and owning department;
-- values per period with the document they come from; targets per period.
create table indicator (
    id             bigserial    primary key,
    county_code    varchar(6)   not null,
    name           varchar(100) not null,
    unit           varchar(20)  not null,
    -- RATE: a share in % (changes in percentage points); AMOUNT: a quantity (changes in %)
    kind           varchar(8)   not null check (kind in ('RATE', 'AMOUNT')),
    frequency      varchar(10)  not null check (frequency in ('YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH')),
    definition     varchar(500),
    source         varchar(200),
    department_id  bigint       references department (id),
    published      boolean      not null default false,
    seq            integer      not null default 0,
    unique (county_code, name)
);

create table indicator_value (
    id               bigserial     primary key,
    county_code      varchar(6)    not null,
    indicator_id     bigint        not null references indicator (id) on delete cascade,
    -- 2024 (year), 2025H1 (half-year), 2025Q2 (quarter), 2025-06 (month)
    period           varchar(7)    not null check (period ~ '^[0-9]{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$'),
    value            numeric(18, 4) not null,
    -- 'GE' when the source says "at least" (稳定在97%以上)
    qualifier        varchar(2)    check (qualifier in ('GE', 'LE')),
    -- the change against the same period a year before as the source reports it (% or percentage points)
    reported_change  numeric(10, 4),
    source           varchar(300)  not null,
    reply_id         bigint        references reply (id),
    recorded_by      varchar(64)   not null,
    recorded_at      timestamptz   not null default now(),
    unique (indicator_id, period)
);

create table indicator_target (
    id            bigserial      primary key,
    county_code   varchar(6)     not null,
    indicator_id  bigint         not null references indicator (id) on delete cascade,
    period        varchar(7)     not null check (period ~ '^[0-9]{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$'),
    value         numeric(18, 4) not null,
    unique (indicator_id, period)
);

-- Gaoping's starting figures, as reported in reply 高发改发〔2025〕85号 (2025-08-27, 高平市发展改革和科技局,
-- ../shared/seed/gaoping-reply-2025-85.txt). "今年" in the letter is 2025. No figure here is estimated.
insert into indicator (county_code, name, unit, kind, frequency, definition, source, department_id, published, seq)
select '140581', i.name, i.unit, i.kind, i.freq, i.def, i.src, d.id, true, i.seq
from (values
    (1, '常住人口城镇化率', '%', 'RATE', 'YEAR', '城镇常住人口占常住人口的比重（年末）', '统计年报', '高发改'),
    (2, '地区生产总值', '亿元', 'AMOUNT', 'HALF_YEAR', 'GDP 总量（当期累计）；增速为可比价，与按现价计算的同比变化不同', '统计快报', '高发改'),
    (3, '一般公共预算收入', '亿元', 'AMOUNT', 'HALF_YEAR', '当期累计完成额', '财政快报', '高财'),
    (4, '煤炭先进产能占比', '%', 'RATE', 'YEAR', '先进产能占煤炭总产能的比重', '能源主管部门', '高发改'),
    (5, '规上工业增加值年均增长率（2018—2024年）', '%', 'RATE', 'YEAR', '2018 年至 2024 年规模以上工业增加值的年均增速', '统计年报', '高发改'),
    (6, '工业投资年均增长率（2018—2024年）', '%', 'RATE', 'YEAR', '2018 年至 2024 年工业投资的年均增速', '统计年报', '高发改'),
    (7, '接待游客', '万人次', 'AMOUNT', 'HALF_YEAR', '当期累计接待游客人次', '文旅统计', '高文旅'),
    (8, '旅游综合收入', '亿元', 'AMOUNT', 'HALF_YEAR', '当期累计旅游综合收入', '文旅统计', '高文旅'),
    (9, '集中供暖面积', '万m²', 'AMOUNT', 'YEAR', '城乡集中供热面积', '住建统计', '高住建'),
    (10, '集中供暖群众覆盖率', '%', 'RATE', 'YEAR', '集中供暖覆盖的群众占全市群众的比重', '住建统计', '高住建'),
    (11, '精品示范村', '个', 'AMOUNT', 'YEAR', '分层分类推进建设的精品示范村数量', '乡村建设台账', '高农'),
    (12, '提档升级村', '个', 'AMOUNT', 'YEAR', '分层分类推进建设的提档升级村数量', '乡村建设台账', '高农'),
    (13, '全国重点文物保护单位', '处', 'AMOUNT', 'YEAR', '国保单位数量', '文物名录', '高文旅'),
    (14, '省级文物保护单位', '处', 'AMOUNT', 'YEAR', '省保单位数量', '文物名录', '高文旅'),
    (15, '中国传统村落', '个', 'AMOUNT', 'YEAR', '列入中国传统村落名录的村落数量', '住建部名录', '高文旅'),
    (16, '中国历史文化名村', '个', 'AMOUNT', 'YEAR', '中国历史文化名村数量', '住建部、国家文物局名录', '高文旅')
) as i(seq, name, unit, kind, freq, def, src, doc)
join department d on d.county_code = '140581' and d.doc_code = i.doc;

insert into indicator_value (county_code, indicator_id, period, value, qualifier, reported_change, source, recorded_by)
select '140581', i.id, v.period, v.value, v.qualifier, v.change, '高发改发〔2025〕85号', 'system'
from (values
    ('常住人口城镇化率', '2024', 57.90, null, 1.69),
    ('地区生产总值', '2025H1', 199.3, null, 6.5),
    ('一般公共预算收入', '2025H1', 25.5, null, null),
    ('煤炭先进产能占比', '2025', 97, 'GE', null),
    ('规上工业增加值年均增长率（2018—2024年）', '2024', 15.5, null, null),
    ('工业投资年均增长率（2018—2024年）', '2024', 23.2, null, null),
    ('接待游客', '2025H1', 477.75, null, 38.34),
    ('旅游综合收入', '2025H1', 13.44, null, 33.07),
    ('集中供暖面积', '2018', 460, null, null),
    ('集中供暖面积', '2025', 1686, null, null),
    ('集中供暖群众覆盖率', '2025', 80, null, null),
    ('精品示范村', '2025', 18, null, null),
    ('提档升级村', '2025', 16, null, null),
    ('全国重点文物保护单位', '2025', 22, null, null),
    ('省级文物保护单位', '2025', 22, null, null),
    ('中国传统村落', '2025', 61, null, null),
    ('中国历史文化名村', '2025', 5, null, null)
) as v(name, period, value, qualifier, change)
join indicator i on i.county_code = '140581' and i.name = v.name;
