package org.ronghe.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 供需发布与匹配: supply listings (a household's parcels on offer; the collective may list them on the household's
 * written mandate, L01), demand listings (what a transferee looks for), and the ranking of open supply for a demand.
 *
 * <p>Matching keeps only supply in one of the demand's townships, of its land type, that allows its use, and that
 * may take it (no orchard, forestry or fish pond on permanent basic farmland, L05). It then scores each out of 100,
 * and says why: area fit 30 (full inside the wanted range, less the further outside), rent 25 (full when the budget
 * reaches the minimum rent, in proportion below), term 20 (full when the offered term covers the wanted one, in
 * proportion below), contiguity 15 (other matching listings in the same village, so the land can be taken as one
 * block; 8 alone), use 10 (the use is grain or among the listed uses). Weights are ours; they rank, they do not
 * decide.
 */
@Service
public class Listings {

    static final List<String> USES = List.of("GRAIN", "CASH_CROP", "VEGETABLE", "ORCHARD", "FORESTRY", "AQUACULTURE", "LIVESTOCK");
    private static final Map<String, String> FORMS = Map.of("出租", "LEASE", "入股", "SHARE", "其他", "OTHER",
            "LEASE", "LEASE", "SHARE", "SHARE", "OTHER", "OTHER");

    /**
     * A supply listing as entered.
     *
     * @param householdCode the offering household's 18-digit code
     * @param byMandate     listed by the collective on the household's written mandate (L01); {@code null} means no
     * @param parcels       codes of the household's parcels on offer
     * @param form          出租/入股/其他
     * @param termYears     years offered, 1–30
     * @param minRent       lowest rent accepted, 元/亩/年
     * @param allowedUses   uses the household allows (codes of {@link #USES})
     */
    public record Supply(String householdCode, Boolean byMandate, List<String> parcels, String form, Integer termYears,
                         BigDecimal minRent, List<String> allowedUses) {
    }

    /**
     * A demand listing as entered.
     *
     * @param transfereeName who looks for land
     * @param transfereeKind HOUSEHOLD, FAMILY_FARM, COOPERATIVE, ENTERPRISE or OTHER
     * @param townships      9-digit township codes where land is wanted
     * @param minArea        least area wanted, 亩
     * @param maxArea        most area wanted, 亩
     * @param landType       耕地/园地/其他 (CULTIVATED, GARDEN, OTHER)
     * @param landUse        intended use (a code of {@link #USES})
     * @param termYears      years wanted, 1–30
     * @param maxRent        highest rent, 元/亩/年
     */
    public record Demand(String transfereeName, String transfereeKind, List<String> townships, BigDecimal minArea,
                         BigDecimal maxArea, String landType, String landUse, Integer termYears, BigDecimal maxRent) {
    }

    /**
     * What to look for among open listings; every part may be {@code null} (no condition).
     *
     * @param township 9-digit township code
     * @param landType CULTIVATED, GARDEN or OTHER: supply whose parcels are all of it, demand that wants it
     * @param form     LEASE, SHARE or OTHER (supply)
     * @param use      a use code: supply that allows it, demand that intends it
     * @param minArea  least area in 亩 (supply's total; demand's upper bound)
     * @param maxArea  most area in 亩 (supply's total; demand's lower bound)
     */
    public record Filter(String township, String landType, String form, String use, BigDecimal minArea, BigDecimal maxArea) {

        /** No condition. */
        public static final Filter NONE = new Filter(null, null, null, null, null, null);

        /**
         * @return the filter typed in a search form or query (blank parts are no condition), checked
         * @throws InvalidInputException naming a part that is malformed
         */
        public static Filter of(String township, String landType, String form, String use, String minArea, String maxArea) {
            String f = blank(form);
            return new Filter(blank(township), blank(landType), f == null ? null : FORMS.getOrDefault(f, f), blank(use),
                    area(minArea, "minArea"), area(maxArea, "maxArea")).checked();
        }

        private static String blank(String v) {
            return v == null || v.isBlank() ? null : v.strip();
        }

        private static BigDecimal area(String v, String field) {
            if (blank(v) == null) {
                return null;
            }
            return org.ronghe.problem.NumberInput.amount(v, field, "面积（亩）");
        }

        /**
         * @return the filter after checking its parts
         * @throws InvalidInputException naming the part that is not a township code, land type, form, use or area
         */
        public Filter checked() {
            List<FieldProblem> problems = new ArrayList<>();
            if (township != null && !township.matches("\\d{9}")) {
                problems.add(new FieldProblem("township", "乡镇代码应为 9 位数字"));
            }
            if (landType != null && !List.of("CULTIVATED", "GARDEN", "OTHER").contains(landType)) {
                problems.add(new FieldProblem("landType", "地类应为 CULTIVATED、GARDEN 或 OTHER"));
            }
            if (form != null && !List.of("LEASE", "SHARE", "OTHER").contains(form)) {
                problems.add(new FieldProblem("form", "流转方式应为 出租（LEASE）、入股（SHARE）或 其他（OTHER）"));
            }
            if (use != null && !USES.contains(use)) {
                problems.add(new FieldProblem("use", "用途应为 " + String.join("、", USES) + " 之一"));
            }
            if (minArea != null && minArea.signum() < 0 || maxArea != null && maxArea.signum() < 0) {
                problems.add(new FieldProblem("minArea", "面积不能为负数"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return this;
        }
    }

    /** Most listings a list returns; narrow it with a {@link Filter}. */
    public static final int LIST_LIMIT = 500;

    /**
     * One ranked supply listing for a demand.
     *
     * @param supplyId the listing
     * @param village  its village (collective) name
     * @param area     its area, 亩
     * @param minRent  its minimum rent, 元/亩/年
     * @param termYears its term
     * @param score    0–100
     * @param reasons  how the score came about, one line per part
     */
    public record Match(long supplyId, String village, BigDecimal area, BigDecimal minRent, int termYears, int score,
                        List<String> reasons) {
    }

    /** One open listing's parcels in one village group, as matching reads them. */
    private record Candidate(long id, String village, String villageCode, BigDecimal area, BigDecimal minRent,
                             int termYears, String allowedUses) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final org.ronghe.region.RegionDirectory regions;
    private final Clock clock;

    Listings(JdbcClient jdbc, AuditTrail audit, org.ronghe.region.RegionDirectory regions, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.regions = regions;
    }

    /**
     * Publishes a supply listing.
     *
     * @return its id
     * @throws InvalidInputException naming the field: an unknown household, a parcel that is not the household's, a
     *                               parcel on offer in another open listing, forest land or grassland (L02), a form,
     *                               term, rent or use out of range
     */
    @Transactional
    public long offer(String countyCode, Supply s, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        Long household = s.householdCode() == null ? null : jdbc.sql(
                        "select id from land_household where county_code = :c and code = :code").param("c", countyCode)
                .param("code", s.householdCode()).query(Long.class).optional().orElse(null);
        if (household == null) {
            problems.add(new FieldProblem("householdCode", "没有登记编码为 " + s.householdCode() + " 的承包方"));
        }
        String form = s.form() == null ? null : FORMS.get(s.form().strip());
        if (form == null) {
            problems.add(new FieldProblem("form", "L04：流转方式应为 出租、入股 或 其他"));
        }
        if (s.termYears() == null || s.termYears() < 1 || s.termYears() > 30) {
            problems.add(new FieldProblem("termYears", "流转年限应为 1 到 30 年"));
        }
        rent(s.minRent(), "minRent", problems);
        uses(s.allowedUses(), "allowedUses", problems);
        List<Long> parcelIds = new ArrayList<>();
        if (s.parcels() == null || s.parcels().isEmpty()) {
            problems.add(new FieldProblem("parcels", "请选择要流转的地块"));
        } else if (household != null) {
            for (String code : new java.util.LinkedHashSet<>(s.parcels())) {
                Map<String, Object> p = jdbc.sql("""
                        select p.id, p.land_type, p.household_id,
                               exists (select 1 from land_supply_parcel sp join land_supply x on x.id = sp.supply_id
                                       where sp.parcel_id = p.id and x.status = 'OPEN') as listed,
                               (select max(upper(tp.period)) - 1 from land_transfer_parcel tp
                                where tp.parcel_id = p.id and tp.live and upper(tp.period) > :today) as taken_until,
                               (select case when k.extension_recorded then k.end_date + interval '30 years' else k.end_date end
                                from land_contract k where k.household_id = p.household_id order by k.end_date desc limit 1)::date as contract_end
                        from land_parcel p where p.county_code = :c and p.code = :code""")
                        .param("today", LocalDate.now(clock)).param("c", countyCode).param("code", code).query().listOfRows()
                        .stream().findFirst().orElse(null);
                if (p == null || ((Number) p.get("household_id")).longValue() != household) {
                    problems.add(new FieldProblem("parcels", "L01：地块 " + code + " 不是该承包方的承包地"));
                } else if ("FOREST".equals(p.get("land_type")) || "GRASS".equals(p.get("land_type"))) {
                    problems.add(new FieldProblem("parcels", "L02（《农村土地经营权流转管理办法》第34条）：地块 " + code + " 为林地或草地，不适用本办法的土地经营权流转"));
                } else if (Boolean.TRUE.equals(p.get("listed"))) {
                    problems.add(new FieldProblem("parcels", "地块 " + code + " 已在另一条有效的供给信息中"));
                } else if (p.get("taken_until") != null) {
                    problems.add(new FieldProblem("parcels", "L18：地块 " + code + " 已流转至 " + p.get("taken_until")
                            + "，到期后才能挂牌（原受让方同等条件下享有优先续约权，L16）"));
                } else if (s.termYears() != null && p.get("contract_end") != null && LocalDate.now(clock)
                        .plusYears(s.termYears()).minusDays(1).isAfter(((java.sql.Date) p.get("contract_end")).toLocalDate())) {
                    problems.add(new FieldProblem("termYears", "L03（《农村土地承包法》第21条、第38条）：地块 " + code + " 承包至 "
                            + p.get("contract_end") + "，自今日起 " + s.termYears() + " 年的流转超过承包期的剩余期限"));
                } else {
                    parcelIds.add(((Number) p.get("id")).longValue());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into land_supply (county_code, household_id, by_mandate, form, term_years, min_rent, allowed_uses, published_by,
                                         published_at)
                values (:c, :h, :m, :f, :t, :r, :u, :by, :now) returning id""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("h", household).param("m", Boolean.TRUE.equals(s.byMandate())).param("f", form)
                .param("t", s.termYears()).param("r", s.minRent()).param("u", String.join(",", s.allowedUses()))
                .param("by", by).query(Long.class).single();
        for (long p : parcelIds) {
            jdbc.sql("insert into land_supply_parcel (supply_id, parcel_id, county_code) values (:s, :p, :c)")
                    .param("s", id).param("p", p).param("c", countyCode).update();
        }
        audit.record(countyCode, "LAND_SUPPLY_PUBLISHED", "land_supply", String.valueOf(id),
                "发布土地供给信息：" + parcelIds.size() + " 块地，" + s.termYears() + " 年", null,
                Map.of("parcels", s.parcels(), "minRent", s.minRent()));
        return id;
    }

    /**
     * Publishes a demand listing.
     *
     * @return its id
     * @throws InvalidInputException naming the field: a township not of the county, an area range, land type, use,
     *                               term or rent out of range, a missing name
     */
    @Transactional
    public long seek(String countyCode, Demand d, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = TextInput.line("transfereeName", "受让方名称", d.transfereeName(), 100, true, problems);
        if (d.transfereeKind() == null || !List.of("HOUSEHOLD", "FAMILY_FARM", "COOPERATIVE", "ENTERPRISE", "OTHER")
                .contains(d.transfereeKind())) {
            problems.add(new FieldProblem("transfereeKind", "受让方类型应为 HOUSEHOLD、FAMILY_FARM、COOPERATIVE、ENTERPRISE 或 OTHER"));
        }
        if (d.townships() == null || d.townships().isEmpty()) {
            problems.add(new FieldProblem("townships", "请选择乡镇"));
        } else {
            for (String t : d.townships()) {
                boolean known = t != null && t.matches("\\d{9}") && t.startsWith(countyCode) && regions.find(t + "000")
                        .map(r -> r.level() == org.ronghe.region.RegionLevel.TOWNSHIP).orElse(false);
                if (!known) {
                    problems.add(new FieldProblem("townships", t + " 不是本县的乡镇代码（9 位）"));
                }
            }
        }
        if (d.minArea() == null || d.minArea().signum() <= 0 || d.maxArea() == null || d.maxArea().compareTo(d.minArea()) < 0
                || d.maxArea().compareTo(BigDecimal.valueOf(100_000)) > 0 || d.minArea().stripTrailingZeros().scale() > 2
                || d.maxArea().stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("minArea", "面积范围（亩）应大于 0、最多两位小数，且上限不小于下限"));
        }
        if (d.landType() == null || !List.of("CULTIVATED", "GARDEN", "OTHER").contains(d.landType())) {
            problems.add(new FieldProblem("landType", "L02：土地类型应为 耕地（CULTIVATED）、园地（GARDEN）或 其他（OTHER）"));
        }
        uses(d.landUse() == null ? null : List.of(d.landUse()), "landUse", problems);
        if (d.termYears() == null || d.termYears() < 1 || d.termYears() > 30) {
            problems.add(new FieldProblem("termYears", "流转年限应为 1 到 30 年"));
        }
        rent(d.maxRent(), "maxRent", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into land_demand (county_code, transferee_name, transferee_kind, townships, min_area, max_area,
                                         land_type, land_use, term_years, max_rent, published_by, published_at)
                values (:c, :n, :k, :t, :min, :max, :lt, :u, :y, :r, :by, :now) returning id""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("n", name).param("k", d.transfereeKind())
                .param("t", String.join(",", d.townships())).param("min", d.minArea()).param("max", d.maxArea())
                .param("lt", d.landType()).param("u", d.landUse()).param("y", d.termYears()).param("r", d.maxRent())
                .param("by", by).query(Long.class).single();
        audit.record(countyCode, "LAND_DEMAND_PUBLISHED", "land_demand", String.valueOf(id),
                "发布土地需求信息：" + name + "，" + d.minArea() + "–" + d.maxArea() + " 亩", null,
                Map.of("townships", d.townships(), "maxRent", d.maxRent()));
        return id;
    }

    /** @return open demand listings, newest first: transferee, townships, area range, type, use, years, budget */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> openDemand(String countyCode) {
        return openDemand(countyCode, Filter.NONE);
    }

    /**
     * @return the open demand listings that meet the filter (township among the wanted ones, land type, use, area
     *         range reaching into the filter's), newest first, at most {@link #LIST_LIMIT}
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> openDemand(String countyCode, Filter f) {
        Map<String, String> names = new java.util.HashMap<>(); // township → name, one lookup each
        return jdbc.sql("""
                select id, transferee_name, transferee_kind, townships, min_area, max_area, land_type, land_use, term_years,
                       max_rent from land_demand where county_code = :c and status = 'OPEN'
                  and (cast(:t as varchar) is null or (',' || townships || ',') like '%,' || :t || ',%')
                  and (cast(:lt as varchar) is null or land_type = :lt)
                  and (cast(:u as varchar) is null or land_use = :u)
                  and (cast(:min as numeric) is null or max_area >= :min)
                  and (cast(:max as numeric) is null or min_area <= :max)
                order by published_at desc, id desc limit :n""")
                .param("c", countyCode).param("t", f.township()).param("lt", f.landType()).param("u", f.use())
                .param("min", f.minArea()).param("max", f.maxArea()).param("n", LIST_LIMIT).query().listOfRows().stream().map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>(m);
                    row.put("use_label", useLabel((String) m.get("land_use")));
                    row.put("township_names", String.join("、", Arrays.stream(((String) m.get("townships")).split(","))
                            .map(t -> names.computeIfAbsent(t, k -> regions.find(k + "000")
                                    .map(org.ronghe.region.Region::name).orElse(k))).toList()));
                    return row;
                }).toList();
    }

    /** @return open supply listings with village, township, area, land type and parcels (no personal data) */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> openSupply(String countyCode) {
        return openSupply(countyCode, Filter.NONE);
    }

    /**
     * @return the open supply listings that meet the filter (township, all parcels of the land type, form, the use
     *         allowed, total area within the range), newest first, at most {@link #LIST_LIMIT}
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> openSupply(String countyCode, Filter f) {
        Map<String, String> names = new java.util.HashMap<>(); // township → name, one lookup each, not one per listing
        return jdbc.sql("""
                select s.id, s.form, s.term_years, s.min_rent, s.allowed_uses, c.name as village, c.village_code,
                       substr(c.village_code, 1, 9) as township,
                       sum(p.area_mu) as area, count(*) as parcels, bool_or(p.basic_farmland) as basic_farmland,
                       string_agg(distinct p.land_type, ',') as land_types, count(distinct p.collective_id) as collectives,
                       s.published_at
                from land_supply s join land_supply_parcel sp on sp.supply_id = s.id join land_parcel p on p.id = sp.parcel_id
                join land_collective c on c.id = p.collective_id
                where s.county_code = :c and s.status = 'OPEN'
                  and (cast(:t as varchar) is null or substr(c.village_code, 1, 9) = :t)
                  and (cast(:f as varchar) is null or s.form = :f)
                  and (cast(:u as varchar) is null or (',' || s.allowed_uses || ',') like '%,' || :u || ',%')
                group by s.id, c.name, c.village_code
                having (cast(:lt as varchar) is null or bool_and(p.land_type = :lt))
                   and (cast(:min as numeric) is null or sum(p.area_mu) >= :min)
                   and (cast(:max as numeric) is null or sum(p.area_mu) <= :max)
                order by s.published_at desc, s.id desc limit :n""")
                .param("c", countyCode).param("t", f.township()).param("f", f.form()).param("u", f.use())
                .param("lt", f.landType()).param("min", f.minArea()).param("max", f.maxArea()).param("n", LIST_LIMIT)
                .query().listOfRows().stream().map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>(m);
                    row.put("published", ((java.sql.Timestamp) m.get("published_at")).toInstant()
                            .atZone(clock.getZone()).toLocalDate().toString());
                    row.put("township_name", names.computeIfAbsent((String) m.get("township"), t -> regions.find(t + "000")
                            .map(org.ronghe.region.Region::name).orElse("")));
                    row.put("allowed_uses_label", String.join("、", Arrays.stream(((String) m.get("allowed_uses")).split(","))
                            .map(Listings::useLabel).toList()));
                    row.put("land_types_label", String.join("、", Arrays.stream(((String) m.get("land_types")).split(","))
                            .map(t -> LandType.valueOf(t).label()).toList()));
                    row.put("form_label", LandLabels.form((String) m.get("form")));
                    return row;
                }).toList();
    }

    /**
     * Ranks the open supply for a demand (see the class comment).
     *
     * @throws NotFoundException if the county has no such demand
     */
    @Transactional(readOnly = true)
    public List<Match> match(String countyCode, long demandId) {
        Map<String, Object> d = jdbc.sql("select * from land_demand where id = :id and county_code = :c").param("id", demandId)
                .param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("需求信息", demandId));
        Set<String> townships = new HashSet<>(Arrays.asList(((String) d.get("townships")).split(",")));
        BigDecimal min = (BigDecimal) d.get("min_area");
        BigDecimal max = (BigDecimal) d.get("max_area");
        BigDecimal budget = (BigDecimal) d.get("max_rent");
        int wantedYears = ((Number) d.get("term_years")).intValue();
        String use = (String) d.get("land_use");
        String type = (String) d.get("land_type");
        // Candidates are chosen in the database, per listing and village group as openSupply lists them: in one of the
        // townships, with a parcel of the land type, allowing the use (grain always), and no basic farmland if the use
        // is an orchard, forestry or a fish pond (L05). Starting from the townships' collectives (land_collective_township_idx,
        // land_parcel_collective_idx, land_supply_parcel_parcel_idx) reads only their parcels, not the county's; a use
        // other than grain is looked up in land_supply_uses_idx, whose statistics also tell the planner how rare it is. The
        // best plan depends on the values (how many townships, whether the use filters anything): after five runs of a
        // prepared statement PostgreSQL may switch to a generic plan, which here walked every listed parcel of the
        // county (5× slower), so this transaction plans with the values each time.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        List<Candidate> candidates = jdbc.sql("""
                select s.id, s.term_years, s.min_rent, s.allowed_uses, c.name as village, c.village_code,
                       sum(p.area_mu) as area
                from land_collective c join land_parcel p on p.collective_id = c.id
                join land_supply_parcel sp on sp.parcel_id = p.id join land_supply s on s.id = sp.supply_id
                where substr(c.village_code, 1, 9) in (:townships) and s.county_code = :c and s.status = 'OPEN'
                  and (:use = 'GRAIN' or string_to_array(s.allowed_uses, ',') @> array[cast(:use as text)])
                group by s.id, c.name, c.village_code
                having bool_or(p.land_type = :type) and not (:restricted and bool_or(p.basic_farmland))
                order by s.published_at desc, s.id desc""")
                .param("townships", townships).param("c", countyCode).param("use", use).param("type", type)
                .param("restricted", List.of("ORCHARD", "FORESTRY", "AQUACULTURE").contains(use))
                .query((rs, i) -> new Candidate(rs.getLong("id"), rs.getString("village"), rs.getString("village_code"),
                        rs.getBigDecimal("area"), rs.getBigDecimal("min_rent"), rs.getInt("term_years"),
                        rs.getString("allowed_uses")))
                .list();
        Map<String, Integer> perVillage = new java.util.HashMap<>();
        for (Candidate s : candidates) {
            perVillage.merge(s.villageCode(), 1, Integer::sum);
        }
        List<Match> out = new ArrayList<>(candidates.size());
        for (Candidate s : candidates) {
            List<String> uses = Arrays.asList(s.allowedUses().split(","));
            BigDecimal area = s.area();
            BigDecimal rent = s.minRent();
            int years = s.termYears();
            List<String> reasons = new ArrayList<>(5);
            double areaPart;
            if (area.compareTo(min) >= 0 && area.compareTo(max) <= 0) {
                areaPart = 30;
                reasons.add("面积 " + area + " 亩在所需 " + min + "–" + max + " 亩之内：30");
            } else {
                BigDecimal nearest = area.compareTo(min) < 0 ? min : max;
                double ratio = Math.min(area.doubleValue(), nearest.doubleValue()) / Math.max(area.doubleValue(), nearest.doubleValue());
                areaPart = 30 * ratio;
                reasons.add("面积 " + area + " 亩，所需 " + min + "–" + max + " 亩：" + Math.round(areaPart));
            }
            double rentPart = rent.signum() == 0 || budget.compareTo(rent) >= 0 ? 25 : 25 * budget.doubleValue() / rent.doubleValue();
            reasons.add("最低租金 " + rent + " 元/亩/年，预算 " + budget + "：" + Math.round(rentPart));
            double termPart = years >= wantedYears ? 20 : 20.0 * years / wantedYears;
            reasons.add("可流转 " + years + " 年，需要 " + wantedYears + " 年：" + Math.round(termPart));
            int neighbours = perVillage.get(s.villageCode()) - 1;
            int contiguity = neighbours > 0 ? 15 : 8; // half, rounded as shown
            reasons.add((neighbours > 0 ? s.village() + "所在村还有 " + neighbours + " 条相符的供给，可连片流转"
                    : "所在村没有其他相符的供给") + "：" + contiguity);
            reasons.add((uses.contains(use) ? "用途在承包方允许之列" : "种粮，承包方未限制") + "：10");
            // the score is the sum of the parts as the reasons show them, so the two always agree
            int score = (int) (Math.round(areaPart) + Math.round(rentPart) + Math.round(termPart) + contiguity + 10);
            out.add(new Match(s.id(), s.village(), area.setScale(2, RoundingMode.HALF_UP), rent, years, score, reasons));
        }
        out.sort(Comparator.comparingInt(Match::score).reversed().thenComparingLong(Match::supplyId));
        return out;
    }

    /** @return the Chinese name of a use code */
    /** @return the Chinese name of a use code ({@link LandLabels#use}) */
    static String useLabel(String code) {
        return LandLabels.use(code);
    }

    private static void rent(BigDecimal rent, String field, List<FieldProblem> problems) {
        if (rent == null || rent.signum() < 0 || rent.compareTo(BigDecimal.valueOf(100_000)) > 0
                || rent.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(field, "租金（元/亩/年）应为 0 到 100000，最多两位小数"));
        }
    }

    private static void uses(List<String> uses, String field, List<FieldProblem> problems) {
        if (uses == null || uses.isEmpty() || uses.stream().anyMatch(java.util.Objects::isNull) || !USES.containsAll(uses)) {
            problems.add(new FieldProblem(field, "L05：用途应为农业用途：" + String.join("、", USES)));
        }
    }
}
