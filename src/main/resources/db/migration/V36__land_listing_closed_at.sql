-- When a listing closed (a transfer of its parcels, or a matched transfer), so the map can tell which parcels were on
-- offer on a past day. Listings closed before this migration keep no day and count as closed on every day.
alter table land_supply add column closed_at timestamptz;
alter table land_demand add column closed_at timestamptz;
