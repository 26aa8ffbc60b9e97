-- Matching a demand (Listings.match) starts from the collectives of its townships and walks to their parcels, the
-- listings offering them and those listings: with 100,000 parcels and 20,000 open listings this reads a township's
-- few thousand parcels instead of every parcel and listing of the county. The parcel → listing index also serves the
-- "already in an open listing" check when a listing is published and the closing of listings on a transfer.
create index land_collective_township_idx on land_collective (substr(village_code, 1, 9));
create index land_parcel_collective_idx on land_parcel (collective_id);
create index land_supply_parcel_parcel_idx on land_supply_parcel (parcel_id);
