package org.ronghe.land;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.TextInput;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 * <li>L01 — a transfer made for the household by someone else (usually the collective) needs the household's written
 * mandate: matters, powers, a term covering the day, both signatures, and every household of the parcels signed
 * (法 art. 36; 办法 art. 8, 18);</li>
 * <li>L07 — 代耕 of one year or less needs no written contract; any other transfer is filed only once its contract is
 * signed by both (法 art. 40);</li>
 * <li>L15 — a term of five years or more is told that the operating right may be registered (法 art. 41);</li>
 * <li>L16 — a parcel whose earlier transfer ended less than a year before the new term goes to someone else only once
 * the incumbent has declined to renew on equal terms (办法 art. 10);</li>
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
     * @param mandate        the household's written mandate when someone else makes the transfer for it (L01), or
     *                       {@code null} when the household itself is the transferor
     */
    public record Draft(String form, String transfereeName, String transfereeKind, LocalDate start, LocalDate end,
                        String landUse, BigDecimal rent, List<Share> parcels, String memberCode, Mandate mandate) {

        /** A transfer by the household itself. */
        public Draft(String form, String transfereeName, String transfereeKind, LocalDate start, LocalDate end,
                     String landUse, BigDecimal rent, List<Share> parcels, String memberCode) {
            this(form, transfereeName, transfereeKind, start, end, landUse, rent, parcels, memberCode, null);
        }

        /** A transfer by the household itself to a transferee outside the registry. */
        public Draft(String form, String transfereeName, String transfereeKind, LocalDate start, LocalDate end,
                     String landUse, BigDecimal rent, List<Share> parcels) {
            this(form, transfereeName, transfereeKind, start, end, landUse, rent, parcels, null, null);
        }
    }

    /**
     * A written mandate (委托书) under which someone transfers for the contracting household (L01).
     *
     * @param agent             the mandated party (受托人), e.g. the collective
     * @param matters           委托事项
     * @param powers            委托权限 (e.g. 代为洽谈、签订合同)
     * @param validFrom         first day of the mandate
     * @param validUntil        last day of the mandate
     * @param households        18-digit codes of the households that signed it; every household of the parcels must
     * @param householdSignedOn the day the household signed
     * @param agentSignedOn     the day the agent signed
     */
    public record Mandate(String agent, String matters, String powers, LocalDate validFrom, LocalDate validUntil,
                          List<String> households, LocalDate householdSignedOn, LocalDate agentSignedOn) {
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
     * @param notices  information for the parties (e.g. L15: the operating right may be registered)
     */
    public record Outcome(long id, List<String> warnings, List<String> notices) {
    }

    private static final Map<String, String> FORMS = Map.ofEntries(Map.entry("出租", "LEASE"), Map.entry("转包", "LEASE"),
            Map.entry("入股", "SHARE"), Map.entry("其他", "OTHER"), Map.entry("代耕", "OTHER"), Map.entry("LEASE", "LEASE"),
            Map.entry("SHARE", "SHARE"), Map.entry("OTHER", "OTHER"), Map.entry("CARETAKING", "OTHER"));
    private static final List<String> KINDS = List.of("HOUSEHOLD", "FAMILY_FARM", "COOPERATIVE", "ENTERPRISE", "OTHER");
    private static final List<String> USES = List.of("GRAIN", "CASH_CROP", "VEGETABLE", "ORCHARD", "FORESTRY", "AQUACULTURE",
            "LIVESTOCK");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    TransferService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.clock = clock;
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
     * @throws Refusal 409 (L18) when a parcel already carries a live transfer in the term
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
                           (select h.code from land_household h where h.id = p.household_id) as household,
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
            firstRefusal(countyCode, s.code(), (String) p.get("household"), draft, problems);
            String use = draft.landUse();
            if (Boolean.TRUE.equals(p.get("basic_farmland")) && ("ORCHARD".equals(use) || "FORESTRY".equals(use)
                    || "AQUACULTURE".equals(use))) {
                problems.add(new FieldProblem("landUse", "L05（《农村土地经营权流转管理办法》第11条）：地块 " + s.code()
                        + " 是永久基本农田，不得用于种植果树、林木或挖塘养鱼"));
            } else if ("CULTIVATED".equals(type) && use != null && !"GRAIN".equals(use)) {
                warnings.add("L05（《农村土地经营权流转管理办法》第3条）：地块 " + s.code() + " 为耕地，流转后非粮化使用，请注意耕地保护要求");
            }
        }
        boolean caretaking = formText.equals("代耕") || formText.equals("CARETAKING");
        mandate(draft.mandate(), parcels, LocalDate.now(clock), problems);
        if (problems.isEmpty()) {
            priority(parcels, name, draft.start(), problems);
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
                                           land_use, rent_yuan_per_mu, recorded_by, caretaking, recorded_at)
                values (:c, :f, :n, :k, :s, :e, :u, :r, :by, :ct, :now) returning id""")
                .param("now", OffsetDateTime.now(clock)).param("ct", caretaking).param("c", countyCode).param("f", form).param("n", name).param("k", draft.transfereeKind())
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
                update land_supply set status = 'CLOSED', closed_at = :now where status = 'OPEN' and id in (
                    select sp.supply_id from land_supply_parcel sp join land_transfer_parcel tp on tp.parcel_id = sp.parcel_id
                    where tp.transfer_id = :t)""").param("now", OffsetDateTime.now(clock)).param("t", id).update();
        audit.record(countyCode, "LAND_TRANSFER_RECORDED", "land_transfer", String.valueOf(id),
                "记录土地流转：" + name + "，" + parcels.size() + " 块地，" + draft.start() + " 至 " + draft.end()
                        + (draft.mandate() == null ? "" : "（" + draft.mandate().agent().strip() + "受托）"), null,
                Map.of("form", form, "parcels", parcels.stream().map(p -> p.get("code")).toList(), "warnings", warnings));
        if (draft.mandate() != null) {
            Mandate m = draft.mandate();
            jdbc.sql("""
                    insert into land_mandate (county_code, transfer_id, agent, matters, powers, valid_from, valid_until,
                                              households, household_signed_on, agent_signed_on)
                    values (:c, :t, :a, :m, :p, :f, :u, :h, :hs, :as)""").param("c", countyCode).param("t", id)
                    .param("a", m.agent().strip()).param("m", m.matters().strip()).param("p", m.powers().strip())
                    .param("f", m.validFrom()).param("u", m.validUntil()).param("h", String.join(",", m.households()))
                    .param("hs", m.householdSignedOn()).param("as", m.agentSignedOn()).update();
        }
        return new Outcome(id, warnings, notices(draft.start(), draft.end()));
    }

    /**
     * L15: a term of five years or more may be registered (农村土地承包法 第41条).
     *
     * @return the notice for a term from {@code start} to {@code end} (inclusive), or none
     */
    static List<String> notices(LocalDate start, LocalDate end) {
        return end.plusDays(1).isBefore(start.plusYears(5)) ? List.of()
                : List.of("L15（《农村土地承包法》第41条）：流转期限五年以上，当事人可以向登记机构申请土地经营权登记（不动产登记），"
                        + "未经登记不得对抗善意第三人");
    }

    /** L01: someone other than the household transfers only on a complete, signed, current written mandate. */
    private static void mandate(Mandate m, List<Map<String, Object>> parcels, LocalDate today,
                                List<FieldProblem> problems) {
        if (m == null) {
            return;
        }
        String rule = "L01（《农村土地承包法》第36条、《农村土地经营权流转管理办法》第8条、第18条）：";
        TextInput.line("mandate.agent", "受托人", m.agent(), 100, true, problems);
        TextInput.line("mandate.matters", "委托事项", m.matters(), 500, true, problems);
        TextInput.line("mandate.powers", "委托权限", m.powers(), 500, true, problems);
        if (m.validFrom() == null || m.validUntil() == null || m.validUntil().isBefore(m.validFrom())
                || !org.ronghe.problem.DateInput.plausible(m.validFrom()) || !org.ronghe.problem.DateInput.plausible(m.validUntil())) {
            problems.add(new FieldProblem("mandate.validUntil", rule + "委托书应写明委托期限（起止日期）"));
        } else if (today.isBefore(m.validFrom()) || today.isAfter(m.validUntil())) {
            problems.add(new FieldProblem("mandate.validUntil", rule + "委托书的期限（" + m.validFrom() + " 至 " + m.validUntil()
                    + "）不含今天，受托人无权办理"));
        }
        if (m.householdSignedOn() == null || m.agentSignedOn() == null || m.householdSignedOn().isAfter(today)
                || m.agentSignedOn().isAfter(today) || !org.ronghe.problem.DateInput.plausible(m.householdSignedOn())
                || !org.ronghe.problem.DateInput.plausible(m.agentSignedOn())) {
            problems.add(new FieldProblem("mandate.householdSignedOn", rule + "委托书须由承包方和受托人双方签字（写明签字日期，不晚于今天）"));
        }
        java.util.Set<String> signed = new java.util.HashSet<>(m.households() == null ? List.of() : m.households().stream()
                .filter(java.util.Objects::nonNull).map(String::strip).toList());
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (Map<String, Object> p : parcels) {
            if (!signed.contains((String) p.get("household"))) {
                missing.add((String) p.get("household"));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem("mandate.households", rule + "承包方 " + String.join("、", missing) + " 没有签署委托书"));
        }
    }

    /**
     * L16: a parcel whose earlier transfer (not ended early) ended within a year before the new term goes to someone
     * else only after the incumbent declined to renew on equal terms (办法 第10条).
     */
    private void priority(List<Map<String, Object>> parcels, String transferee, LocalDate start, List<FieldProblem> problems) {
        for (Map<String, Object> p : parcels) {
            jdbc.sql("""
                    select t.transferee_name, t.end_date from land_transfer t
                    join land_transfer_parcel tp on tp.transfer_id = t.id
                    left join land_renewal r on r.transfer_id = t.id
                    where tp.parcel_id = :p and t.end_date < :s and t.end_date >= cast(:s as date) - interval '1 year'
                      and t.terminated_on is null and r.id is null and t.transferee_name <> :n
                    order by t.end_date desc limit 1""").param("p", p.get("id")).param("s", start).param("n", transferee)
                    .query().listOfRows().stream().findFirst().ifPresent(t -> problems.add(new FieldProblem("transfereeName",
                            "L16（《农村土地经营权流转管理办法》第10条）：地块 " + p.get("code") + " 原由" + t.get("transferee_name")
                                    + "流转至 " + t.get("end_date") + "，同等条件下原受让方享有优先权；请先在原流转中登记其续约或放弃")));
        }
    }

    /**
     * L11: a parcel offered within the first-refusal days goes only to a member of its collective — another household
     * of the collective (its 承包方编码 in {@code memberCode}) that is itself the transferee: a household or family farm
     * whose name contains the household head's.
     */
    private void firstRefusal(String countyCode, String parcel, String owner, Draft draft, List<FieldProblem> problems) {
        String memberCode = draft.memberCode();
        List<Map<String, Object>> offers = jdbc.sql("""
                select (s.published_at::date + coalesce(r.first_refusal_days, 15)) as until
                from land_supply s join land_supply_parcel sp on sp.supply_id = s.id join land_parcel p on p.id = sp.parcel_id
                left join land_rule r on r.county_code = s.county_code
                where s.county_code = :c and p.code = :code and s.status = 'OPEN'""")
                .param("c", countyCode).param("code", parcel).query().listOfRows();
        LocalDate today = LocalDate.now(clock);
        for (Map<String, Object> o : offers) {
            LocalDate until = ((java.sql.Date) o.get("until")).toLocalDate();
            if (!today.isAfter(until)) {
                String head = memberCode == null || !memberCode.matches("\\d{18}") || !memberCode.startsWith(parcel.substring(0, 14))
                        || memberCode.equals(owner) ? null
                        : jdbc.sql("select head_name from land_household where county_code = :c and code = :m")
                                .param("c", countyCode).param("m", memberCode).query(String.class).optional().orElse(null);
                boolean member = head != null && List.of("HOUSEHOLD", "FAMILY_FARM").contains(draft.transfereeKind())
                        && draft.transfereeName() != null && draft.transfereeName().contains(head);
                if (!member) {
                    problems.add(new FieldProblem("memberCode", "L11（《农村土地承包法》第38条、《农村土地经营权流转管理办法》第9条）：地块 "
                            + parcel + " 挂牌后正在征询本集体经济组织成员的优先权（至 " + until + " 止，含当日），期间只能流转给本集体的其他承包户"
                            + "（受让方须为该户或其家庭农场，并填写其承包方编码）；自 " + until.plusDays(1) + " 起才能记录与本集体以外受让方的流转"
                            + "（以记录流转之日计，与流转起始日期无关）"));
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
     * @throws Refusal 409 when it is filed already
     */
    @Transactional
    public void file(String countyCode, long id, LocalDate on, String by) {
        Map<String, Object> t = jdbc.sql("""
                select t.recorded_at, t.filed_at, t.caretaking, t.start_date, t.end_date, t.terminated_on,
                       coalesce(k.transferor_confirmed_at is not null and k.transferee_confirmed_at is not null, false) as signed
                from land_transfer t left join land_transfer_contract k on k.transfer_id = t.id
                where t.id = :id and t.county_code = :c for update of t""")
                .param("id", id).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new org.ronghe.problem.NotFoundException("流转", id));
        if (t.get("filed_at") != null) {
            throw org.ronghe.problem.Refusal.conflict("该流转已于 " + t.get("filed_at") + " 备案");
        }
        if (t.get("terminated_on") != null) {
            throw org.ronghe.problem.Refusal.conflict("该流转已于 " + t.get("terminated_on") + " 解除或撤销，不再备案");
        }
        LocalDate start = ((java.sql.Date) t.get("start_date")).toLocalDate();
        boolean shortCaretaking = Boolean.TRUE.equals(t.get("caretaking"))
                && !((java.sql.Date) t.get("end_date")).toLocalDate().isAfter(start.plusYears(1).minusDays(1));
        if (!shortCaretaking && !Boolean.TRUE.equals(t.get("signed"))) {
            throw org.ronghe.problem.Refusal.conflict("L07（《农村土地承包法》第40条）：流转应当签订书面合同，"
                    + "合同经双方确认后才能备案（一年以内的代耕除外）");
        }
        LocalDate recorded = ((java.sql.Timestamp) t.get("recorded_at")).toInstant().atZone(clock.getZone())
                .toLocalDate();
        LocalDate today = LocalDate.now(clock);
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
     * @return the ledger (台账): every transfer with its parcels, village, transferee, term, area, rent, filing and early
     *         end ({@code terminated_on}, {@code termination_basis}), newest first
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ledger(String countyCode, String township) {
        return jdbc.sql("""
                select t.id, t.form, t.transferee_name, t.transferee_kind, t.start_date, t.end_date, t.land_use,
                       t.rent_yuan_per_mu, t.status, t.filed_at, t.terminated_on, t.termination_basis,
                       string_agg(p.code, '、' order by p.code) as parcels,
                       sum(tp.area_mu) as area, min(c.name) as village, min(substr(c.village_code, 1, 9)) as township
                from land_transfer t join land_transfer_parcel tp on tp.transfer_id = t.id
                join land_parcel p on p.id = tp.parcel_id join land_collective c on c.id = p.collective_id
                where t.county_code = :c and (cast(:t as varchar) is null or substr(c.village_code, 1, 9) = :t)
                group by t.id order by t.recorded_at desc, t.id desc""")
                .param("c", countyCode).param("t", township).query(org.ronghe.database.DateColumns.MAPPER).list();
    }

    private static Refusal overlap(String code, String when) {
        return org.ronghe.problem.Refusal.conflict("L18：地块 " + code + " 在 " + when + " 已有有效的流转，同一地块的流转期限不得重叠");
    }
}
