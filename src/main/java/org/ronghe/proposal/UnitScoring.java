package org.ronghe.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年终考核评分: the year-end score of each handling unit for its proposal work, by a formula whose weights each
 * county sets (shared/domain/proposals.md, "Statistics people expect … year-end unit scoring").
 *
 * <p>The year's items are the assignments (交办) made in that calendar year. Figures are judged as of a day (the end
 * of the year, or today while the year is running):
 * <ul>
 * <li>按期答复率 — lead/separate assignments whose first released reply is dated no later than the due date (as
 * extended), ÷ those replied or past due;</li>
 * <li>满意率 — 满意 + 基本满意 ÷ answers to the unit's replies (逾期未反馈 not counted);</li>
 * <li>按时签收率 — assignments signed no later than the return window's last day, ÷ those signed or still unsigned
 * after it;</li>
 * <li>会办意见按时率 — co-handler opinions first given within the co-opinion period, ÷ those given or past due;</li>
 * <li>A类（解决）占比 — category A among the unit's latest replies per proposal;</li>
 * <li>超期件数 — lead/separate assignments past due without a reply, or first replied after the due date;</li>
 * <li>不满意件数 — 不满意 answers to the unit's replies.</li>
 * </ul>
 *
 * <p>Score = 基础分 + (Σ weight × rate over the rates that apply ÷ Σ weight of those rates) × Σ weight of all rates
 * + Σ weight × count. A rate applies when it has something to measure; one that does not (a unit that co-handled
 * nothing has no 会办意见按时率) is left out and the others are scaled up, so a unit is neither rewarded nor punished
 * for work it was not given (不涉及的指标按比例折算). Rate weights are 0 or more; count weights are usually negative
 * (deductions). The score is rounded to two decimals and not clamped.
 */
@Service
public class UnitScoring {

    /** What a metric measures: a fixed number of points, a rate (0–1), or a count of items. */
    public enum Kind { POINTS, RATE, COUNT }

    /** The terms of the formula, with their Chinese names and the default weights. */
    public enum Metric {
        BASE("基础分", Kind.POINTS, 0),
        ON_TIME_REPLY_RATE("按期答复率", Kind.RATE, 40),
        SATISFACTION_RATE("满意率", Kind.RATE, 40),
        SIGNED_ON_TIME_RATE("按时签收率", Kind.RATE, 10),
        CO_OPINION_ON_TIME_RATE("会办意见按时率", Kind.RATE, 10),
        SOLVED_RATE("A类（解决）占比", Kind.RATE, 0),
        OVERDUE("超期件数", Kind.COUNT, -2),
        DISSATISFIED("不满意件数", Kind.COUNT, -1);

        private final String label;
        private final Kind kind;
        private final int defaultWeight;

        Metric(String label, Kind kind, int defaultWeight) {
            this.label = label;
            this.kind = kind;
            this.defaultWeight = defaultWeight;
        }

        /** @return the Chinese name */
        public String label() {
            return label;
        }

        /** @return what the metric measures */
        public Kind kind() {
            return kind;
        }
    }

    /**
     * One unit's figures and score for a year.
     *
     * @param department     the unit's name
     * @param assigned       lead/separate assignments of the year (not returned)
     * @param coHandled      co-handler assignments of the year (not returned)
     * @param replied        lead/separate assignments with a released reply
     * @param rates          each rate as a percentage with one decimal, or {@code null} when it does not apply
     * @param overdue        超期件数
     * @param dissatisfied   不满意件数
     * @param score          the score, two decimals
     * @param rank           1 for the highest score; equal scores share a rank
     */
    public record Row(String department, long assigned, long coHandled, long replied, Map<Metric, Double> rates,
                      long overdue, long dissatisfied, BigDecimal score, int rank) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    UnitScoring(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @param countyCode 6-digit county code
     * @return the county's weights, every metric present (defaults where the county has not set one)
     */
    @Transactional(readOnly = true)
    public Map<Metric, BigDecimal> weights(String countyCode) {
        Map<Metric, BigDecimal> w = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            w.put(m, BigDecimal.valueOf(m.defaultWeight).setScale(2));
        }
        jdbc.sql("select metric, weight from unit_scoring_weight where county_code = :c").param("c", countyCode)
                .query((rs, n) -> w.put(Metric.valueOf(rs.getString(1)), rs.getBigDecimal(2).setScale(2))).list();
        return w;
    }

    /**
     * Sets the county's weights, all at once.
     *
     * @param countyCode 6-digit county code
     * @param input      weight per metric name (e.g. {@code ON_TIME_REPLY_RATE}), as a number or numeric text; every
     *                   metric is required; −100 to 100 with at most two decimals; rate weights 0 or more
     * @param by         who changes them
     * @return the stored weights
     * @throws InvalidInputException naming each bad or missing metric, and any unknown one; nothing is stored then
     */
    @Transactional
    public Map<Metric, BigDecimal> setWeights(String countyCode, Map<String, ?> input, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Metric, BigDecimal> parsed = new EnumMap<>(Metric.class);
        for (String key : input.keySet()) {
            if (java.util.Arrays.stream(Metric.values()).noneMatch(m -> m.name().equals(key))) {
                problems.add(new FieldProblem(key, "没有这一考核项：" + key));
            }
        }
        for (Metric m : Metric.values()) {
            Object raw = input.get(m.name());
            BigDecimal v = null;
            if (raw instanceof Double d && (d.isInfinite() || d.isNaN())) {
                v = null;
            } else if (raw instanceof Number n) {
                v = new BigDecimal(n.toString());
            } else if (raw instanceof String s && s.strip().matches("[-+]?\\d{1,3}(\\.\\d+)?")) {
                v = new BigDecimal(s.strip());
            }
            if (v == null) {
                problems.add(new FieldProblem(m.name(), m.label + "的权重应为数字"));
            } else if (v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
                problems.add(new FieldProblem(m.name(), m.label + "的权重最多保留两位小数"));
            } else if (v.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new FieldProblem(m.name(), m.label + "的权重应在 -100 到 100 之间"));
            } else if (m.kind == Kind.RATE && v.signum() < 0) {
                problems.add(new FieldProblem(m.name(), m.label + "是比率项，权重不能为负数（扣分请用件数项）"));
            } else {
                parsed.put(m, v.setScale(2, RoundingMode.UNNECESSARY));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<Metric, BigDecimal> old = weights(countyCode);
        parsed.forEach((m, v) -> jdbc.sql("""
                insert into unit_scoring_weight (county_code, metric, weight) values (:c, :m, :w)
                on conflict (county_code, metric) do update set weight = excluded.weight""")
                .param("c", countyCode).param("m", m.name()).param("w", v).update());
        audit.record(countyCode, "SCORING_WEIGHTS_CHANGED", "unit_scoring_weight", countyCode,
                "修改年终考核评分公式：" + formula(parsed), asJson(old), asJson(parsed));
        return parsed;
    }

    /**
     * @param weights weight per metric
     * @return the formula in Chinese, e.g. {@code 得分 = 按期答复率×40 + 满意率×40 … − 超期件数×2}
     */
    public static String formula(Map<Metric, BigDecimal> weights) {
        StringBuilder f = new StringBuilder("得分 = ");
        boolean first = true;
        for (Metric m : Metric.values()) {
            BigDecimal w = weights.get(m).stripTrailingZeros();
            if (w.signum() == 0) {
                continue;
            }
            String term = m.kind == Kind.POINTS ? w.abs().toPlainString() : m.label + "×" + w.abs().toPlainString();
            f.append(first ? (w.signum() < 0 ? "−" : "") : (w.signum() < 0 ? " − " : " + ")).append(term);
            first = false;
        }
        return first ? f.append("0").toString() : f.toString();
    }

    /**
     * Scores every handling unit that was given proposals in the year.
     *
     * @param countyCode 6-digit county code
     * @param year       calendar year of the assignments, e.g. 2025
     * @param asOf       the day deadlines are judged by (normally the year's last day, or today while it runs)
     * @return one row per unit, highest score first
     */
    @Transactional(readOnly = true)
    public List<Row> table(String countyCode, int year, LocalDate asOf) {
        Map<Metric, BigDecimal> w = weights(countyCode);
        int coMonths = jdbc.sql("select co_opinion_months from proposal_rule where county_code = :c").param("c", countyCode)
                .query(Integer.class).optional().orElse(1);
        List<Row> rows = jdbc.sql("""
                with a as (
                    select a.*,
                           (select min(r.reply_date) from reply r where r.assignment_id = a.id and r.status = 'RELEASED') as first_reply
                    from proposal_assignment a
                    where a.county_code = :c and a.assigned_on >= :from and a.assigned_on < :to and a.state <> 'RETURNED'),
                fb as (
                    select r.department_id, f.verdict from proposal_feedback f join reply r on r.id = f.reply_id
                    where r.assignment_id in (select id from a)),
                latest as (
                    select distinct on (r.assignment_id) r.assignment_id, a.department_id, r.category
                    from reply r join a on a.id = r.assignment_id where r.status = 'RELEASED'
                    order by r.assignment_id, r.id desc)
                select d.name,
                    count(*) filter (where a.mode <> 'CO_HANDLER') as assigned,
                    count(*) filter (where a.mode = 'CO_HANDLER') as co_handled,
                    count(*) filter (where a.mode <> 'CO_HANDLER' and a.first_reply is not null) as replied,
                    count(*) filter (where a.mode <> 'CO_HANDLER' and a.first_reply <= a.due_date) as on_time,
                    count(*) filter (where a.mode <> 'CO_HANDLER' and (a.first_reply is not null or a.due_date < :asOf)) as due,
                    count(*) filter (where a.mode <> 'CO_HANDLER' and (a.first_reply > a.due_date
                                     or (a.first_reply is null and a.due_date < :asOf))) as overdue,
                    count(*) filter (where a.state = 'SIGNED'
                                     and a.signed_at::date <= a.return_deadline) as signed_on_time,
                    count(*) filter (where a.state = 'SIGNED' or a.return_deadline < :asOf) as sign_due,
                    count(*) filter (where a.mode = 'CO_HANDLER' and exists (select 1 from co_handler_opinion o
                                     where o.assignment_id = a.id and o.first_submitted_at::date
                                     <= a.assigned_on + make_interval(months => :coMonths))) as co_on_time,
                    count(*) filter (where a.mode = 'CO_HANDLER' and (exists (select 1 from co_handler_opinion o where o.assignment_id = a.id)
                                     or a.assigned_on + make_interval(months => :coMonths) < :asOf)) as co_due,
                    (select count(*) from fb where fb.department_id = d.id and fb.verdict <> 'NO_RESPONSE') as answers,
                    (select count(*) from fb where fb.department_id = d.id and fb.verdict in ('SATISFIED', 'BASICALLY_SATISFIED')) as content,
                    (select count(*) from fb where fb.department_id = d.id and fb.verdict = 'DISSATISFIED') as dissatisfied,
                    (select count(*) from latest l where l.department_id = d.id) as categorised,
                    (select count(*) from latest l where l.department_id = d.id and l.category = 'A') as solved
                from a join department d on d.id = a.department_id
                group by d.id, d.name""")
                .param("c", countyCode).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .param("asOf", asOf).param("coMonths", coMonths)
                .query((rs, n) -> {
                    Map<Metric, Double> rates = new EnumMap<>(Metric.class);
                    rates.put(Metric.ON_TIME_REPLY_RATE, rate(rs.getLong("on_time"), rs.getLong("due")));
                    rates.put(Metric.SATISFACTION_RATE, rate(rs.getLong("content"), rs.getLong("answers")));
                    rates.put(Metric.SIGNED_ON_TIME_RATE, rate(rs.getLong("signed_on_time"), rs.getLong("sign_due")));
                    rates.put(Metric.CO_OPINION_ON_TIME_RATE, rate(rs.getLong("co_on_time"), rs.getLong("co_due")));
                    rates.put(Metric.SOLVED_RATE, rate(rs.getLong("solved"), rs.getLong("categorised")));
                    long overdue = rs.getLong("overdue");
                    long dissatisfied = rs.getLong("dissatisfied");
                    return new Row(rs.getString("name"), rs.getLong("assigned"), rs.getLong("co_handled"),
                            rs.getLong("replied"), rates, overdue, dissatisfied, score(w, rates, overdue, dissatisfied), 0);
                }).list();
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::score).reversed().thenComparing(Row::department));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).score().compareTo(r.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Row(r.department(), r.assigned(), r.coHandled(), r.replied(), r.rates(), r.overdue(),
                    r.dissatisfied(), r.score(), rank));
        }
        return ranked;
    }

    /**
     * Applies the formula (see the class comment).
     *
     * @param weights      weight per metric
     * @param rates        rate per RATE metric as a percentage, {@code null} where it does not apply
     * @param overdue      超期件数
     * @param dissatisfied 不满意件数
     * @return the score, two decimals
     */
    public static BigDecimal score(Map<Metric, BigDecimal> weights, Map<Metric, Double> rates, long overdue,
                                   long dissatisfied) {
        BigDecimal allRateWeight = BigDecimal.ZERO;
        BigDecimal applicableWeight = BigDecimal.ZERO;
        BigDecimal achieved = BigDecimal.ZERO;
        for (Metric m : Metric.values()) {
            if (m.kind != Kind.RATE) {
                continue;
            }
            BigDecimal w = weights.get(m);
            allRateWeight = allRateWeight.add(w);
            Double r = rates.get(m);
            if (r != null) {
                applicableWeight = applicableWeight.add(w);
                achieved = achieved.add(w.multiply(BigDecimal.valueOf(r)).divide(BigDecimal.valueOf(100)));
            }
        }
        BigDecimal ratePart = applicableWeight.signum() == 0 ? allRateWeight
                : achieved.multiply(allRateWeight).divide(applicableWeight, 10, RoundingMode.HALF_UP);
        return weights.get(Metric.BASE).add(ratePart)
                .add(weights.get(Metric.OVERDUE).multiply(BigDecimal.valueOf(overdue)))
                .add(weights.get(Metric.DISSATISFIED).multiply(BigDecimal.valueOf(dissatisfied)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static Map<String, Object> asJson(Map<Metric, BigDecimal> weights) {
        Map<String, Object> m = new LinkedHashMap<>();
        weights.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }
}
