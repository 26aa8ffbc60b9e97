-- Gaoping (140581): the county's departments and offices that take part in urban–rural integration work.
-- Names follow the standard county-level bureau names; the development-and-reform unit carries both names
-- printed on reply 高发改发〔2025〕85号 (letterhead 高平市发展改革和科技局, signature 高平市发展和改革委员会).
-- Administrators edit this list in the UI (部门管理); doc_code is the 机关代字 used in 发文字号 (GB/T 9704-2012, 7.2.4).
insert into department (county_code, name, short_name, doc_code, unit_type) values
 ('140581', '高平市发展改革和科技局',       '发改局',     '高发改',   'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市农业农村局',             '农业农村局', '高农',     'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市文化和旅游局',           '文旅局',     '高文旅',   'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市民政局',                 '民政局',     '高民',     'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市卫生健康局',             '卫健局',     '高卫健',   'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市住房和城乡建设局',       '住建局',     '高住建',   'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市自然资源局',             '自然资源局', '高自然资', 'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市交通运输局',             '交通运输局', '高交',     'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市教育局',                 '教育局',     '高教',     'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市财政局',                 '财政局',     '高财',     'GOVERNMENT_DEPARTMENT'),
 ('140581', '高平市人力资源和社会保障局',   '人社局',     '高人社',   'GOVERNMENT_DEPARTMENT'),
 ('140581', '政协高平市委员会提案委员会',   '政协提案委', '高政协提', 'CPPCC_OFFICE'),
 ('140581', '高平市人民政府督查室',         '督查室',     '高政督',   'SUPERVISION_OFFICE'),
 ('140581', '高平市人大常委会办公室',       '人大办',     '高人大办', 'NPC_OFFICE');

insert into department_alias (county_code, department_id, alias)
select '140581', d.id, a.alias
from department d
join (values
    ('高发改', '高平市发展和改革委员会'),
    ('高发改', '高平市发展和改革局'),
    ('高发改', '高平市发改局'),
    ('高发改', '市发改局'),
    ('高发改', '发改局'),
    ('高农',   '市农业农村局'),
    ('高文旅', '市文旅局'),
    ('高住建', '市住建局'),
    ('高人社', '市人社局'),
    ('高政协提', '政协提案委'),
    ('高政协提', '市政协提案委'),
    ('高政督', '市政府督查室')
) as a(doc_code, alias) on a.doc_code = d.doc_code and d.county_code = '140581';
