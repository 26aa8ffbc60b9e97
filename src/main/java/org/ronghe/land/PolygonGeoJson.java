package org.ronghe.land;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one check of every polygon the platform accepts in GeoJSON (RFC 7946): parcel boundaries in the registry
 * import and outlines of administrative divisions.
 *
 * <p>Accepted: a geometry object of type {@code Polygon} or {@code MultiPolygon} (or a {@code Feature} whose
 * {@code geometry} is one) with positions {@code [longitude, latitude]} in decimal degrees of WGS 84 — CGCS2000
 * geographic coordinates differ from WGS 84 by centimetres and are accepted as they are; projected coordinates in
 * metres (Gauss–Krüger zones of the 确权 survey) and the GCJ-02 offsets of online maps are not converted. Each
 * ring has at least 4 positions, its last equal to its first (RFC 7946 §3.1.6), encloses a non-zero area, and
 * every position lies within longitude 73–136 and latitude 3–54 (the extent of China; swapped coordinates and
 * metres are named as such). Winding order is not checked (RFC 7946 §3.1.6 asks parsers not to reject on it), nor
 * are self-intersections. A third number (altitude) is allowed and dropped.
 *
 * <p>What is kept is the geometry alone — {@code type} and {@code coordinates}, without {@code bbox}, {@code crs}
 * or a feature's properties — as compact JSON, ready for a {@code jsonb} column.
 */
final class PolygonGeoJson {

    /** Bounds of an accepted position, in degrees (China: 73°33′E–135°05′E, 3°51′N–53°33′N). */
    static final double MIN_LON = 73, MAX_LON = 136, MIN_LAT = 3, MAX_LAT = 54;

    /** Most positions of a parcel's boundary (a surveyed parcel has tens). */
    static final int PARCEL_POSITIONS = 5_000;

    /** Most positions of an administrative division's outline. */
    static final int DIVISION_POSITIONS = 200_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PolygonGeoJson() {
    }

    /** A polygon refused; the message says why, in Chinese, without naming the field (the caller does). */
    static final class Invalid extends Exception {

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param text         GeoJSON text: a Polygon or MultiPolygon geometry, or a Feature holding one
     * @param maxPositions most positions accepted over all rings
     * @return the geometry as compact JSON ({@code type} and {@code coordinates} only, positions {@code [lon, lat]})
     * @throws Invalid when the text is not such a polygon
     */
    static String read(String text, int maxPositions) throws Invalid {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new Invalid("不是有效的 JSON" + (at >= 0 ? "（第 " + (at + 1) + " 个字符附近）" : "")
                    + "：请检查括号、逗号和英文引号是否成对");
        }
        return JSON.writeValueAsString(check(node, maxPositions));
    }

    /**
     * @param node         a parsed GeoJSON value: a Polygon or MultiPolygon geometry, or a Feature holding one
     * @param maxPositions most positions accepted over all rings
     * @return the geometry, {@code type} and {@code coordinates} only, positions {@code [lon, lat]}
     * @throws Invalid when the value is not such a polygon
     */
    static ObjectNode check(JsonNode node, int maxPositions) throws Invalid {
        if (node == null || !node.isObject()) {
            throw new Invalid("应为 GeoJSON 对象，如 {\"type\":\"Polygon\",\"coordinates\":[[[112.92,35.79],…]]}");
        }
        if ("Feature".equals(node.path("type").asString(""))) {
            node = node.path("geometry");
            if (!node.isObject()) {
                throw new Invalid("Feature 中缺少 geometry 对象");
            }
        }
        String type = node.path("type").isString() ? node.path("type").stringValue() : "";
        JsonNode coordinates = node.path("coordinates");
        int[] budget = {maxPositions};
        ArrayNode out;
        if ("Polygon".equals(type)) {
            out = polygon(coordinates, "", budget);
        } else if ("MultiPolygon".equals(type)) {
            if (!coordinates.isArray() || coordinates.isEmpty()) {
                throw new Invalid("MultiPolygon 的 coordinates 应为至少含一个多边形的数组");
            }
            out = NODES.arrayNode();
            for (int p = 0; p < coordinates.size(); p++) {
                out.add(polygon(coordinates.get(p), "第" + (p + 1) + "个多边形的", budget));
            }
        } else {
            throw new Invalid("几何类型应为 Polygon 或 MultiPolygon" + (type.isEmpty() ? "" : "，实为 " + type));
        }
        ObjectNode geometry = NODES.objectNode();
        geometry.put("type", type);
        geometry.set("coordinates", out);
        return geometry;
    }

    /** Square metres in one 亩 (1 亩 = 10000/15 m²). */
    static final double SQUARE_METRES_PER_MU = 10_000.0 / 15;
    /** How far a drawn parcel may be from its registered area, as a factor either way. */
    static final double AREA_TOLERANCE = 3;

    /**
     * The area a checked geometry encloses, on a local equirectangular projection (metres per degree of latitude
     * 110,574, of longitude 111,320 × cos latitude), holes subtracted — close enough for fields of a few hundred metres.
     *
     * @param geometry compact JSON as {@link #read} returns it
     * @return the area in 亩
     */
    static double areaMu(String geometry) {
        JsonNode g = JSON.readTree(geometry);
        JsonNode polygons = "Polygon".equals(g.path("type").asString())
                ? NODES.arrayNode().add(g.path("coordinates")) : g.path("coordinates");
        double total = 0;
        for (JsonNode polygon : polygons) {
            for (int r = 0; r < polygon.size(); r++) {
                JsonNode ring = polygon.get(r);
                double lat0 = Math.toRadians(ring.get(0).get(1).asDouble());
                double sum = 0;
                for (int i = 0; i + 1 < ring.size(); i++) {
                    double x1 = ring.get(i).get(0).asDouble() * 111_320 * Math.cos(lat0);
                    double y1 = ring.get(i).get(1).asDouble() * 110_574;
                    double x2 = ring.get(i + 1).get(0).asDouble() * 111_320 * Math.cos(lat0);
                    double y2 = ring.get(i + 1).get(1).asDouble() * 110_574;
                    sum += x1 * y2 - x2 * y1;
                }
                total += (r == 0 ? 1 : -1) * Math.abs(sum) / 2;
            }
        }
        return total / SQUARE_METRES_PER_MU;
    }

    /**
     * @param geometry   compact JSON as {@link #read} returns it
     * @param registered the parcel's registered area in 亩
     * @return a Chinese message when the drawn area is more than {@link #AREA_TOLERANCE} times off the registered one
     *         (a wrong parcel, swapped coordinates, or a boundary of a whole village), else {@code null}
     */
    static String implausibleArea(String geometry, java.math.BigDecimal registered) {
        double drawn = areaMu(geometry);
        double r = registered.doubleValue();
        return drawn > r * AREA_TOLERANCE || drawn < r / AREA_TOLERANCE
                ? String.format("边界围成的面积约 %.2f 亩，与登记面积 %s 亩相差过大，请检查坐标", drawn, registered.toPlainString())
                : null;
    }

    private static ArrayNode polygon(JsonNode rings, String where, int[] budget) throws Invalid {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new Invalid(where + "coordinates 应为环的数组，至少含外边界一个环");
        }
        ArrayNode out = NODES.arrayNode();
        for (int r = 0; r < rings.size(); r++) {
            out.add(ring(rings.get(r), where + (r == 0 ? "外边界" : "第" + r + "个内环"), budget));
        }
        return out;
    }

    private static ArrayNode ring(JsonNode ring, String name, int[] budget) throws Invalid {
        if (!ring.isArray() || ring.size() < 4) {
            throw new Invalid(name + "应至少有 4 个坐标（首尾相同）" + (ring.isArray() ? "，实有 " + ring.size() + " 个" : ""));
        }
        budget[0] -= ring.size();
        if (budget[0] < 0) {
            throw new Invalid("坐标过多");
        }
        ArrayNode out = NODES.arrayNode();
        double[] lon = new double[ring.size()];
        double[] lat = new double[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            JsonNode p = ring.get(i);
            String at = name + "第" + (i + 1) + "个坐标";
            if (!p.isArray() || p.size() < 2 || p.size() > 3 || !number(p.get(0)) || !number(p.get(1))
                    || p.size() == 3 && !number(p.get(2))) {
                throw new Invalid(at + "应为 [经度, 纬度] 两个数");
            }
            lon[i] = p.get(0).doubleValue();
            lat[i] = p.get(1).doubleValue();
            if (lon[i] < MIN_LON || lon[i] > MAX_LON || lat[i] < MIN_LAT || lat[i] > MAX_LAT) {
                throw new Invalid(at + " [" + p.get(0) + ", " + p.get(1) + "] 超出范围：经度应在 73–136、纬度应在 3–54 之间"
                        + hint(lon[i], lat[i]));
            }
            out.add(NODES.arrayNode().add(p.get(0).doubleValue()).add(p.get(1).doubleValue()));
        }
        int last = ring.size() - 1;
        if (lon[0] != lon[last] || lat[0] != lat[last]) {
            throw new Invalid(name + "未闭合：最后一个坐标应与第一个相同");
        }
        double twiceArea = 0;
        for (int i = 0; i < last; i++) {
            twiceArea += (lon[i] - lon[0]) * (lat[i + 1] - lat[0]) - (lon[i + 1] - lon[0]) * (lat[i] - lat[0]);
        }
        if (twiceArea == 0) {
            throw new Invalid(name + "围成的面积为零（各点重合或在一条直线上）");
        }
        return out;
    }

    private static boolean number(JsonNode n) {
        return n != null && n.isNumber() && Double.isFinite(n.doubleValue());
    }

    /** @return why a position is probably out of range: latitude and longitude swapped, or metres of a projection */
    private static String hint(double lon, double lat) {
        if (lat >= MIN_LON && lat <= MAX_LON && lon >= MIN_LAT && lon <= MAX_LAT) {
            return "（经度和纬度可能写反了：GeoJSON 先写经度）";
        }
        if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) {
            return "（这像是投影坐标（米），请先转换为经纬度（度））";
        }
        return "";
    }
}
