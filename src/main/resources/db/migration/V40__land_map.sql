-- The land map: outlines of administrative divisions (the county, its townships, villages) drawn under the parcels,
-- loaded by the agriculture bureau from a GeoJSON FeatureCollection (LandMap.loadBoundaries). geometry and
-- land_parcel.boundary hold a GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude, checked by PolygonGeoJson
-- before it is stored (closed rings of at least 4 positions, longitude 73–136, latitude 3–54).
create table land_division_boundary (
    county_code    varchar(6)    not null,
    division_code  char(12)      not null check (division_code ~ '^[0-9]{12}$'),
    name           varchar(100)  not null,
    geometry       jsonb         not null check (geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
    loaded_by      varchar(64)   not null,
    loaded_at      timestamptz   not null default now(),
    primary key (county_code, division_code),
    check (starts_with(division_code, county_code))
);

alter table land_parcel add constraint land_parcel_boundary_polygon
    check (boundary is null or boundary ->> 'type' in ('Polygon', 'MultiPolygon'));
