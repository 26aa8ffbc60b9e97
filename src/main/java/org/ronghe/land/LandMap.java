package org.ronghe.land;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.region.Region;
import org.ronghe.region.RegionDirectory;
import org.ronghe.region.RegionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The land map's data, as GeoJSON (RFC 7946, WGS 84 longitude/latitude): the registered parcels that have a
 * boundary, each with its state on a day, and the outlines of administrative divisions drawn under them.
 *
 * <p>A parcel's state on a day: 已流转 ({@link State#TRANSFERRED}) when a live transfer's term contains the day;
 * otherwise 挂牌中 ({@link State#LISTED}) when it is in a supply listing open now and published by that day (closed
 * listings keep no closing day, so the past is shown as far as the open ones tell); otherwise 未流转
 * ({@link State#FREE}).
 */
@Service
public class LandMap {

    /** Most parcels in one answer; a larger county is drawn a township at a time. */
    public static final int MAX_FEATURES = 20_000;

    /** Most divisions in one boundary file. */
    static final int MAX_DIVISIONS = 1_000;

    /** A parcel's state on the map. */
    public enum State {
        /** 已流转: a live transfer covers the day */
        TRANSFERRED("已流转"),
        /** 挂牌中: offered in an open supply listing */
        LISTED("挂牌中"),
        /** 未流转 */
        FREE("未流转");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** @return the Chinese name */
        public String label() {
            return label;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final Clock clock;

    LandMap(JdbcClient jdbc, RegionDirectory regions, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    /**
     * @param countyCode 6-digit county code
     * @param township   9-digit township code, or {@code null} for the whole county
     * @param day        the day whose state is shown
     * @return a FeatureCollection of the parcels with a boundary (by code, at most {@link #MAX_FEATURES}); each
     *         feature's {@code id} is the parcel code and its properties are {@code code, name, village} (the
     *         collective's name), {@code township, township_name, area_mu} (亩), {@code land_type, land_type_label,
     *         basic_farmland, state} ({@link State}), {@code state_label}, and for a transferred parcel
     *         {@code transfer_id, transferee, transferred_mu, transfer_start, transfer_end} (last day inclusive).
     *         Foreign members: {@code on}, {@code township}, {@code withoutBoundary} (parcels in scope not drawn)
     *         and {@code truncated}.
     * @throws InvalidInputException naming {@code township} when it is not one of the county's townships
     */
    @Transactional(readOnly = true)
    public Map<String, Object> parcels(String countyCode, String township, LocalDate day) {
        checkTownship(countyCode, township);
        List<Map<String, Object>> rows = jdbc.sql("""
                select p.code, p.name, p.area_mu, p.land_type, p.basic_farmland, p.boundary::text as boundary,
                       c.name as village, substr(c.village_code, 1, 9) as township,
                       tr.id as transfer_id, tr.transferee_name, tr.area_mu as transferred_mu, tr.start_date, tr.end_date,
                       exists (select 1 from land_supply_parcel sp join land_supply s on s.id = sp.supply_id
                               where sp.parcel_id = p.id
                                 and (s.status = 'OPEN' or s.closed_at::date > :day)
                                 and s.published_at::date <= :day) as listed
                from land_parcel p join land_collective c on c.id = p.collective_id
                left join lateral (
                    select t.id, t.transferee_name, tp.area_mu, t.start_date, t.end_date
                    from land_transfer_parcel tp join land_transfer t on t.id = tp.transfer_id
                    where tp.parcel_id = p.id and tp.live and tp.period @> cast(:day as date)
                    order by t.id limit 1) tr on true
                where p.county_code = :c and p.boundary is not null
                  and (cast(:t as varchar) is null or substr(c.village_code, 1, 9) = :t)
                order by p.code limit :limit""")
                .param("c", countyCode).param("t", township).param("day", day).param("limit", MAX_FEATURES + 1)
                .query(org.ronghe.database.DateColumns.MAPPER).list();
        long without = jdbc.sql("""
                select count(*) from land_parcel p join land_collective c on c.id = p.collective_id
                where p.county_code = :c and p.boundary is null
                  and (cast(:t as varchar) is null or substr(c.village_code, 1, 9) = :t)""")
                .param("c", countyCode).param("t", township).query(Long.class).single();
        Map<String, String> townshipNames = new HashMap<>();
        List<Map<String, Object>> features = new ArrayList<>();
        for (Map<String, Object> r : rows.subList(0, Math.min(rows.size(), MAX_FEATURES))) {
            Map<String, Object> p = new LinkedHashMap<>();
            String t = (String) r.get("township");
            p.put("code", r.get("code"));
            p.put("name", r.get("name"));
            p.put("village", r.get("village"));
            p.put("township", t);
            p.put("township_name", townshipNames.computeIfAbsent(t,
                    k -> regions.find(k + "000").map(Region::name).orElse("")));
            p.put("area_mu", r.get("area_mu"));
            LandType type = LandType.valueOf((String) r.get("land_type"));
            p.put("land_type", type.name());
            p.put("land_type_label", type.label());
            p.put("basic_farmland", r.get("basic_farmland"));
            State state = r.get("transfer_id") != null ? State.TRANSFERRED
                    : Boolean.TRUE.equals(r.get("listed")) ? State.LISTED : State.FREE;
            p.put("state", state.name());
            p.put("state_label", state.label());
            if (state == State.TRANSFERRED) {
                p.put("transfer_id", r.get("transfer_id"));
                p.put("transferee", r.get("transferee_name"));
                p.put("transferred_mu", r.get("transferred_mu"));
                p.put("transfer_start", r.get("start_date").toString());
                p.put("transfer_end", r.get("end_date").toString());
            }
            features.add(feature(r.get("code"), (String) r.get("boundary"), p));
        }
        Map<String, Object> collection = collection(features);
        collection.put("on", day.toString());
        collection.put("township", township);
        collection.put("withoutBoundary", without);
        collection.put("truncated", rows.size() > MAX_FEATURES);
        return collection;
    }

    /**
     * @param countyCode 6-digit county code
     * @param township   9-digit township code, or {@code null}
     * @return a FeatureCollection of the loaded outlines: without a township the county's and its townships'; with
     *         one, the county's, that township's and its villages'. Properties {@code code} (12 digits),
     *         {@code name}, {@code level} (COUNTY, TOWNSHIP or VILLAGE); county first, then by code.
     * @throws InvalidInputException naming {@code township} when it is not one of the county's townships
     */
    @Transactional(readOnly = true)
    public Map<String, Object> boundaries(String countyCode, String township) {
        checkTownship(countyCode, township);
        List<Map<String, Object>> rows = jdbc.sql("""
                select division_code, name, geometry::text as geometry from land_division_boundary
                where county_code = :c and (division_code = :c || '000000'
                      or (cast(:t as varchar) is null and division_code like '%000')
                      or (cast(:t as varchar) is not null and starts_with(division_code, :t)))
                order by division_code""")
                .param("c", countyCode).param("t", township).query().listOfRows();
        List<Map<String, Object>> features = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String code = ((String) r.get("division_code")).strip();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", code);
            p.put("name", r.get("name"));
            p.put("level", level(code).name());
            features.add(feature(code, (String) r.get("geometry"), p));
        }
        return collection(features);
    }

    /**
     * Loads outlines of the county's administrative divisions, replacing those already loaded for the same codes;
     * all or nothing.
     *
     * @param countyCode 6-digit county code
     * @param geoJson    a GeoJSON FeatureCollection (at most {@link #MAX_DIVISIONS} features); each feature has a
     *                   Polygon or MultiPolygon geometry (checked by {@link PolygonGeoJson}), {@code properties.code}:
     *                   the division's statistical code — 12 digits, or 9 for a township, 6 for the county — of a
     *                   unit of this county, and optionally {@code properties.name} (default: the unit's name)
     * @param by         the acting account
     * @return the 12-digit codes loaded, in file order
     * @throws InvalidInputException naming each bad part by its path ({@code features[0].geometry},
     *                               {@code features[1].properties.code} …; {@code geojson} for text that is not JSON,
     *                               {@code type} for JSON that is not a FeatureCollection); nothing is stored then
     */
    @Transactional
    public List<String> loadBoundaries(String countyCode, String geoJson, String by) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson == null ? "" : geoJson);
        } catch (JacksonException e) {
            throw new InvalidInputException("geojson", "不是有效的 JSON：请上传 GeoJSON 文件（FeatureCollection）");
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            throw new InvalidInputException("type", "应为 GeoJSON FeatureCollection（{\"type\":\"FeatureCollection\",\"features\":[…]}）");
        }
        JsonNode features = root.path("features");
        if (features.isEmpty() || features.size() > MAX_DIVISIONS) {
            throw new InvalidInputException("features", "features 应含 1 到 " + MAX_DIVISIONS + " 个区划边界");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String at = "features[" + i + "]";
            String which = "第" + (i + 1) + "个区划";
            JsonNode props = f.path("properties");
            String code = divisionCode(countyCode, props.path("code"));
            Optional<Region> unit = code == null ? Optional.empty() : regions.find(code);
            if (code == null || unit.isEmpty() || !countyCode.equals(unit.get().countyCode())) {
                problems.add(new FieldProblem(at + ".properties.code", which + "的 properties.code："
                        + (props.path("code").isMissingNode() || props.path("code").isNull() ? "缺少区划代码"
                        : props.path("code").asString(props.path("code").toString()) + " 不是本县（" + countyCode
                        + "）的区划代码")
                        + "（应为 12 位统计用区划代码，乡镇可写 9 位、本县可写 6 位）"));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem(at + ".properties.code", which + "的 properties.code：" + code + " 在文件中重复"));
            }
            JsonNode nameNode = props.path("name");
            String name = nameNode.isString() ? nameNode.stringValue().strip() : "";
            if (!nameNode.isMissingNode() && !nameNode.isNull() && !nameNode.isString()
                    || name.codePointCount(0, name.length()) > 100) {
                problems.add(new FieldProblem(at + ".properties.name", which + "的 properties.name：名称应为不超过 100 字的文字"));
            }
            if (name.isEmpty()) {
                name = unit.map(Region::name).orElse("");
            }
            String geometry = null;
            try {
                geometry = JSON.writeValueAsString(PolygonGeoJson.check(f.path("geometry"), PolygonGeoJson.DIVISION_POSITIONS));
            } catch (PolygonGeoJson.Invalid e) {
                problems.add(new FieldProblem(at + ".geometry", which + "的 geometry：" + e.getMessage()));
            }
            rows.add(new String[] {code, name, geometry});
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (String[] r : rows) {
            jdbc.sql("""
                    insert into land_division_boundary (county_code, division_code, name, geometry, loaded_by, loaded_at)
                    values (:c, :code, :name, cast(:g as jsonb), :by, :now)
                    on conflict (county_code, division_code)
                    do update set name = excluded.name, geometry = excluded.geometry, loaded_by = excluded.loaded_by,
                                  loaded_at = excluded.loaded_at""")
                    .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("code", r[0]).param("name", r[1]).param("g", r[2]).param("by", by)
                    .update();
        }
        List<String> codes = rows.stream().map(r -> r[0]).toList();
        audit.record(countyCode, "LAND_BOUNDARIES_LOADED", "land_division_boundary", null,
                "载入行政区划边界：" + codes.size() + " 个", null, Map.of("codes", codes));
        return codes;
    }

    /**
     * Sets or replaces the boundary of a registered parcel (e.g. after a survey), or clears it.
     *
     * @param geoJson a Polygon or MultiPolygon (or a Feature holding one) in WGS 84 lon/lat, checked by
     *                {@link PolygonGeoJson}; blank clears the boundary
     * @throws InvalidInputException naming {@code boundary} when it is not such a polygon
     * @throws org.ronghe.problem.NotFoundException for an unknown parcel
     */
    @Transactional
    public void setParcelBoundary(String countyCode, String parcelCode, String geoJson, String by) {
        Map<String, Object> p = jdbc.sql("select id, area_mu, boundary::text as boundary from land_parcel where county_code = :c and code = :code for update")
                .param("c", countyCode).param("code", parcelCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new org.ronghe.problem.NotFoundException("地块", parcelCode));
        String geometry = null;
        if (geoJson != null && !geoJson.isBlank()) {
            try {
                geometry = PolygonGeoJson.read(geoJson, PolygonGeoJson.PARCEL_POSITIONS);
            } catch (PolygonGeoJson.Invalid e) {
                throw new InvalidInputException("boundary", "地块边界：" + e.getMessage());
            }
            String offArea = PolygonGeoJson.implausibleArea(geometry, (java.math.BigDecimal) p.get("area_mu"));
            if (offArea != null) {
                throw new InvalidInputException("boundary", "地块边界：" + offArea);
            }
        }
        jdbc.sql("update land_parcel set boundary = cast(:g as jsonb) where id = :id").param("g", geometry)
                .param("id", p.get("id")).update();
        audit.record(countyCode, "LAND_PARCEL_BOUNDARY_SET", "land_parcel", parcelCode,
                (geometry == null ? "清除地块边界 " : "设置地块边界 ") + parcelCode,
                Map.of("boundary", p.get("boundary") == null ? "无" : "有"), Map.of("boundary", geometry == null ? "无" : "有"));
    }

    /** @return the 12-digit code a feature names (12 digits, 9 for a township, 6 for the county), or null */
    private static String divisionCode(String countyCode, JsonNode node) {
        String text = node.isString() ? node.stringValue().strip()
                : node.isIntegralNumber() && node.canConvertToLong() ? Long.toString(node.longValue()) : "";
        String code = switch (text.length()) {
            case 6 -> text + "000000";
            case 9 -> text + "000";
            case 12 -> text;
            default -> null;
        };
        return code != null && code.matches("\\d{12}") && code.startsWith(countyCode) ? code : null;
    }

    private static RegionLevel level(String code) {
        return code.endsWith("000000") ? RegionLevel.COUNTY : code.endsWith("000") ? RegionLevel.TOWNSHIP : RegionLevel.VILLAGE;
    }

    private void checkTownship(String countyCode, String township) {
        if (township == null) {
            return;
        }
        Optional<Region> t = township.matches("\\d{9}") ? regions.find(township + "000") : Optional.empty();
        if (t.isEmpty() || t.get().level() != RegionLevel.TOWNSHIP || !countyCode.equals(t.get().countyCode())) {
            throw new InvalidInputException("township", "乡镇代码 " + township + " 不是本县的乡镇（应为 9 位乡镇代码）");
        }
    }

    private static Map<String, Object> feature(Object id, String geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", id);
        f.put("geometry", new RawValue(geometry)); // stored as checked GeoJSON: written as it is
        f.put("properties", properties);
        return f;
    }

    private static Map<String, Object> collection(List<Map<String, Object>> features) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "FeatureCollection");
        c.put("features", features);
        return c;
    }
}
