package org.ronghe.land;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ronghe.account.DemoProfileActivator;
import org.ronghe.tenancy.CountySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (demo profile only): an invented registry for two groups of 西栗庄村 (三甲镇), every name marked （演示）
 * and every identity number made up (with a valid check character); one filed transfer with a confirmed contract,
 * and two open supply listings, so the land pages and {@code /public/land} show something at the first start.
 *
 * <p>For the map the parcels get invented boundaries — three adjacent strips and a field by the river across a
 * track, near lon 112.92, lat 35.79, each drawn to its registered area (1 亩 = 666.67 m²) — and 三甲镇 an invented
 * outline named （演示）, loaded only while no real outline of 三甲镇 is. Both are added to demo data of earlier
 * versions too.
 */
@Component
@Profile(DemoProfileActivator.PROFILE)
class DemoLand {

    private static final Logger log = LoggerFactory.getLogger(DemoLand.class);
    private static final String VILLAGE = "140581102203";
    private static final String TOWNSHIP = "140581102000";

    /** Invented boundaries by parcel code: strips 60 m deep of 8.60, 5.20 and 3.40 亩, and 12.00 亩 by the river. */
    private static final Map<String, String> BOUNDARIES = Map.of(
            VILLAGE + "0100001", polygon(112.92, 35.79, 112.921057, 35.79, 112.921102, 35.790541, 112.920044, 35.790541),
            VILLAGE + "0100002", polygon(112.921057, 35.79, 112.921697, 35.79, 112.921741, 35.790541, 112.921102, 35.790541),
            VILLAGE + "0100003", polygon(112.921697, 35.79, 112.922115, 35.79, 112.922159, 35.790541, 112.921741, 35.790541),
            VILLAGE + "0200001", polygon(112.92, 35.789928, 112.92, 35.789301, 112.920882, 35.789228, 112.921266, 35.789523,
                    112.921266, 35.789928));

    /** An invented outline around the demo parcels (about 40 km²), not 三甲镇's real boundary. */
    private static final String TOWNSHIP_OUTLINE = polygon(112.907832, 35.812933, 112.889276, 35.80397, 112.89124, 35.786395,
            112.891192, 35.769722, 112.903961, 35.754394, 112.926637, 35.754851, 112.943783, 35.762199, 112.96304, 35.769271,
            112.973096, 35.786395, 112.95825, 35.801266, 112.948207, 35.816835, 112.926637, 35.81884);

    private final LandRegistry registry;
    private final TransferService transfers;
    private final TransferContracts contracts;
    private final Listings listings;
    private final JdbcClient jdbc;
    private final CountySettings county;
    private final LandMap map;

    private final Rents rents;
    private final Clock clock;

    DemoLand(LandRegistry registry, TransferService transfers, TransferContracts contracts, Listings listings,
             JdbcClient jdbc, CountySettings county, LandMap map, Rents rents, Clock clock) {
        this.clock = clock;
        this.rents = rents;
        this.map = map;
        this.registry = registry;
        this.transfers = transfers;
        this.contracts = contracts;
        this.listings = listings;
        this.jdbc = jdbc;
        this.county = county;
    }

    /** All or nothing: a failure leaves no half demo behind (the next start tries again). */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.transaction.annotation.Transactional
    void create() {
        String c = county.code();
        if (!"140581".equals(c)) {
            return;
        }
        if (jdbc.sql("select count(*) from land_collective where code like :v")
                .param("v", VILLAGE + "%").query(Long.class).single() == 0) {
            registry(c);
        }
        if (jdbc.sql("select count(*) from land_collective where code like :v")
                .param("v", SHENNONG + "%").query(Long.class).single() == 0) {
            shennong(c);
        }
        mapData(c);
    }

    private void registry(String c) {
        StringBuilder csv = new StringBuilder(String.join(",", LandRegistry.HEADERS)).append(',')
                .append(LandRegistry.BOUNDARY).append('\n');
        String[][] households = {
                {"01", "0001", "（演示）张满仓", "12", "大坪地", "8.60", "耕地", "是"},
                {"01", "0002", "（演示）李秋收", "13", "沟掌地", "5.20", "耕地", "否"},
                {"01", "0003", "（演示）王春耕", "14", "南坡园", "3.40", "园地", "否"},
                {"02", "0001", "（演示）赵丰年", "15", "河滩地", "12.00", "耕地", "否"}};
        for (String[] h : households) {
            String collective = VILLAGE + h[0];
            String body = "140581" + "196801" + h[3] + "00" + h[3].charAt(1); // born 1968-01-12 … -15, made up
            csv.append(collective).append(",（演示）西栗庄村").append(h[0]).append("组,").append(collective).append(h[1]).append(',')
                    .append(h[2]).append(',').append(body).append(IdentityNumbers.idCheck(body)).append(",4,（演示）HT")
                    .append(collective).append(h[1]).append(",1998-10-01,2028-09-30,是,").append(collective).append('0')
                    .append(h[1]).append(',').append(h[4]).append(',').append(h[5]).append(',').append(h[6]).append(',')
                    .append(h[7]).append(",路,沟,邻地,河,\"")
                    .append(BOUNDARIES.get(collective + '0' + h[1]).replace("\"", "\"\"")).append("\"\n");
        }
        registry.importCsv(c, csv.toString());
        int year = LocalDate.now(clock).getYear();
        long t = transfers.record(c, new TransferService.Draft("出租", "（演示）高平市三甲丰收种植专业合作社", "COOPERATIVE",
                LocalDate.of(year, 3, 1), LocalDate.of(year + 3, 2, 28), "GRAIN", new BigDecimal("600"),
                List.of(new TransferService.Share(VILLAGE + "0100001", new BigDecimal("8.60")))), "demo-unit-agri").id();
        contracts.draft(c, t, new TransferContracts.Terms("93140581MA0L3B0000".substring(0, 17)
                + IdentityNumbers.usccCheck("93140581MA0L3B0000".substring(0, 17)), "ANNUAL", new BigDecimal("2000"),
                "ARBITRATION", "（演示）三甲镇农村经营管理站"), "demo-unit-agri");
        String hash = (String) contracts.get(c, t).get("sha256");
        contracts.confirm(c, t, "TRANSFEROR", hash, "demo-unit-agri");
        contracts.confirm(c, t, "TRANSFEREE", hash, "demo-unit-agri");
        transfers.file(c, t, LocalDate.now(clock), "demo-unit-agri");
        LocalDate today = LocalDate.now(clock);
        if (!today.isBefore(LocalDate.of(year, 3, 1))) {
            // the first year's rent, paid to the household's own account (L14)
            long first = ((Number) rents.of(c, t, today).get(0).get("id")).longValue();
            rents.pay(c, t, first, new BigDecimal("5160.00"), LocalDate.of(year, 3, 1), VILLAGE + "010001", "demo-unit-agri");
        }
        listings.offer(c, new Listings.Supply(VILLAGE + "010002", false, List.of(VILLAGE + "0100002"), "出租", 5,
                new BigDecimal("550"), List.of("GRAIN", "VEGETABLE")), "demo-unit-agri");
        listings.offer(c, new Listings.Supply(VILLAGE + "020001", true, List.of(VILLAGE + "0200001"), "入股", 10,
                new BigDecimal("500"), List.of("GRAIN", "CASH_CROP")), "demo-unit-agri");
        listings.seek(c, new Listings.Demand("（演示）高平市三甲粮食种植家庭农场", "FAMILY_FARM", List.of(VILLAGE.substring(0, 9)),
                new BigDecimal("5"), new BigDecimal("15"), "CULTIVATED", "GRAIN", 5, new BigDecimal("600")), "demo-unit-agri");
        log.info("Demo land data created in 西栗庄村 ({})", VILLAGE);
    }

    /** 神农镇 (9-digit township code): its villages 团东村 (201) and 团西村 (202) get invented demo households. */
    private static final String SHENNONG = "140581103";

    /**
     * Two more demo villages in 神农镇: in 团东村 two households lease three fields to an invented family farm under a
     * signed, filed contract, and a third household's transfer is recorded but its contract not yet drafted; in 团西村
     * two households offer their land. Fields are rectangles 80 m deep drawn to their registered areas.
     */
    private void shennong(String c) {
        String[][] rows = {
                // village, group, household, head, id body suffix, parcel, name, 亩, type, basic farmland
                {"201", "01", "0001", "（演示）郭来旺", "21", "00001", "东河滩", "10.50", "耕地", "是"},
                {"201", "01", "0001", "（演示）郭来旺", "21", "00002", "西河滩", "6.80", "耕地", "是"},
                {"201", "01", "0002", "（演示）申二喜", "22", "00003", "庙后地", "7.20", "耕地", "否"},
                {"201", "01", "0003", "（演示）秦满仓", "23", "00004", "坡头地", "4.60", "耕地", "否"},
                {"202", "01", "0001", "（演示）范有余", "24", "00001", "大湾地", "15.00", "耕地", "否"},
                {"202", "01", "0002", "（演示）常丰收", "25", "00002", "桃园", "3.80", "园地", "否"}};
        StringBuilder csv = new StringBuilder(String.join(",", LandRegistry.HEADERS)).append(',')
                .append(LandRegistry.BOUNDARY).append('\n');
        double lon = 112.985;
        for (String[] r : rows) {
            String collective = SHENNONG + r[0] + r[1];
            String body = "140581" + "197203" + r[4] + "00" + r[4].charAt(1); // made up, valid check character
            double width = Double.parseDouble(r[7]) * PolygonGeoJson.SQUARE_METRES_PER_MU / 80 / (111_320 * Math.cos(Math.toRadians(35.85)));
            double lat = r[0].equals("201") ? 35.85 : 35.8512;
            String field = polygon(lon, lat, lon + width, lat, lon + width, lat + 80 / 110_574.0, lon, lat + 80 / 110_574.0);
            lon += width;
            csv.append(collective).append(",（演示）").append(r[0].equals("201") ? "团东村" : "团西村").append(r[1]).append("组,")
                    .append(collective).append(r[2]).append(',').append(r[3]).append(',').append(body)
                    .append(IdentityNumbers.idCheck(body)).append(",4,（演示）HT").append(collective).append(r[2])
                    .append(",1998-10-01,2028-09-30,是,").append(collective).append(r[5]).append(',').append(r[6]).append(',')
                    .append(r[7]).append(',').append(r[8]).append(',').append(r[9]).append(",路,渠,邻地,坡,\"")
                    .append(field.replace("\"", "\"\"")).append("\"\n");
        }
        registry.importCsv(c, csv.toString());
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        String east = SHENNONG + "20101";
        String farmer = "140581197805050" + "31"; // the family farm's owner, made up
        long t = transfers.record(c, new TransferService.Draft("出租", "（演示）高平市神农鑫源家庭农场", "FAMILY_FARM",
                LocalDate.of(year, 1, 1), LocalDate.of(year + 4, 12, 31), "GRAIN", new BigDecimal("650"),
                List.of(new TransferService.Share(east + "00001", new BigDecimal("10.50")),
                        new TransferService.Share(east + "00002", new BigDecimal("6.80")),
                        new TransferService.Share(east + "00003", new BigDecimal("7.20")))), "demo-unit-agri").id();
        contracts.draft(c, t, new TransferContracts.Terms(farmer + IdentityNumbers.idCheck(farmer), "ANNUAL", BigDecimal.ZERO,
                "ARBITRATION"), "demo-unit-agri");
        String hash = (String) contracts.get(c, t).get("sha256");
        contracts.confirm(c, t, "TRANSFEROR", hash, "demo-unit-agri");
        contracts.confirm(c, t, "TRANSFEREE", hash, "demo-unit-agri");
        transfers.file(c, t, today, "demo-unit-agri");
        transfers.record(c, new TransferService.Draft("出租", "（演示）神农镇蔬菜种植户申三", "HOUSEHOLD", LocalDate.of(year + 1, 3, 1),
                LocalDate.of(year + 2, 2, 28), "VEGETABLE", new BigDecimal("700"),
                List.of(new TransferService.Share(east + "00004", new BigDecimal("4.60")))), "demo-unit-agri");
        String west = SHENNONG + "20201";
        listings.offer(c, new Listings.Supply(west + "0001", false, List.of(west + "00001"), "出租", 8, new BigDecimal("600"),
                List.of("GRAIN", "VEGETABLE", "CASH_CROP")), "demo-unit-agri");
        listings.offer(c, new Listings.Supply(west + "0002", false, List.of(west + "00002"), "出租", 5, new BigDecimal("900"),
                List.of("ORCHARD")), "demo-unit-agri");
        log.info("Demo land data created in 团东村 and 团西村 (神农镇)");
    }

    /** Boundaries of the demo parcels where missing (demo data of earlier versions), and the invented outline. */
    private void mapData(String c) {
        BOUNDARIES.forEach((code, geometry) -> jdbc.sql("""
                update land_parcel set boundary = cast(:g as jsonb) where county_code = :c and code = :code and boundary is null""")
                .param("g", geometry).param("c", c).param("code", code).update());
        if (jdbc.sql("select count(*) from land_division_boundary where county_code = :c and division_code = :d")
                .param("c", c).param("d", TOWNSHIP).query(Long.class).single() == 0) {
            map.loadBoundaries(c, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                    + "{\"code\":\"" + TOWNSHIP + "\",\"name\":\"（演示）三甲镇（示意边界）\"},\"geometry\":" + TOWNSHIP_OUTLINE + "}]}",
                    "demo-unit-agri");
        }
    }

    /** @return a GeoJSON Polygon of one ring through the given longitude, latitude pairs, closed */
    private static String polygon(double... lonLat) {
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= lonLat.length; i += 2) {
            int j = i % lonLat.length;
            ring.append(i == 0 ? "" : ",").append('[').append(lonLat[j]).append(',').append(lonLat[j + 1]).append(']');
        }
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
    }
}
