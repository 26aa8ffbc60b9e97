package org.ronghe.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators, their values and targets, and the figures derived from them (never typed in):
 * <ul>
 * <li>year-on-year change against the same period a year before: for a rate (kind {@code RATE}, unit %) the
 * difference in percentage points (57.90 % after 56.21 % is +1.69 个百分点); for an amount the relative change in %
 * ((v ÷ v₋₁ − 1) × 100). Where the earlier value is not on file, the change the source itself reported is shown,
 * marked as reported;</li>
 * <li>share of target: value ÷ target of the same period × 100, in %.</li>
 * </ul>
 * All derived figures are rounded half-up to two decimals.
 */
@Service
public class IndicatorService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What an indicator measures: a share in % (changes in points) or an amount (changes in %). */
    public enum Kind { RATE, AMOUNT }

    /**
     * An indicator.
     *
     * @param id             the indicator
     * @param name           its name, e.g. 常住人口城镇化率
     * @param unit           its unit: %, 亿元, 万人次, 万m², 个 …
     * @param kind           rate or amount
     * @param frequency      how often it is measured
     * @param definition     what it counts, or {@code null}
     * @param source         where figures come from (statistical series), or {@code null}
     * @param departmentId   owning department, or {@code null}
     * @param department     its name, or {@code null}
     * @param published      whether it is on the public page
     */
    public record Indicator(long id, String name, String unit, Kind kind, Period.Frequency frequency, String definition,
                            String source, Long departmentId, String department, boolean published) {
    }

    /**
     * One value with what is derived from it.
     *
     * @param period         the period
     * @param periodLabel    the period in Chinese
     * @param value          the value in the indicator's unit
     * @param atLeast        whether the source says "at least" (以上)
     * @param change         year-on-year change, or {@code null} when neither computed nor reported
     * @param changeUnit     {@code 个百分点} for rates, {@code %} for amounts
     * @param changeReported whether {@code change} is the source's own figure rather than computed
     * @param target         the period's target, or {@code null}
     * @param targetShare    value ÷ target in %, or {@code null}
     * @param source         the document the value comes from, e.g. 高发改发〔2025〕85号
     */
    public record Reading(String period, String periodLabel, BigDecimal value, boolean atLeast, BigDecimal change,
                          String changeUnit, boolean changeReported, BigDecimal target, BigDecimal targetShare,
                          String source) {
    }

    /**
     * An indicator with its latest reading.
     *
     * @param indicator the indicator
     * @param latest    its latest reading, or {@code null} without values
     * @param readings  all its readings, oldest first
     */
    public record Overview(Indicator indicator, Reading latest, List<Reading> readings) {
    }

    /**
     * A value as entered.
     *
     * @param period    e.g. {@code 2025H1}; must match the indicator's frequency
     * @param value     the number
     * @param unit      the unit the value is given in; must be the indicator's
     * @param source    the document it comes from (required)
     * @param atLeast   whether the source says "at least"
     */
    public record ValueInput(String period, String value, String unit, String source, boolean atLeast) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    IndicatorService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @param countyCode    6-digit county code
     * @param publishedOnly only those the county publishes
     * @return every indicator with its readings, in the county's order
     */
    @Transactional(readOnly = true)
    public List<Overview> overview(String countyCode, boolean publishedOnly) {
        List<Indicator> indicators = jdbc.sql("""
                select i.id, i.name, i.unit, i.kind, i.frequency, i.definition, i.source, i.department_id,
                       d.name as department, i.published
                from indicator i left join department d on d.id = i.department_id
                where i.county_code = :c and (i.published or not :pub) order by i.seq, i.id""")
                .param("c", countyCode).param("pub", publishedOnly).query((rs, n) -> indicator(rs)).list();
        Map<Long, List<Map<String, Object>>> values = new HashMap<>();
        jdbc.sql("select * from indicator_value where county_code = :c order by indicator_id, period").param("c", countyCode)
                .query().listOfRows().forEach(v -> values.computeIfAbsent(((Number) v.get("indicator_id")).longValue(),
                        k -> new ArrayList<>()).add(v));
        Map<Long, Map<String, BigDecimal>> targets = new HashMap<>();
        jdbc.sql("select indicator_id, period, value from indicator_target where county_code = :c").param("c", countyCode)
                .query().listOfRows().forEach(t -> targets.computeIfAbsent(((Number) t.get("indicator_id")).longValue(),
                        k -> new HashMap<>()).put((String) t.get("period"), (BigDecimal) t.get("value")));
        List<Overview> out = new ArrayList<>();
        for (Indicator i : indicators) {
            List<Reading> readings = readings(i, values.getOrDefault(i.id(), List.of()), targets.getOrDefault(i.id(), Map.of()));
            out.add(new Overview(i, readings.isEmpty() ? null : readings.get(readings.size() - 1), readings));
        }
        return out;
    }

    /**
     * @param countyCode 6-digit county code
     * @param id         an indicator
     * @return the indicator with all its readings
     * @throws NotFoundException if there is no such indicator in the county
     */
    @Transactional(readOnly = true)
    public Overview one(String countyCode, long id) {
        return overview(countyCode, false).stream().filter(o -> o.indicator().id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("指标", id));
    }

    /** @return the targets of an indicator by period, including periods without a value */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> targets(long id) {
        Map<String, BigDecimal> t = new java.util.TreeMap<>();
        jdbc.sql("select period, value from indicator_target where indicator_id = :i").param("i", id).query()
                .listOfRows().forEach(r -> t.put((String) r.get("period"), plain((BigDecimal) r.get("value"))));
        return t;
    }

    private static List<Reading> readings(Indicator i, List<Map<String, Object>> values, Map<String, BigDecimal> targets) {
        Map<String, BigDecimal> byPeriod = new HashMap<>();
        values.forEach(v -> byPeriod.put((String) v.get("period"), (BigDecimal) v.get("value")));
        List<Reading> out = new ArrayList<>();
        for (Map<String, Object> v : values) {
            Period p = Period.parse((String) v.get("period")).orElseThrow();
            BigDecimal value = v.get("decimals") == null ? plain((BigDecimal) v.get("value"))
                    : ((BigDecimal) v.get("value")).setScale(((Number) v.get("decimals")).intValue(), RoundingMode.HALF_UP);
            BigDecimal before = byPeriod.get(p.yearBefore().code());
            BigDecimal change = before == null ? null : change(i.kind(), value, before);
            boolean reported = false;
            if (change == null && v.get("reported_change") != null) {
                change = plain((BigDecimal) v.get("reported_change"));
                reported = true;
            }
            BigDecimal target = targets.get(p.code());
            BigDecimal share = target == null || target.signum() == 0 ? null
                    : value.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
            out.add(new Reading(p.code(), p.label(), value, "GE".equals(v.get("qualifier")), change,
                    i.kind() == Kind.RATE ? "个百分点" : "%", reported,
                    target == null ? null : plain(target), share, (String) v.get("source")));
        }
        return out;
    }

    /** @return the number without trailing zeros and never in exponent form (460, not 4.6E+2) */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * @param kind   rate or amount
     * @param value  this period's value
     * @param before the same period a year earlier
     * @return the change in percentage points (rate) or % (amount), two decimals; {@code null} for an amount after 0
     *         or less
     */
    public static BigDecimal change(Kind kind, BigDecimal value, BigDecimal before) {
        if (kind == Kind.RATE) {
            return value.subtract(before).setScale(2, RoundingMode.HALF_UP);
        }
        return before.signum() <= 0 ? null
                : value.subtract(before).multiply(HUNDRED).divide(before, 2, RoundingMode.HALF_UP);
    }

    /**
     * Records (or corrects) an indicator's value for a period.
     *
     * @param countyCode   6-digit county code
     * @param id           the indicator
     * @param input        the value
     * @param departmentId the user's unit, or {@code null}
     * @param overseer     whether the user may edit every indicator (督查室, administrators)
     * @param by           the acting account
     * @throws InvalidInputException  naming {@code period} (bad form or not the indicator's frequency), {@code value},
     *                                {@code unit} (not the indicator's unit) or {@code source}
     * @throws NotFoundException      if there is no such indicator in the county
     * @throws Refusal 403 if the user's unit does not own the indicator
     */
    @Transactional
    public void record(String countyCode, long id, ValueInput input, Long departmentId, boolean overseer, String by) {
        Indicator i = requireEditable(countyCode, id, departmentId, overseer);
        List<FieldProblem> problems = new ArrayList<>();
        Period p = period(i, input.period(), problems);
        BigDecimal value = number(input.value(), "value", "数值", problems);
        String unit = normalise(input.unit());
        if (!unit.equals(normalise(i.unit()))) {
            problems.add(new FieldProblem("unit", "单位应为“" + i.unit() + "”（" + i.name() + "的计量单位）"
                    + (unit.isEmpty() ? "" : "，不是“" + input.unit().strip() + "”")));
        }
        if (value != null && i.kind() == Kind.RATE && value.abs().compareTo(HUNDRED) > 0) {
            problems.add(new FieldProblem("value", i.name() + "是比率（%），数值应在 -100 到 100 之间"));
        } else if (value != null && i.kind() == Kind.AMOUNT && value.signum() < 0) {
            problems.add(new FieldProblem("value", i.name() + "是总量，数值不能为负数"));
        }
        String source = TextInput.line("source", "数据来源", input.source(), 300, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<BigDecimal> old = jdbc.sql("select value from indicator_value where indicator_id = :i and period = :p")
                .param("i", id).param("p", p.code()).query(BigDecimal.class).optional();
        jdbc.sql("""
                insert into indicator_value (county_code, indicator_id, period, value, decimals, qualifier, source, recorded_by,
                                             recorded_at)
                values (:c, :i, :p, :v, :dec, :q, :s, :by, :now)
                on conflict (indicator_id, period) do update set value = excluded.value, decimals = excluded.decimals,
                    qualifier = excluded.qualifier, source = excluded.source, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at, reported_change = null""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("i", id).param("p", p.code()).param("v", value)
                .param("dec", Math.max(0, Math.min(4, value.scale())))
                .param("q", input.atLeast() ? "GE" : null).param("s", source).param("by", by).update();
        audit.record(countyCode, old.isPresent() ? "INDICATOR_VALUE_CORRECTED" : "INDICATOR_VALUE_RECORDED", "indicator",
                String.valueOf(id), i.name() + " " + p.label() + "：" + value.toPlainString() + i.unit(),
                old.map(o -> Map.<String, Object>of("period", p.code(), "value", o)).orElse(null),
                Map.of("period", p.code(), "value", value, "source", source));
    }

    /**
     * Sets an indicator's target for a period.
     *
     * @throws InvalidInputException naming {@code period} or {@code value}
     * @throws NotFoundException      if there is no such indicator in the county
     * @throws Refusal 403 if the user's unit does not own the indicator
     */
    @Transactional
    public void target(String countyCode, long id, String period, String value, Long departmentId, boolean overseer,
                       String by) {
        Indicator i = requireEditable(countyCode, id, departmentId, overseer);
        List<FieldProblem> problems = new ArrayList<>();
        Period p = period(i, period, problems);
        BigDecimal v = number(value, "value", "目标值", problems);
        if (v != null && v.signum() <= 0) {
            problems.add(new FieldProblem("value", "目标值应大于 0"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                insert into indicator_target (county_code, indicator_id, period, value) values (:c, :i, :p, :v)
                on conflict (indicator_id, period) do update set value = excluded.value""")
                .param("c", countyCode).param("i", id).param("p", p.code()).param("v", v).update();
        audit.record(countyCode, "INDICATOR_TARGET_SET", "indicator", String.valueOf(id),
                i.name() + " " + p.label() + "目标：" + v.toPlainString() + i.unit(), null, Map.of("period", p.code(), "target", v));
    }

    private Indicator requireEditable(String countyCode, long id, Long departmentId, boolean overseer) {
        Indicator i = one(countyCode, id).indicator();
        if (!overseer && (departmentId == null || !departmentId.equals(i.departmentId()))) {
            throw org.ronghe.problem.Refusal.forbidden("只有指标的责任单位（" + (i.department() == null ? "未指定" : i.department()) + "）和督查室可以填报");
        }
        return i;
    }

    private static Period period(Indicator i, String text, List<FieldProblem> problems) {
        Optional<Period> p = Period.parse(text);
        if (p.isEmpty()) {
            problems.add(new FieldProblem("period", "期别应写作 2024（年度）、2025H1（半年）、2025Q2（季度）或 2025-06（月度）"));
            return null;
        }
        if (p.get().frequency() != i.frequency()) {
            problems.add(new FieldProblem("period", i.name() + "按" + i.frequency().label() + "统计，期别“" + p.get().code()
                    + "”是" + p.get().frequency().label()));
            return null;
        }
        return p.get();
    }

    private static BigDecimal number(String text, String field, String label, List<FieldProblem> problems) {
        String t = text == null ? "" : text.strip().replace(",", "");
        if (!t.matches("-?\\d{1,14}(\\.\\d{1,4})?")) {
            problems.add(new FieldProblem(field, label + "应为数字（最多四位小数）"));
            return null;
        }
        return new BigDecimal(t);
    }

    /** @return a unit written the usual ways folded to one form (％ → %, m2 → m², full-width letters) */
    static String normalise(String unit) {
        if (unit == null) {
            return "";
        }
        return java.text.Normalizer.normalize(unit.strip(), java.text.Normalizer.Form.NFKC)
                .replace("m2", "m²").replace("平方米", "m²").replace("M2", "m²");
    }

    private static Indicator indicator(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long dept = rs.getObject("department_id") == null ? null : rs.getLong("department_id");
        return new Indicator(rs.getLong("id"), rs.getString("name"), rs.getString("unit"), Kind.valueOf(rs.getString("kind")),
                Period.Frequency.valueOf(rs.getString("frequency")), rs.getString("definition"), rs.getString("source"),
                dept, rs.getString("department"), rs.getBoolean("published"));
    }
}
