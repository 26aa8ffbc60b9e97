package org.ronghe.land;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.audit.AuditTrail;
import org.ronghe.privacy.Masking;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.region.Region;
import org.ronghe.region.RegionDirectory;
import org.ronghe.region.RegionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The land registry (确权 data): collectives, contracting households with their contracts, and parcels.
 *
 * <p>Import is one file — UTF-8 CSV or an Excel workbook — in the layout of {@link #HEADERS} (optionally followed by
 * {@link #BOUNDARY}), one row per parcel, all or nothing: every problem is reported with its row and column and
 * nothing is stored while there is one. Checks: codes per GB/T 35958-2018 (a collective under a village-level unit
 * of the county, a household and a parcel under their collective), identity numbers per GB 11643-1999, dates,
 * areas in 亩 (&gt; 0, two decimals), land types, boundaries (GeoJSON polygons, {@link PolygonGeoJson}), and that
 * rows naming the same collective or household agree. Codes already registered are refused.
 */
@Service
public class LandRegistry {

    /** The columns of the import file, in order. */
    public static final List<String> HEADERS = List.of("发包方编码", "发包方名称", "承包方编码", "承包方代表", "代表身份证号",
            "家庭成员数", "承包合同编号", "承包起始日期", "承包截止日期", "延包已登记", "地块编码", "地块名称", "面积（亩）",
            "土地类型", "永久基本农田", "东至", "南至", "西至", "北至");

    /**
     * The optional last column: the parcel's boundary as a GeoJSON Polygon or MultiPolygon in WGS 84 longitude and
     * latitude (checked by {@link PolygonGeoJson}); a blank cell leaves the parcel without one.
     */
    public static final String BOUNDARY = "边界（GeoJSON）";

    private static final List<String> WITH_BOUNDARY = java.util.stream.Stream.concat(HEADERS.stream(),
            java.util.stream.Stream.of(BOUNDARY)).toList();

    /**
     * What an import stored.
     *
     * @param collectives new collectives
     * @param households  new households (each with its contract)
     * @param parcels     new parcels
     */
    public record ImportResult(int collectives, int households, int parcels) {
    }

    private final JdbcClient jdbc;
    private final RegionDirectory regions;
    private final IdentityVault vault;
    private final Clock clock;
    private final AuditTrail audit;

    LandRegistry(JdbcClient jdbc, RegionDirectory regions, IdentityVault vault, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.regions = regions;
        this.vault = vault;
        this.audit = audit;
    }

    private record Row(int line, String collective, String collectiveName, String household, String head, String idNumber,
                       int members, String contractNo, LocalDate start, LocalDate end, boolean extended, String parcel,
                       String parcelName, BigDecimal area, LandType type, boolean basicFarmland, String[] bounds,
                       String boundary) {
    }

    /**
     * Imports a registry file given as CSV text.
     *
     * @param countyCode 6-digit county code
     * @param csv        the file's text (header row {@link #HEADERS}, optionally followed by {@link #BOUNDARY})
     * @return what was stored
     * @throws InvalidInputException naming each bad cell as {@code 第N行 列名：…} (field {@code file} for the file as a
     *                               whole); nothing is stored then
     */
    @Transactional
    public ImportResult importCsv(String countyCode, String csv) {
        return importTable(countyCode, RegistryFile.csv(csv));
    }

    /**
     * Imports a registry file as uploaded: an Excel workbook (.xlsx, also .xls; its first sheet), recognised by its
     * content or name, or else UTF-8 CSV. Both hold the same header row and columns; in a workbook, dates may be
     * date cells or text {@code yyyy-MM-dd} and numbers may be number cells (see {@link RegistryFile}).
     *
     * @param countyCode 6-digit county code
     * @param bytes      the file
     * @param name       the file's name as uploaded, or {@code null}
     * @return what was stored
     * @throws InvalidInputException naming each bad cell as {@code 第N行 列名：…} (field {@code file} for the file as a
     *                               whole, e.g. GBK text or a damaged workbook); nothing is stored then
     */
    @Transactional
    public ImportResult importFile(String countyCode, byte[] bytes, String name) {
        return importTable(countyCode, RegistryFile.read(bytes, name));
    }

    private ImportResult importTable(String countyCode, RegistryFile.Table table) {
        List<FieldProblem> problems = new ArrayList<>();
        if (table.lines().isEmpty()) {
            throw new InvalidInputException("file", "文件中没有地块");
        }
        List<String> columns = table.header();
        if (!columns.equals(HEADERS) && !columns.equals(WITH_BOUNDARY)) {
            throw new InvalidInputException("file", "第1行应为表头：" + String.join(",", HEADERS) + "（可再加一列“" + BOUNDARY + "”）");
        }
        List<Row> rows = new ArrayList<>();
        for (RegistryFile.Line r : table.lines()) {
            int line = r.number();
            Cells c = new Cells(columns, r.cells(), line, problems, new HashSet<>());
            r.unreadable().forEach(c::problem);
            if (r.cells().size() != columns.size()) {
                c.problem("整行", "应有 " + columns.size() + " 列，实有 " + r.cells().size() + " 列");
                continue;
            }
            String collective = c.text("发包方编码");
            if (!collective.matches("\\d{14}")) {
                c.problem("发包方编码", "应为 14 位数字（村级区划代码 12 位 + 组 2 位，GB/T 35958-2018）");
            } else {
                Optional<Region> village = regions.find(collective.substring(0, 12));
                if (village.isEmpty() || village.get().level() != RegionLevel.VILLAGE
                        || !collective.startsWith(countyCode)) {
                    c.problem("发包方编码", "前 12 位 " + collective.substring(0, 12) + " 不是本县的村级区划代码");
                }
            }
            String collectiveName = c.required("发包方名称", 100);
            String household = c.text("承包方编码");
            if (!household.matches("\\d{18}")) {
                c.problem("承包方编码", "应为 18 位数字（发包方编码 + 4 位户号）");
            } else if (!household.startsWith(collective)) {
                c.problem("承包方编码", "承包方编码 " + household + " 不在发包方 " + collective + " 之下");
            }
            String head = c.required("承包方代表", 50);
            String id = c.text("代表身份证号").toUpperCase();
            if (!IdentityNumbers.isIdNumber(id, LocalDate.now(clock))) {
                c.problem("代表身份证号", "不是有效的居民身份证号码（GB 11643-1999 校验码或出生日期不符）");
            }
            int members = c.integer("家庭成员数", 1, 99);
            String contractNo = c.required("承包合同编号", 40);
            LocalDate start = c.date("承包起始日期");
            LocalDate end = c.date("承包截止日期");
            if (start != null && end != null && !end.isAfter(start)) {
                c.problem("承包截止日期", "应晚于承包起始日期");
            }
            boolean extended = c.flag("延包已登记");
            String parcel = c.text("地块编码");
            if (!parcel.matches("\\d{19}")) {
                c.problem("地块编码", "应为 19 位数字（发包方编码 + 5 位地块顺序码）");
            } else if (!parcel.startsWith(collective)) {
                c.problem("地块编码", "地块编码 " + parcel + " 不在发包方 " + collective + " 之下");
            }
            String parcelName = c.required("地块名称", 60);
            BigDecimal area = c.area("面积（亩）");
            LandType type = LandType.parse(c.text("土地类型")).orElse(null);
            if (type == null) {
                c.problem("土地类型", "应为 耕地、园地、林地、草地 或 其他");
            }
            boolean basic = c.flag("永久基本农田");
            String[] bounds = {c.optional("东至", 60), c.optional("南至", 60), c.optional("西至", 60), c.optional("北至", 60)};
            String boundary = c.boundary(BOUNDARY);
            String offArea = boundary == null || area == null ? null : PolygonGeoJson.implausibleArea(boundary, area);
            if (offArea != null) {
                c.problem(BOUNDARY, offArea);
            }
            rows.add(new Row(line, collective, collectiveName, household, head, id, members, contractNo, start, end,
                    extended, parcel, parcelName, area, type, basic, bounds, boundary));
        }
        consistency(countyCode, rows, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return store(countyCode, rows);
    }

    /** Rows naming one collective or household must agree; codes must be new. */
    private void consistency(String countyCode, List<Row> rows, List<FieldProblem> problems) {
        Map<String, Row> collectives = new HashMap<>();
        Map<String, Row> households = new HashMap<>();
        Set<String> parcels = new HashSet<>();
        Map<String, Row> contracts = new HashMap<>();
        for (Row r : rows) {
            Row first = collectives.putIfAbsent(r.collective(), r);
            if (first != null && !first.collectiveName().equals(r.collectiveName())) {
                problems.add(problem(r.line(), "发包方名称", "与第" + first.line() + "行同一发包方的名称不同"));
            }
            Row h = households.putIfAbsent(r.household(), r);
            if (h != null && (!h.head().equals(r.head()) || !h.idNumber().equals(r.idNumber())
                    || h.members() != r.members() || !h.contractNo().equals(r.contractNo())
                    || !java.util.Objects.equals(h.start(), r.start()) || !java.util.Objects.equals(h.end(), r.end()))) {
                problems.add(problem(r.line(), "承包方编码", "与第" + h.line() + "行同一承包方的代表、身份证号、成员数或合同不同"));
            }
            Row holder = contracts.putIfAbsent(r.contractNo(), r);
            if (holder != null && !holder.household().equals(r.household())) {
                problems.add(problem(r.line(), "承包合同编号", "合同编号 " + r.contractNo() + " 已用于第" + holder.line() + "行的另一承包方"));
            }
            if (!parcels.add(r.parcel())) {
                problems.add(problem(r.line(), "地块编码", "地块编码 " + r.parcel() + " 在文件中重复"));
            }
        }
        // one array parameter each, so files of any length fit in one statement
        Set<String> known = new HashSet<>(jdbc.sql(
                        "select code from land_parcel where county_code = :c and code = any(cast(:codes as varchar[]))")
                .param("c", countyCode).param("codes", parcels.toArray(String[]::new)).query(String.class).list());
        Set<String> knownHouseholds = new HashSet<>(jdbc.sql(
                        "select code from land_household where county_code = :c and code = any(cast(:codes as varchar[]))")
                .param("c", countyCode).param("codes", households.keySet().toArray(String[]::new)).query(String.class).list());
        Set<String> knownContracts = new HashSet<>(jdbc.sql(
                        "select contract_no from land_contract where county_code = :c and contract_no = any(cast(:codes as varchar[]))")
                .param("c", countyCode).param("codes", contracts.keySet().toArray(String[]::new)).query(String.class).list());
        Map<String, String> knownCollectives = new HashMap<>();
        jdbc.sql("select code, name from land_collective where county_code = :c and code = any(cast(:codes as varchar[]))")
                .param("c", countyCode).param("codes", collectives.keySet().toArray(String[]::new)).query()
                .listOfRows().forEach(m -> knownCollectives.put((String) m.get("code"), (String) m.get("name")));
        for (Row r : rows) {
            if (known.contains(r.parcel())) {
                problems.add(problem(r.line(), "地块编码", "地块 " + r.parcel() + " 已登记"));
            }
            if (knownContracts.contains(r.contractNo())) {
                problems.add(problem(r.line(), "承包合同编号", "合同编号 " + r.contractNo() + " 已登记"));
            }
            if (knownHouseholds.contains(r.household())) {
                problems.add(problem(r.line(), "承包方编码", "承包方 " + r.household() + " 已登记"));
            }
            String name = knownCollectives.get(r.collective());
            if (name != null && !name.equals(r.collectiveName())) {
                problems.add(problem(r.line(), "发包方名称", "发包方 " + r.collective() + " 已登记为“" + name + "”"));
            }
        }
    }

    private ImportResult store(String countyCode, List<Row> rows) {
        Map<String, Long> collectiveIds = new HashMap<>();
        Map<String, Long> householdIds = new HashMap<>();
        int newCollectives = 0;
        for (Row r : rows) {
            if (!collectiveIds.containsKey(r.collective())) {
                Optional<Long> existing = jdbc.sql("select id from land_collective where county_code = :c and code = :code")
                        .param("c", countyCode).param("code", r.collective()).query(Long.class).optional();
                if (existing.isEmpty()) {
                    newCollectives++;
                }
                collectiveIds.put(r.collective(), existing.orElseGet(() -> jdbc.sql("""
                        insert into land_collective (county_code, code, name, village_code) values (:c, :code, :n, :v)
                        returning id""").param("c", countyCode).param("code", r.collective()).param("n", r.collectiveName())
                        .param("v", r.collective().substring(0, 12)).query(Long.class).single()));
            }
            if (!householdIds.containsKey(r.household())) {
                long h = jdbc.sql("""
                        insert into land_household (county_code, collective_id, code, head_name, head_id_cipher, head_id_hash, members)
                        values (:c, :col, :code, :head, :cipher, :hash, :m) returning id""")
                        .param("c", countyCode).param("col", collectiveIds.get(r.collective())).param("code", r.household())
                        .param("head", r.head()).param("cipher", vault.encrypt(r.idNumber()))
                        .param("hash", vault.fingerprint(r.idNumber())).param("m", r.members()).query(Long.class).single();
                jdbc.sql("""
                        insert into land_contract (county_code, household_id, contract_no, start_date, end_date, extension_recorded)
                        values (:c, :h, :no, :s, :e, :x)""").param("c", countyCode).param("h", h).param("no", r.contractNo())
                        .param("s", r.start()).param("e", r.end()).param("x", r.extended()).update();
                householdIds.put(r.household(), h);
            }
            jdbc.sql("""
                    insert into land_parcel (county_code, code, collective_id, household_id, name, area_mu, land_type,
                                             basic_farmland, east, south, west, north, boundary)
                    values (:c, :code, :col, :h, :n, :a, :t, :b, :e, :s, :w, :no, cast(:bd as jsonb))""")
                    .param("c", countyCode).param("code", r.parcel()).param("col", collectiveIds.get(r.collective()))
                    .param("h", householdIds.get(r.household())).param("n", r.parcelName()).param("a", r.area())
                    .param("t", r.type().name()).param("b", r.basicFarmland()).param("e", r.bounds()[0])
                    .param("s", r.bounds()[1]).param("w", r.bounds()[2]).param("no", r.bounds()[3])
                    .param("bd", r.boundary()).update();
        }
        ImportResult result = new ImportResult(newCollectives, householdIds.size(), rows.size());
        audit.record(countyCode, "LAND_REGISTRY_IMPORTED", "land_parcel", null,
                "导入确权数据：" + result.collectives() + " 个发包方、" + result.households() + " 户、" + result.parcels() + " 块地",
                null, Map.of("collectives", result.collectives(), "households", result.households(), "parcels", result.parcels()));
        return result;
    }

    /**
     * @param countyCode 6-digit county code
     * @param showIds    whether the reader may see identity numbers in full (the agriculture bureau, administrators)
     * @param offset     rows to skip
     * @param limit      rows to return, 1–200
     * @return parcels with their collective and household, by code; identity numbers masked unless {@code showIds}
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> parcels(String countyCode, boolean showIds, int offset, int limit) {
        return query(countyCode, showIds, null, offset, limit);
    }

    private List<Map<String, Object>> query(String countyCode, boolean showIds, String code, int offset, int limit) {
        return jdbc.sql("""
                select p.code, p.name, p.area_mu, p.land_type, p.basic_farmland, p.east, p.south, p.west, p.north,
                       c.code as collective_code, c.name as collective, h.code as household_code, h.head_name,
                       h.head_id_cipher, k.contract_no, k.end_date, k.extension_recorded
                from land_parcel p join land_collective c on c.id = p.collective_id
                join land_household h on h.id = p.household_id left join land_contract k on k.household_id = h.id
                where p.county_code = :c and (cast(:code as varchar) is null or p.code = :code)
                order by p.code offset :o limit :l""")
                .param("c", countyCode).param("code", code).param("o", Math.max(0, offset)).param("l", Math.max(1, Math.min(200, limit)))
                .query(org.ronghe.database.DateColumns.MAPPER).list().stream().map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>(m);
                    String id = vault.decrypt((byte[]) row.remove("head_id_cipher"));
                    row.put("head_id", showIds ? id : Masking.idNumber(id));
                    row.put("land_type_label", LandType.valueOf((String) m.get("land_type")).label());
                    return row;
                }).toList();
    }

    /** @return counts and total area (亩) of the county's registry */
    @Transactional(readOnly = true)
    public Map<String, Object> summary(String countyCode) {
        return jdbc.sql("""
                select (select count(*) from land_collective where county_code = :c) as collectives,
                       (select count(*) from land_household where county_code = :c) as households,
                       count(*) as parcels, coalesce(sum(area_mu), 0) as area
                from land_parcel where county_code = :c""").param("c", countyCode).query().singleRow();
    }

    /**
     * @return the parcel with this code
     * @throws NotFoundException if the county has no such parcel
     */
    @Transactional(readOnly = true)
    public Map<String, Object> parcel(String countyCode, String code, boolean showIds) {
        return query(countyCode, showIds, code, 0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("地块", code));
    }

    /** @return the problem of one cell, {@code 第N行 列名：…}, field {@code rowN.列名} */
    static FieldProblem problem(int line, String column, String message) {
        return new FieldProblem("row" + line + "." + column, "第" + line + "行 " + column + "：" + message);
    }

    /**
     * Reads the cells of one row, adding a problem naming row and column for each bad value (one per cell: a cell
     * already reported, e.g. unreadable in the workbook, is not reported again).
     */
    private record Cells(List<String> columns, List<String> cells, int line, List<FieldProblem> problems,
                         Set<String> reported) {

        String text(String column) {
            int i = columns.indexOf(column);
            return i >= 0 && i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
        }

        void problem(String column, String message) {
            if (reported.add(column)) {
                problems.add(LandRegistry.problem(line, column, message));
            }
        }

        /** @return the cell's polygon as compact GeoJSON, or {@code null} when blank or absent */
        String boundary(String column) {
            String t = text(column);
            if (t.isEmpty()) {
                return null;
            }
            if (t.length() > RegistryFile.MAX_CELL) {
                problem(column, "边界过长（最多 " + RegistryFile.MAX_CELL + " 个字符）");
                return null;
            }
            try {
                return PolygonGeoJson.read(t, PolygonGeoJson.PARCEL_POSITIONS);
            } catch (PolygonGeoJson.Invalid e) {
                problem(column, e.getMessage());
                return null;
            }
        }

        String required(String column, int max) {
            String t = text(column);
            if (t.isEmpty()) {
                problem(column, "不能为空");
            } else if (t.codePointCount(0, t.length()) > max) {
                problem(column, "最多 " + max + " 字");
            }
            return t;
        }

        String optional(String column, int max) {
            String t = text(column);
            if (t.codePointCount(0, t.length()) > max) {
                problem(column, "最多 " + max + " 字");
            }
            return t.isEmpty() ? null : t;
        }

        int integer(String column, int min, int max) {
            String t = text(column);
            if (!t.matches("\\d{1,3}") || Integer.parseInt(t) < min || Integer.parseInt(t) > max) {
                problem(column, "应为 " + min + " 到 " + max + " 的整数");
                return min;
            }
            return Integer.parseInt(t);
        }

        LocalDate date(String column) {
            String t = text(column);
            try {
                LocalDate d = LocalDate.parse(t);
                if (d.getYear() < 1949 || d.getYear() > 2100) {
                    problem(column, "日期应在 1949 年到 2100 年之间");
                    return null;
                }
                return d;
            } catch (DateTimeParseException e) {
                problem(column, "日期应写作 2028-12-31");
                return null;
            }
        }

        boolean flag(String column) {
            String t = text(column);
            if (!t.isEmpty() && !t.equals("是") && !t.equals("否")) {
                problem(column, "应为 是 或 否");
            }
            return t.equals("是");
        }

        BigDecimal area(String column) {
            String t = text(column);
            if (!t.matches("\\d{1,6}(\\.\\d{1,2})?") || new BigDecimal(t).signum() <= 0
                    || new BigDecimal(t).compareTo(BigDecimal.valueOf(100_000)) > 0) {
                problem(column, "面积应为大于 0、不超过 100000 的亩数，最多两位小数");
                return BigDecimal.ONE;
            }
            return new BigDecimal(t);
        }
    }
}
