-- Every timestamp the platform writes comes from the county clock (tenancy.CountyClockConfiguration), passed in by
-- the code that writes the row, never from the database server's now(): a test can then set the clock to any
-- instant, and a server whose own clock or zone differs from the county's cannot shift a deadline. Without the
-- defaults, a write that forgets its timestamp fails at once instead of silently taking the server's time.
alter table audit_event alter column occurred_at drop default;
alter table app_user alter column created_at drop default;
alter table proposal alter column created_at drop default;
alter table reply alter column imported_at drop default;
alter table proposal_feedback alter column answered_at drop default;
alter table co_handler_opinion alter column submitted_at drop default;
alter table co_handler_opinion alter column first_submitted_at drop default;
alter table notification alter column created_at drop default;
alter table follow_up_report alter column reported_at drop default;
alter table plan alter column created_at drop default;
alter table progress_report alter column reported_at drop default;
alter table indicator_value alter column recorded_at drop default;
alter table commitment_report alter column reported_at drop default;
alter table indicator_figure_decision alter column decided_at drop default;
alter table land_transfer alter column recorded_at drop default;
alter table land_supply alter column published_at drop default;
alter table land_demand alter column published_at drop default;
alter table land_transfer_contract alter column drafted_at drop default;
alter table land_rent_payment alter column recorded_at drop default;
alter table land_onward_dealing alter column recorded_at drop default;
alter table land_dispute alter column recorded_at drop default;
alter table land_division_boundary alter column loaded_at drop default;
