-- Incremented whenever an account is disabled, re-enabled or gets a new password: sessions opened before the
-- change carry the old stamp and are ended at their next request.
alter table app_user add column security_stamp integer not null default 0;
