package org.ronghe.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.TextInput;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Records transfers of the operating right (土地经营权流转) of registered parcels, checking the rules of
 * ../shared/domain/land.md that concern the transfer itself. Each refusal names the rule and its source:
 * <ul>
 * <li>L02 — forest land and grassland are outside 农村土地经营权流转管理办法 (art. 34);</li>
 * <li>L03 — the term ends no later than the household's contract (农村土地承包法 art. 21, 38);</li>
 * <li>L04 — the form is 出租（含转包）, 入股 or 其他; 转让 and 互换 are not transfers of the operating right (art. 36);</li>
 * <li>L05 — the use stays agricultural; on permanent basic farmland no orchards, forestry or fish ponds; on
 * cultivated land a non-grain use is warned of (非粮化; 法 art. 38, 办法 art. 3, 11);</li>
 * <li>L11 — for {@code land_rule.first_refusal_days} (default 15) after a parcel is offered in a supply listing, it goes
 * only to a member of the same collective (法 art. 38, 办法 art. 9); a transfer of a listed parcel closes the listing;</li>
 * <li>L18 — no more than the parcel's area, and never two live transfers of one parcel with overlapping terms:
 * checked here and enforced by the database (an exclusion constraint), so racing requests cannot both succeed.</li>
 * </ul>
 */
@Service
public class TransferService {

    /**
     * A transfer as requested.
     *
     * @param form           出租/入股/其他 (or LEASE/SHARE/OTHER)
     * @param transfereeName who takes the land
     * @param transfereeKind HOUSEHOLD, FAMILY_FARM, COOPERATIVE, ENTERPRISE or OTHER
     * @param start          first day
     * @param end            last day (inclusive)
     * @param landUse        GRAIN, CASH_CROP, VEGETABLE, ORCHARD, FORESTRY, AQUACULTURE or LIVESTOCK
     * @param rent           rent in 元/亩/年, 0 or more
     * @param parcels        the parcels with the area of each taken (亩)
     * @param memberCode     the transferee's own 承包方编码 when it is a household of the county's registry (a member
     *                       of a collective, for first refusal, L11), or {@code null}
     */
    public record Draft(String form, String transfereeName, String transfereeKind, LocalDate start, LocalDate end,
                        String landUse, BigDecimal rent, List<Share> parcels, String memberCode) {

        /** A transfer to a transferee outside the registry. */
        public Draft(String form, String transfereeName, String transfereeKind, LocalDate start, LocalDate end,
                     String landUse, BigDecimal rent, List<Share> parcels) {
            this(form, transfereeName, transfereeKind, start, end, landUse, rent, parcels, null);
        }
    }

    /**
     * One parcel of a transfer.
     *
     * @param code the parcel's 19-digit code
     * @param area 亩 taken, more than 0 and no more than the parcel's area
     */
    public record Share(String code, BigDecimal area) {
    }

    /**
     * @param id       the recorded transfer
     * @param warnings rules that warn but do not block (e.g. L05 非粮化)
     */
    public record Outcome(long id, List<String> warnings) {
    }

    private static final Map<String, String> FORMS = Map.of("出租", "LEASE", "转包", "LEASE", "入股", "SHARE", "其他", "OTHER",
            "LEASE", "LEASE", "SHARE", "SHARE", "OTHER", "OTHER");
    private static final List<String> KINDS = List.of("HOUSEHOLD", "FAMILY_FARM", "COOPERATIVE", "ENTERPRISE", "OTHER");
    private static final List<String> USES = List.of("GRAIN", "CASH_CROP", "VEGETABLE", "ORCHARD", "FORESTRY", "AQUACULTURE",
            "LIVESTOCK");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    TransferService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Records a transfer after checking L02–L05 and L18.
     *
     * @param countyCode 6-digit county code
     * @param draft      the transfer
     * @param by         the recording account
     * @return the transfer's id and the warnings
     * @throws InvalidInputException  naming each field and the rule it breaks; nothing is stored
     * @throws ErrorResponseException 409 (L18) when a parcel already carries a live transfer in the term
     */
    @Transactional
    public Outcome record(String countyCode, Draft draft, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String formText = draft.form() == null ? "" : draft.form().strip();
        String form = FORMS.get(formText);
        if (form == null) {
            problems.add(new FieldProblem("form", formText.equals("转让") || formText.equals("互换")
                    ? "L04（《农村土地承包法》第36条）：" + formText + "改变承包关系，不是土地经营权流转"
                    : "流转方式应为 出租（转包）、入股 或 其他"));
        }
        String name = TextInput.line("transfereeName", "受让方名称", draft.transfereeName(), 100, true, problems);
        if (draft.transfereeKind() == null || !KINDS.contains(draft.transfereeKind())) {
            problems.add(new FieldProblem("transfereeKind", "受让方类型应为 农户（HOUSEHOLD）、家庭农场（FAMILY_FARM）、"
                    + "合作社（COOPERATIVE）、企业（ENTERPRISE）或 其他（OTHER）"));
        }
        if (draft.start() == null || draft.end() == null || !draft.end().isAfter(draft.start())) {
            problems.add(new FieldProblem("end", "流转期限：终止日期应晚于起始日期"));
        }
        if (draft.landUse() == null || !USES.contains(draft.landUse())) {
            problems.add(new FieldProblem("landUse", "L05（《农村土地承包法》第38条）：用途应为农业用途（粮食、经济作物、蔬菜、果园、林业、水产、畜牧）"));
        }
        if (draft.rent() == null || draft.rent().signum() < 0 || draft.rent().stripTrailingZeros().scale() > 2
                || draft.rent().compareTo(BigDecimal.valueOf(100_000)) > 0) {
            problems.add(new FieldProblem("rent", "租金（元/亩/年）应为 0 到 100000，最多两位小数"));
        }
        if (draft.start() != null && (draft.start().getYear() < 1949 || draft.start().getYear() > 2100)
                || draft.end() != null && (draft.end().getYear() < 1949 || draft.end().getYear() > 2100)) {
            problems.add(new FieldProblem("start", "流转期限应在 1949 年到 2100 年之间"));
        }
        if (draft.parcels() == null || draft.parcels().isEmpty()) {
            problems.add(new FieldProblem("parcels", "请选择流转的地块"));
        }
        List<Map<String, Object>> parcels = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Share s : draft.parcels() == null ? List.<Share>of() : draft.parcels()) {
            if (s == null || s.code() == null) {
                problems.add(new FieldProblem("parcels", "地块应写明编码和面积"));
                continue;
            }
            if (!seen.add(s.code())) {
                problems.add(new FieldProblem("parcels", "地块 " + s.code() + " 重复列出"));
                continue;
            }
            Map<String, Object> p = jdbc.sql("""
                    select p.id, p.code, p.area_mu, p.land_type, p.basic_farmland, k.start_date as contract_start,
                           case when k.extension_recorded then k.end_date + interval '30 years' else k.end_date end as contract_end,
                           k.extension_recorded
                    from land_parcel p left join land_contract k on k.household_id = p.household_id
                    where p.county_code = :c and p.code = :code""").param("c", countyCode).param("code", s.code())
                    .query().listOfRows().stream().findFirst().orElse(null);
            if (p == null) {
                problems.add(new FieldProblem("parcels", "没有登记编码为 " + s.code() + " 的地块"));
                continue;
            }
            parcels.add(p);
            String type = (String) p.get("land_type");
            if (type.equals("FOREST") || type.equals("GRASS")) {
                problems.add(new FieldProblem("parcels", "L02（《农村土地经营权流转管理办法》第34条）：地块 " + s.code()
                        + " 为" + LandType.valueOf(type).label() + "，不适用本办法的土地经营权流转"));
            }
            if (s.area() == null || s.area().signum() <= 0 || s.area().stripTrailingZeros().scale() > 2) {
                problems.add(new FieldProblem("parcels", "地块 " + s.code() + " 的流转面积应大于 0，最多两位小数（亩）"));
            } else if (s.area().compareTo((BigDecimal) p.get("area_mu")) > 0) {
                problems.add(new FieldProblem("parcels", "L18：地块 " + s.code() + " 流转面积 " + s.area() + " 亩超过地块面积 "
                        + p.get("area_mu") + " 亩"));
            }
            LocalDate contractEnd = p.get("contract_end") == null ? null
                    : ((java.sql.Timestamp) p.get("contract_end")).toLocalDateTime().toLocalDate();
            if (draft.end() != null && contractEnd != null && draft.end().isAfter(contractEnd)) {
                problems.add(new FieldProblem("end", "L03（《农村土地承包法》第21条、第38条）：流转期限不得超过承包期的剩余期限（地块 "
                        + s.code() + " 承包至 " + contractEnd + (Boolean.TRUE.equals(p.get("extension_recorded"))
                        ? "，含已登记的延包 30 年" : "") + "）"));
            }
            if (draft.start() != null && p.get("contract_start") != null
                    && draft.start().isBefore(((java.sql.Date) p.get("contract_start")).toLocalDate())) {
                problems.add(new FieldProblem("start", "流转起始日期早于地块 " + s.code() + " 承包期的开始（"
                        + p.get("contract_start") + "）"));
            }
            firstRefusal(countyCode, s.code(), draft.memberCode(), problems);
            String use = draft.landUse();
            if (Boolean.TRUE.equals(p.get("basic_farmland")) && ("ORCHARD".equals(use) || "FORESTRY".equals(use)
                    || "AQUACULTURE".equals(use))) {
                problems.add(new FieldProblem("landUse", "L05（《农村土地经营权流转管理办法》第11条）：地块 " + s.code()
                        + " 是永久基本农田，不得用于种植果树、林木或挖塘养鱼"));
            } else if ("CULTIVATED".equals(type) && use != null && !"GRAIN".equals(use)) {
                warnings.add("L05（《农村土地经营权流转管理办法》第3条）：地块 " + s.code() + " 为耕地，流转后非粮化使用，请注意耕地保护要求");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate endExclusive = draft.end().plusDays(1);
        for (Map<String, Object> p : parcels) {
            List<String> clash = jdbc.sql("""
                    select lower(period) || ' 至 ' || (upper(period) - 1) from land_transfer_parcel
                    where parcel_id = :p and live and period && daterange(:s, :e)""")
                    .param("p", p.get("id")).param("s", draft.start()).param("e", endExclusive).query(String.class).list();
            if (!clash.isEmpty()) {
                throw overlap((String) p.get("code"), clash.get(0));
            }
        }
        long id = jdbc.sql("""
                insert into land_transfer (county_code, form, transferee_name, transferee_kind, start_date, end_date,
                                           land_use, rent_yuan_per_mu, recorded_by)
                values (:c, :f, :n, :k, :s, :e, :u, :r, :by) returning id""")
                .param("c", countyCode).param("f", form).param("n", name).param("k", draft.transfereeKind())
                .param("s", draft.start()).param("e", draft.end()).param("u", draft.landUse()).param("r", draft.rent())
                .param("by", by).query(Long.class).single();
        for (int i = 0; i < parcels.size(); i++) {
            Map<String, Object> p = parcels.get(i);
            try {
                jdbc.sql("""
                        insert into land_transfer_parcel (transfer_id, parcel_id, county_code, area_mu, period)
                        values (:t, :p, :c, :a, daterange(:s, :e))""")
                        .param("t", id).param("p", p.get("id")).param("c", countyCode)
                        .param("a", draft.parcels().get(i).area()).param("s", draft.start()).param("e", endExclusive).update();
            } catch (DataIntegrityViolationException e) {
                // a transfer of the same parcel committed between the check above and this insert
                throw overlap((String) p.get("code"), "同一期间");
            }
        }
        jdbc.sql("""
                update land_supply set status = 'CLOSED' where status = 'OPEN' and id in (
                    select sp.supply_id from land_supply_parcel sp join land_transfer_parcel tp on tp.parcel_id = sp.parcel_id
                    where tp.transfer_id = :t)""").param("t", id).update();
        audit.record(countyCode, "LAND_TRANSFER_RECORDED", "land_transfer", String.valueOf(id),
                "记录土地流转：" + name + "，" + parcels.size() + " 块地，" + draft.start() + " 至 " + draft.end(), null,
                Map.of("form", form, "parcels", parcels.stream().map(p -> p.get("code")).toList(), "warnings", warnings));
        return new Outcome(id, warnings);
    }

    /** L11: a parcel offered within the first-refusal days goes only to a member of its collective. */
    private void firstRefusal(String countyCode, String parcel, String memberCode, List<FieldProblem> problems) {
        List<Map<String, Object>> offers = jdbc.sql("""
                select ((s.published_at at time zone 'Asia/Shanghai')::date + coalesce(r.first_refusal_days, 15)) as until
                from land_supply s join land_supply_parcel sp on sp.supply_id = s.id join land_parcel p on p.id = sp.parcel_id
                left join land_rule r on r.county_code = s.county_code
                where s.county_code = :c and p.code = :code and s.status = 'OPEN'""")
                .param("c", countyCode).param("code", parcel).query().listOfRows();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (Map<String, Object> o : offers) {
            LocalDate until = ((java.sql.Date) o.get("until")).toLocalDate();
            if (!today.isAfter(until)) {
                boolean member = memberCode != null && memberCode.matches("\\d{18}") && memberCode.startsWith(parcel.substring(0, 14))
                        && jdbc.sql("select count(*) from land_household where county_code = :c and code = :m")
                                .param("c", countyCode).param("m", memberCode).query(Long.class).single() > 0;
                if (!member) {
                    problems.add(new FieldProblem("memberCode", "L11（《农村土地承包法》第38条、《农村土地经营权流转管理办法》第9条）：地块 "
                            + parcel + " 正在征询本集体经济组织成员的优先权（至 " + until + "），此前只能流转给本集体成员"));
                }
            }
        }
    }

    /**
     * Files a recorded transfer (备案, L08).
     *
     * @param countyCode 6-digit county code
     * @param id         the transfer
     * @param on         the filing day (not before the transfer was recorded, not in the future)
     * @param by         the acting account
     * @throws InvalidInputException  naming {@code on} for a day out of range
     * @throws org.ronghe.problem.NotFoundException for an unknown transfer
     * @throws ErrorResponseException 409 when it is filed already
     */
    @Transactional
    public void file(String countyCode, long id, LocalDate on, String by) {
        Map<String, Object> t = jdbc.sql("select recorded_at, filed_at from land_transfer where id = :id and county_code = :c for update")
                .param("id", id).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new org.ronghe.problem.NotFoundException("流转", id));
        if (t.get("filed_at") != null) {
            throw org.ronghe.problem.Refusals.conflict("该流转已于 " + t.get("filed_at") + " 备案");
        }
        LocalDate recorded = ((java.sql.Timestamp) t.get("recorded_at")).toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        if (on == null || on.isBefore(recorded) || on.isAfter(today)) {
            throw new InvalidInputException("on", "备案日期应在记录流转之日（" + recorded + "）到今天之间");
        }
        jdbc.sql("update land_transfer set filed_at = :d, filed_by = :by where id = :id").param("d", on).param("by", by)
                .param("id", id).update();
        audit.record(countyCode, "LAND_TRANSFER_FILED", "land_transfer", String.valueOf(id), "流转备案（" + on + "）",
                Map.of("filed", false), Map.of("filed", true, "on", on.toString()));
    }

    /**
     * @param countyCode 6-digit county code
     * @param township   9-digit township code, or {@code null} for the whole county
     * @return the ledger (台账): every transfer with its parcels, village, transferee, term, area, rent and filing,
     *         newest first
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ledger(String countyCode, String township) {
        return jdbc.sql("""
                select t.id, t.form, t.transferee_name, t.transferee_kind, t.start_date, t.end_date, t.land_use,
                       t.rent_yuan_per_mu, t.status, t.filed_at, string_agg(p.code, '、' order by p.code) as parcels,
                       sum(tp.area_mu) as area, min(c.name) as village, min(substr(c.village_code, 1, 9)) as township
                from land_transfer t join land_transfer_parcel tp on tp.transfer_id = t.id
                join land_parcel p on p.id = tp.parcel_id join land_collective c on c.id = p.collective_id
                where t.county_code = :c and (cast(:t as varchar) is null or substr(c.village_code, 1, 9) = :t)
                group by t.id order by t.recorded_at desc, t.id desc""")
                .param("c", countyCode).param("t", township).query(org.ronghe.database.DateColumns.MAPPER).list();
    }

    private static ErrorResponseException overlap(String code, String when) {
        return org.ronghe.problem.Refusals.conflict("L18：地块 " + code + " 在 " + when + " 已有有效的流转，同一地块的流转期限不得重叠");
    }
}
