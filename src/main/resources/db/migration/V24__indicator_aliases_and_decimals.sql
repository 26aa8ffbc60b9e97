-- Other names an indicator goes by in letters (、-separated), so figures extracted from replies find it; and the
-- number of decimals a value was given with, so 57.90 % is shown as printed.
alter table indicator add column aliases varchar(200);
alter table indicator_value add column decimals smallint check (decimals between 0 and 4);

update indicator set aliases = a.aliases
from (values
    ('常住人口城镇化率', '城镇化率'),
    ('地区生产总值', 'GDP、GDP总量、生产总值'),
    ('接待游客', '游客'),
    ('旅游综合收入', '综合收入'),
    ('集中供暖面积', '集中供暖、供暖面积'),
    ('全国重点文物保护单位', '国保'),
    ('省级文物保护单位', '省保'),
    ('规上工业增加值年均增长率（2018—2024年）', '规上工业增加值'),
    ('工业投资年均增长率（2018—2024年）', '工业投资')
) as a(name, aliases)
where indicator.county_code = '140581' and indicator.name = a.name;

update indicator_value v set decimals = 2 from indicator i
where i.id = v.indicator_id and i.county_code = '140581' and i.name = '常住人口城镇化率' and v.period = '2024';
update indicator_value v set decimals = 2 from indicator i
where i.id = v.indicator_id and i.county_code = '140581' and i.name in ('接待游客', '旅游综合收入') and v.period = '2025H1';
update indicator_value v set decimals = 1 from indicator i
where i.id = v.indicator_id and i.county_code = '140581' and i.name in ('地区生产总值', '一般公共预算收入',
    '规上工业增加值年均增长率（2018—2024年）', '工业投资年均增长率（2018—2024年）') ;
