-- L16: at expiry the incumbent transferee has priority on equal terms; the bureau is told this many days before a
-- transfer ends (农村土地经营权流转管理办法 art. 10). County setting.
alter table land_rule add column expiry_notice_days integer not null default 90 check (expiry_notice_days between 1 and 365);
