-- Matching a demand for a use other than grain keeps the listings that allow it (Listings.match:
-- string_to_array(allowed_uses, ',') @> array[use]). The index finds them, and the statistics PostgreSQL gathers on
-- its expression tell the planner how many there are: without them it guessed 100 of 20,000 listings allowed
-- livestock (there were 3,000) and walked every such listing's parcels across the county.
create index land_supply_uses_idx on land_supply using gin (string_to_array(allowed_uses, ','));
