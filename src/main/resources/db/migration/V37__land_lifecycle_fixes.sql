-- A transfer recorded by mistake, before its contract is signed, is withdrawn (撤销): it ends the day before it starts,
-- so it was never live. Onward dealings end with the transfer they rest on.
alter table land_transfer drop constraint land_transfer_termination_basis_check;
alter table land_transfer add constraint land_transfer_termination_basis_check
    check (termination_basis in ('AGREEMENT', 'CHANGED_USE', 'ABANDONED', 'SERIOUS_DAMAGE', 'SERIOUS_BREACH', 'WITHDRAWN'));
alter table land_onward_dealing add column ended_on date;
