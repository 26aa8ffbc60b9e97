-- Audit trail: one row per state change (who did what to which record, when). Append-only.
create table audit_event (
    id           bigserial primary key,
    county_code  varchar(6)   not null,
    occurred_at  timestamptz  not null default now(),
    actor        varchar(64)  not null,
    actor_role   varchar(32),
    action       varchar(64)  not null,
    entity_type  varchar(64)  not null,
    entity_id    varchar(64),
    summary      varchar(500) not null,
    old_value    jsonb,
    new_value    jsonb,
    remote_addr  varchar(64)
);
create index audit_event_county_time_idx on audit_event (county_code, occurred_at desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);

-- The trail may only grow: updates and deletes are refused by the database itself.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
