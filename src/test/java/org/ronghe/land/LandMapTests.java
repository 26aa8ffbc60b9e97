package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The land map: parcels as GeoJSON with their state on a day (transferred, listed, free), who may see them,
 * administrative outlines loaded all or nothing, the registry's 边界（GeoJSON） column, and the Excel registry
 * import. Parcels live in 野川镇 (140581108, the map states) and 马村镇 (140581107, imports), which no other test
 * touches.
 */
@IntegrationTest
class LandMapTests {

    @Autowired
    TestClock clock;

    static final String YECHUAN = "140581108";
    /** 大野川村委会 (野川镇). */
    static final String YECHUAN_VILLAGE = "140581108201";
    /** 马村村委会 (马村镇). */
    static final String MACUN_VILLAGE = "140581107201";
    static final List<String> WITH_BOUNDARY = java.util.stream.Stream.concat(LandRegistry.HEADERS.stream(),
            java.util.stream.Stream.of(LandRegistry.BOUNDARY)).toList();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(accounts.find(username).orElseThrow());
    }

    LocalDate today() {
        return clock.today();
    }

    /** @return a 60 m × 45 m rectangle (about 4 亩) with its south-west corner at the given point, as GeoJSON */
    static String square(double lon, double lat) {
        double e = lon + 0.00066;
        double n = lat + 0.0004;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat + "],[" + e + "," + lat + "],[" + e + "," + n
                + "],[" + lon + "," + n + "],[" + lon + "," + lat + "]]]}";
    }

    static String id(String body17) {
        return body17 + IdentityNumbers.idCheck(body17);
    }

    /** One registry row's cells, boundary last (blank for none). */
    static List<String> cells(String collective, String household, String head, String idBody, String parcel, String name,
                              String area, String type, String basic, String boundary) {
        return List.of(collective, "测试第" + collective.substring(12) + "组", collective + household, head, id(idBody), "4",
                "HT" + collective + household, "1998-10-01", "2058-09-30", "是", collective + parcel, name, area, type, basic,
                "路", "沟", "邻地", "渠", boundary);
    }

    static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", WITH_BOUNDARY)).append('\n');
        for (List<String> r : rows) {
            out.append(String.join(",", r.stream().map(c -> c.contains(",") || c.contains("\"")
                    ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList())).append('\n');
        }
        return out.toString();
    }

    ResultActions upload(String username, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/land/import").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .with(csrf()).with(as(username)));
    }

    JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** @return the features of the map on a day, by parcel code */
    Map<String, JsonNode> map(String township, LocalDate on) throws Exception {
        JsonNode fc = json(mvc.perform(get("/api/land/map").param("township", township).param("on", on.toString())
                .with(as("demo-leader"))).andExpect(status().isOk()));
        assertThat(fc.path("type").asString()).isEqualTo("FeatureCollection");
        Map<String, JsonNode> byCode = new HashMap<>();
        fc.path("features").forEach(f -> byCode.put(f.path("id").asString(), f));
        return byCode;
    }

    long parcels() {
        return jdbc.sql("select count(*) from land_parcel").query(Long.class).single();
    }

    @Test
    void theMapShowsEachParcelsStateOnTheDayAsGeoJson() throws Exception {
        String c = YECHUAN_VILLAGE + "01";
        String transferred = square(112.95, 35.70);
        upload("demo-unit-agri", "yechuan.csv", csv(List.of(
                cells(c, "0001", "刘一", "14058119610101101", "00001", "东坪地", "4.50", "耕地", "是", transferred),
                cells(c, "0001", "刘一", "14058119610101101", "00002", "西坪地", "4.00", "耕地", "否", square(112.95066, 35.70)),
                cells(c, "0002", "刘二", "14058119620202202", "00003", "后沟地", "4.00", "耕地", "否", square(112.95132, 35.70)),
                cells(c, "0002", "刘二", "14058119620202202", "00004", "未测地", "2.00", "耕地", "否", "")))
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk()).andExpect(jsonPath("$.parcels").value(4));
        LocalDate start = today().minusDays(10);
        LocalDate end = today().plusYears(2);
        long transfer = json(mvc.perform(post("/api/land/transfers").with(csrf()).with(as("demo-unit-agri"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"form":"出租","transfereeName":"野川测试种植合作社","transfereeKind":"COOPERATIVE","start":"%s",
                         "end":"%s","landUse":"GRAIN","rent":600,"parcels":[{"code":"%s","area":3.00}]}"""
                        .formatted(start, end, c + "00001"))).andExpect(status().isOk())).path("id").asLong();
        mvc.perform(post("/api/land/supply").with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"householdCode":"%s","byMandate":false,"parcels":["%s"],"form":"出租","termYears":5,"minRent":500,
                         "allowedUses":["GRAIN"]}""".formatted(c + "0002", c + "00003"))).andExpect(status().isOk());

        Map<String, JsonNode> now = map(YECHUAN, today());
        assertThat(now).containsOnlyKeys(c + "00001", c + "00002", c + "00003"); // 未测地 has no boundary
        JsonNode east = now.get(c + "00001");
        assertThat(east.path("geometry")).isEqualTo(JSON.readTree(transferred));
        JsonNode p = east.path("properties");
        assertThat(p.path("state").asString()).isEqualTo("TRANSFERRED");
        assertThat(p.path("state_label").asString()).isEqualTo("已流转");
        assertThat(p.path("transfer_id").asLong()).isEqualTo(transfer);
        assertThat(p.path("transferee").asString()).isEqualTo("野川测试种植合作社");
        assertThat(p.path("transferred_mu").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(p.path("transfer_end").asString()).isEqualTo(end.toString());
        assertThat(p.path("village").asString()).isEqualTo("测试第01组");
        assertThat(p.path("township").asString()).isEqualTo(YECHUAN);
        assertThat(p.path("township_name").asString()).isEqualTo("野川镇");
        assertThat(p.path("area_mu").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(p.path("land_type_label").asString()).isEqualTo("耕地");
        assertThat(p.path("basic_farmland").asBoolean()).isTrue();
        assertThat(now.get(c + "00002").path("properties").path("state_label").asString()).isEqualTo("未流转");
        assertThat(now.get(c + "00002").path("properties").has("transfer_id")).isFalse();
        assertThat(now.get(c + "00003").path("properties").path("state_label").asString()).isEqualTo("挂牌中");
        mvc.perform(get("/api/land/map").param("township", YECHUAN).with(as("demo-supervision")))
                .andExpect(jsonPath("$.withoutBoundary").value(1)).andExpect(jsonPath("$.truncated").value(false))
                .andExpect(jsonPath("$.on").value(today().toString()));

        // the day before the term: nothing transferred, and the listing was not published yet
        Map<String, JsonNode> before = map(YECHUAN, start.minusDays(1));
        assertThat(before.get(c + "00001").path("properties").path("state").asString()).isEqualTo("FREE");
        assertThat(before.get(c + "00003").path("properties").path("state").asString()).isEqualTo("FREE");
        // the day after the last day: the term is over, the listing still open
        Map<String, JsonNode> after = map(YECHUAN, end.plusDays(1));
        assertThat(after.get(c + "00001").path("properties").path("state").asString()).isEqualTo("FREE");
        assertThat(after.get(c + "00003").path("properties").path("state").asString()).isEqualTo("LISTED");
        assertThat(map(YECHUAN, end).get(c + "00001").path("properties").path("state").asString()).isEqualTo("TRANSFERRED");

        // another township's map has none of these; the demo parcels of 西栗庄村 (三甲镇) are drawn there
        Map<String, JsonNode> sanjia = map("140581102", today());
        assertThat(sanjia).doesNotContainKey(c + "00001");
        assertThat(sanjia).containsKeys("1405811022030100001", "1405811022030100002", "1405811022030100003",
                "1405811022030200001");
        assertThat(sanjia.get("1405811022030100001").path("properties").path("state").asString()).isEqualTo("TRANSFERRED");
        mvc.perform(get("/api/land/boundaries").param("township", "140581102").with(as("demo-leader")))
                .andExpect(jsonPath("$.features[?(@.properties.code == '140581102000')].properties.name")
                        .value(hasItem(containsString("（演示）"))));

        mvc.perform(get("/api/land/map").param("township", "12345").with(as("demo-leader"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("township"));
        mvc.perform(get("/api/land/map").param("township", "140581999").with(as("demo-leader"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不是本县的乡镇")));
        mvc.perform(get("/api/land/map").param("on", "2026-13-01").with(as("demo-leader"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("on"));
    }

    @Test
    void aListingClosedByATransferShowsOnTheDaysBeforeAndARegisteredParcelGetsItsBoundaryLater() throws Exception {
        String c = YECHUAN_VILLAGE + "05";
        upload("demo-unit-agri", "yechuan5.csv", csv(List.of(
                cells(c, "0001", "孙一", "14058119630303303", "00001", "上坪地", "4.50", "耕地", "否", square(112.96, 35.71)),
                cells(c, "0001", "孙一", "14058119630303303", "00002", "下坪地", "4.00", "耕地", "否", "")))
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
        mvc.perform(post("/api/land/supply").with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"householdCode":"%s","byMandate":false,"parcels":["%s"],"form":"出租","termYears":5,"minRent":500,
                         "allowedUses":["GRAIN"]}""".formatted(c + "0001", c + "00001"))).andExpect(status().isOk());
        // published a month ago, so the members' first refusal (L11) is over; a transfer today closes it
        jdbc.sql("update land_supply set published_at = cast(:now as timestamptz) - interval '30 days' where household_id = "
                + "(select id from land_household where code = :h)").param("now", clock.dateTime()).param("h", c + "0001").update();
        mvc.perform(post("/api/land/transfers").with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"form":"出租","transfereeName":"野川测试家庭农场","transfereeKind":"FAMILY_FARM","start":"%s",
                         "end":"%s","landUse":"GRAIN","rent":600,"parcels":[{"code":"%s","area":4.50}]}"""
                        .formatted(today().plusDays(10), today().plusYears(1), c + "00001"))).andExpect(status().isOk());
        assertThat(map(YECHUAN, today().minusDays(10)).get(c + "00001").path("properties").path("state").asString())
                .isEqualTo("LISTED");
        assertThat(map(YECHUAN, today()).get(c + "00001").path("properties").path("state").asString()).isEqualTo("FREE");
        assertThat(map(YECHUAN, today().plusDays(10)).get(c + "00001").path("properties").path("state").asString())
                .isEqualTo("TRANSFERRED");

        // the parcel registered without a boundary gets one after a survey
        String url = "/api/land/parcels/" + c + "00002/boundary";
        assertThat(map(YECHUAN, today())).doesNotContainKey(c + "00002");
        mvc.perform(put(url).with(csrf()).with(as("demo-leader")).contentType(MediaType.APPLICATION_JSON)
                .content(square(112.9607, 35.71))).andExpect(status().isForbidden());
        mvc.perform(put(url).with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"Polygon\",\"coordinates\":[[[35.71,112.96],[35.71,112.97],[35.72,112.97],[35.71,112.96]]]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("boundary"));
        // a boundary enclosing about 1,000 亩 is not this 4-亩 field
        mvc.perform(put(url).with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"Polygon\",\"coordinates\":[[[112.96,35.71],[112.97,35.71],[112.97,35.716],[112.96,35.716],[112.96,35.71]]]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("相差过大")));
        assertThat(PolygonGeoJson.areaMu(PolygonGeoJson.read(square(112.9607, 35.71), 100))).isCloseTo(3.96,
                org.assertj.core.data.Offset.offset(0.05));
        mvc.perform(put(url).with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                .content(square(112.9607, 35.71))).andExpect(status().isOk());
        assertThat(map(YECHUAN, today()).get(c + "00002").path("geometry")).isEqualTo(JSON.readTree(square(112.9607, 35.71)));
        mvc.perform(put("/api/land/parcels/1405811082010599999/boundary").with(csrf()).with(as("demo-unit-agri"))
                .contentType(MediaType.APPLICATION_JSON).content(square(112.9607, 35.71))).andExpect(status().isNotFound());
    }

    @Test
    void theMapIsForStaffWhoReadTheRegistry() throws Exception {
        mvc.perform(get("/api/land/map")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/land/boundaries")).andExpect(status().isUnauthorized());
        mvc.perform(get("/land/map").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/land/map").with(as("demo-proposer"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/land/boundaries").with(as("demo-proposer"))).andExpect(status().isForbidden());
        mvc.perform(get("/land/map").with(as("demo-proposer"))).andExpect(status().isForbidden());
        mvc.perform(get("/land/map").with(as("demo-supervision"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("地块分布图")))
                .andExpect(content().string(containsString("/dist/leaflet.js\"")))
                .andExpect(content().string(containsString("/js/land-map.js")))
                .andExpect(content().string(containsString("data-parcels=\"/api/land/map?township=&amp;on=" + today() + "\"")))
                .andExpect(content().string(not(containsString("载入行政区划边界"))));
        mvc.perform(get("/land/map").param("township", YECHUAN).with(as("demo-unit-agri"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("载入行政区划边界")))
                .andExpect(content().string(containsString("<option value=\"" + YECHUAN + "\" selected=\"selected\">野川镇</option>")));
        mvc.perform(get("/land").with(as("demo-leader"))).andExpect(content().string(containsString("href=\"/land/map\"")));
        mvc.perform(get("/js/land-map.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
        String outline = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"140581107\"},"
                + "\"geometry\":" + square(112.8, 35.6) + "}]}";
        for (String who : List.of("demo-unit", "demo-leader-agri", "demo-supervision", "demo-proposer")) {
            mvc.perform(post("/api/land/boundaries").with(csrf()).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(outline))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/land/boundaries").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(outline))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void outlinesAreLoadedAllOrNothingWithEachBadPartNamed() throws Exception {
        String good = square(112.80, 35.60);
        String bad = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"140581109"},"geometry":%s},
                 {"type":"Feature","properties":{"code":"140581109201"},"geometry":{"type":"Point","coordinates":[112.8,35.6]}},
                 {"type":"Feature","properties":{"code":"140581109202"},"geometry":{"type":"Polygon","coordinates":[[[112.8,35.6],[112.9,35.6],[112.9,350.6],[112.8,35.6]]]}},
                 {"type":"Feature","properties":{"code":"140582000000"},"geometry":%s},
                 {"type":"Feature","properties":{"code":"140581109203"},"geometry":{"type":"Polygon","coordinates":[[[112.8,35.6],[112.9,35.6],[112.9,35.7],[112.8,35.7]]]}},
                 {"type":"Feature","properties":{"code":"140581109204"},"geometry":{"type":"MultiPolygon","coordinates":[[[[35.6,112.8],[35.6,112.9],[35.7,112.9],[35.6,112.8]]]]}},
                 {"type":"Feature","properties":{"code":"140581109"},"geometry":%s},
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[112.8,35.6],["112.9",35.6],[112.9,35.7],[112.8,35.6]]]}}
                ]}""".formatted(good, good, good);
        mvc.perform(post("/api/land/boundaries").with(csrf()).with(as("demo-unit-agri")).contentType("application/geo+json").content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[1].geometry')].message")
                        .value(hasItem(containsString("几何类型应为 Polygon 或 MultiPolygon，实为 Point"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[2].geometry')].message")
                        .value(hasItem(containsString("第3个坐标 [112.9, 350.6] 超出范围"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[3].properties.code')].message")
                        .value(hasItem(containsString("不是本县（140581）的区划代码"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[4].geometry')].message")
                        .value(hasItem(containsString("外边界未闭合"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[5].geometry')].message")
                        .value(hasItem(containsString("经度和纬度可能写反了"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[6].properties.code')].message")
                        .value(hasItem(containsString("在文件中重复"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[7].properties.code')].message")
                        .value(hasItem(containsString("缺少区划代码"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[7].geometry')].message")
                        .value(hasItem(containsString("第2个坐标应为 [经度, 纬度] 两个数"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'features[0].geometry')]").doesNotExist());
        assertThat(jdbc.sql("select count(*) from land_division_boundary where division_code like '140581109%'")
                .query(Long.class).single()).isZero();
        mvc.perform(post("/api/land/boundaries").with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"Feature\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/land/boundaries").with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"FeatureCollection\",\"features\":[}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("geojson"));

        // the same township with a good outline and a village: loaded, named after the region when unnamed
        String ok = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"140581109"},"geometry":%s},
                 {"type":"Feature","properties":{"code":140581109201,"name":"村界"},"geometry":%s}]}"""
                .formatted(good, square(112.801, 35.601));
        mvc.perform(post("/api/land/boundaries").with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                        .content(ok))
                .andExpect(status().isOk()).andExpect(jsonPath("$.loaded").value(2))
                .andExpect(jsonPath("$.codes[0]").value("140581109000"));
        mvc.perform(get("/api/land/boundaries").with(as("demo-leader")))
                .andExpect(jsonPath("$.features[?(@.id == '140581109000')].properties.name").value(hasItem("寺庄镇")))
                .andExpect(jsonPath("$.features[?(@.id == '140581109000')].properties.level").value(hasItem("TOWNSHIP")))
                .andExpect(jsonPath("$.features[?(@.id == '140581109201')]").isEmpty()); // villages only within a township
        JsonNode within = json(mvc.perform(get("/api/land/boundaries").param("township", "140581109").with(as("demo-leader"))));
        assertThat(within.findValuesAsString("code")).contains("140581109000", "140581109201").doesNotContain("140581102000");
        JsonNode village = null;
        for (JsonNode f : within.path("features")) {
            village = f.path("id").asString().equals("140581109201") ? f : village;
        }
        assertThat(village.path("geometry")).isEqualTo(JSON.readTree(square(112.801, 35.601)));
        assertThat(village.path("properties").path("level").asString()).isEqualTo("VILLAGE");
        // loading again replaces
        mvc.perform(post("/api/land/boundaries").with(csrf()).with(as("demo-unit-agri")).contentType(MediaType.APPLICATION_JSON)
                .content(ok.replace("村界", "新村界"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select name from land_division_boundary where division_code = '140581109201'")
                .query(String.class).list()).containsExactly("新村界");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LAND_BOUNDARIES_LOADED' and actor = 'demo-unit-agri'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        // the page's form: the same check, the answer as a notice
        mvc.perform(multipart("/land/boundaries").file(new MockMultipartFile("file", "bad.geojson", "application/geo+json",
                        bad.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as("demo-admin")))
                .andExpect(redirectedUrl("/land/map"))
                .andExpect(flash().attribute("notice", containsString("未载入：第2个区划的 geometry：几何类型应为 Polygon 或 MultiPolygon")));
        mvc.perform(multipart("/land/boundaries").file(new MockMultipartFile("file", "ok.geojson", "application/geo+json",
                        ok.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as("demo-admin")))
                .andExpect(flash().attribute("notice", "已载入 2 个行政区划的边界"));
    }

    @Test
    void aRegistryFileWithABadBoundaryIsRefusedByRowWithNothingStored() throws Exception {
        String c = MACUN_VILLAGE + "21";
        long before = parcels();
        upload("demo-unit-agri", "bad.csv", csv(List.of(
                cells(c, "0001", "马一", "14058119710101101", "00001", "好地", "3.00", "耕地", "否", square(112.85, 35.75)),
                cells(c, "0001", "马一", "14058119710101101", "00002", "缺口地", "3.00", "耕地", "否",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[112.85,35.75],[112.86,35.75],[112.86,35.76],[112.85,35.76]]]}"),
                cells(c, "0001", "马一", "14058119710101101", "00003", "乱码地", "3.00", "耕地", "否", "{\"type\":\"Polygon\","),
                cells(c, "0001", "马一", "14058119710101101", "00004", "点地", "3.00", "耕地", "否",
                        "{\"type\":\"Point\",\"coordinates\":[112.85,35.75]}"),
                cells(c, "0001", "马一", "14058119710101101", "00005", "三点地", "3.00", "耕地", "否",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[112.85,35.75],[112.86,35.75],[112.85,35.75]]]}")))
                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 边界（GeoJSON）：外边界未闭合"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第4行 边界（GeoJSON）：不是有效的 JSON"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第5行 边界（GeoJSON）：几何类型应为"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第6行 边界（GeoJSON）：外边界应至少有 4 个坐标"))))
                .andExpect(jsonPath("$.errors[*].message").value(not(hasItem(containsString("第2行")))))
                .andExpect(jsonPath("$.errors[?(@.field == 'row3.边界（GeoJSON）')]").exists());
        assertThat(parcels()).isEqualTo(before);
        // a boundary column in the wrong place is a wrong header
        upload("demo-unit-agri", "bad.csv", (LandRegistry.BOUNDARY + "," + String.join(",", LandRegistry.HEADERS) + "\n,x\n")
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("可再加一列“边界（GeoJSON）”")));
    }

    /** The registry rows of one collective as stored, with the collective's own code taken out, to compare imports. */
    List<Map<String, Object>> stored(String collective) {
        return jdbc.sql("""
                select substr(p.code, 15) as parcel, p.name, p.area_mu, p.land_type, p.basic_farmland, p.east, p.south,
                       p.west, p.north, p.boundary::text as boundary, c.name as collective, substr(h.code, 15) as household,
                       h.head_name, h.head_id_hash, h.members, k.start_date, k.end_date, k.extension_recorded
                from land_parcel p join land_collective c on c.id = p.collective_id join land_household h on h.id = p.household_id
                join land_contract k on k.household_id = h.id where c.code = :c order by p.code""")
                .param("c", collective).query().listOfRows();
    }

    @Test
    void anExcelWorkbookStoresTheSameAsTheCsv() throws Exception {
        String a = MACUN_VILLAGE + "22";
        String b = MACUN_VILLAGE + "23";
        String boundary = square(112.86, 35.76);
        List<List<String>> rowsA = List.of(
                cells(a, "0001", "马甲", "14058119730303101", "00001", "上地", "3.25", "耕地", "是", boundary),
                cells(a, "0001", "马甲", "14058119730303101", "00002", "下地", "1.8", "园地", "否", ""),
                cells(a, "0002", "马乙", "14058119740404202", "00003", "河地", "5", "耕地", "否", square(112.87, 35.76)));
        upload("demo-unit-agri", "a.csv", csv(rowsA).getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
                .andExpect(jsonPath("$.collectives").value(1)).andExpect(jsonPath("$.households").value(2))
                .andExpect(jsonPath("$.parcels").value(3));

        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("确权数据");
            Row head = sheet.createRow(0);
            for (int i = 0; i < WITH_BOUNDARY.size(); i++) {
                head.createCell(i).setCellValue(WITH_BOUNDARY.get(i));
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rowsA.size(); r++) {
                List<String> cells = rowsA.get(r).stream().map(v -> v.replace(a, b)).toList();
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < cells.size(); i++) {
                    String column = WITH_BOUNDARY.get(i);
                    String v = cells.get(i);
                    if (column.equals("家庭成员数") || column.equals("面积（亩）")) {
                        row.createCell(i).setCellValue(Double.parseDouble(v)); // number cells
                    } else if (column.endsWith("日期") && r != 1) {
                        row.createCell(i).setCellValue(LocalDate.parse(v)); // a date cell; row 3 keeps text dates
                        row.getCell(i).setCellStyle(date);
                    } else if (column.equals("延包已登记") && r == 0) {
                        row.createCell(i).setCellValue(true); // a boolean cell reads as 是
                    } else if (!v.isEmpty()) {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            sheet.createRow(10).createCell(3).setCellStyle(date); // a formatted but blank row is skipped
            book.write(out);
            workbook = out.toByteArray();
        }
        upload("demo-unit-agri", "quequan.xlsx", workbook).andExpect(status().isOk())
                .andExpect(jsonPath("$.collectives").value(1)).andExpect(jsonPath("$.households").value(2))
                .andExpect(jsonPath("$.parcels").value(3));
        List<Map<String, Object>> fromCsv = stored(a);
        assertThat(fromCsv).hasSize(3);
        assertThat(fromCsv.get(0).get("boundary")).isNotNull();
        assertThat(fromCsv.get(1).get("boundary")).isNull();
        assertThat(stored(b)).isEqualTo(fromCsv);
        mvc.perform(get("/api/land/parcels/" + b + "00001").with(as("demo-unit-agri")))
                .andExpect(jsonPath("$.area_mu").value(3.25)).andExpect(jsonPath("$.extension_recorded").value(true));
    }

    @Test
    void anExcelWorkbookWithBadCellsIsRefusedByRowAndColumn() throws Exception {
        String c = MACUN_VILLAGE + "24";
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            Row head = sheet.createRow(0);
            for (int i = 0; i < LandRegistry.HEADERS.size(); i++) {
                head.createCell(i).setCellValue(LandRegistry.HEADERS.get(i));
            }
            String[][] rows = {
                    cells(c, "0001", "马丙", "14058119750505101", "00001", "甲地", "2", "耕地", "否", "").toArray(String[]::new),
                    cells(c, "0002", "马丁", "14058119760606202", "00002", "乙地", "abc", "耕地", "否", "").toArray(String[]::new),
                    cells(c, "0003", "马戊", "14058119770707303", "00003", "丙地", "2", "耕地", "否", "").toArray(String[]::new)};
            rows[1][8] = "2058/09/30";
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < LandRegistry.HEADERS.size(); i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            // an 18-digit identity number typed into a number cell: Excel keeps 15 digits
            sheet.getRow(1).getCell(4).setCellValue(Double.parseDouble(id("14058119750505101").replace("X", "")));
            sheet.getRow(3).getCell(5).setCellErrorValue(FormulaError.NA.getCode());
            sheet.getRow(3).createCell(21).setCellValue("多余");
            book.write(out);
            workbook = out.toByteArray();
        }
        long before = parcels();
        // no extension: the content (a zip) says it is a workbook
        upload("demo-unit-agri", "upload", workbook).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第2行 代表身份证号：Excel 把这一格存成了数字"))))
                .andExpect(jsonPath("$.errors[*].message").value(not(hasItem(containsString("第2行 代表身份证号：不是有效")))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 承包截止日期：日期应写作"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 面积（亩）"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第4行 家庭成员数：单元格是错误值"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第4行 整行：第 22 列在表头之外"))));
        assertThat(parcels()).isEqualTo(before);
        mvc.perform(multipart("/land/import").file(new MockMultipartFile("file", "确权.xlsx", "application/octet-stream", workbook))
                        .with(csrf()).with(as("demo-unit-agri")))
                .andExpect(flash().attribute("notice", containsString("未导入：第2行 代表身份证号：Excel 把这一格存成了数字")));
        assertThat(parcels()).isEqualTo(before);
        upload("demo-unit-agri", "quequan.xlsx", "发包方编码,发包方名称\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("无法读取 Excel 文件")));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet().createRow(0).createCell(0).setCellValue("地块");
            book.write(out);
            upload("demo-unit-agri", "x.xlsx", out.toByteArray()).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value("文件中没有地块"));
        }
    }
}
