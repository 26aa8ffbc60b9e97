-- Set when the platform generated the account's password (the first or a restored administrator, an account an
-- administrator created, an administrator's reset); cleared when the user chooses their own. While it is set the
-- user can only change the password (see account.PasswordChangeGate). Accounts existing before this column keep
-- working as they are: nothing records whether their password is still a generated one.
alter table app_user add column password_must_change boolean not null default false;
