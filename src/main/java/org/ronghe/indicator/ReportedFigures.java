package org.ronghe.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.proposal.ReplyCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures that imported reply letters report, proposed as indicator values: each with a suggested indicator (same
 * name, or one name containing the other) and period (a printed year, or 上半年/下半年 of the reply's year). Staff
 * confirm a figure into an indicator value that cites the letter, or dismiss it; either happens once.
 */
@Service
public class ReportedFigures {

    /**
     * A figure awaiting a decision.
     *
     * @param figure             the figure as the letter reports it
     * @param suggestedIndicator the indicator it most likely belongs to, or {@code null}
     * @param suggestedPeriod    the period it most likely covers, or {@code null}
     * @param onFile             whether the suggested indicator already holds this value for that period
     */
    public record Proposal(ReplyCatalog.ReportedFigure figure, IndicatorService.Indicator suggestedIndicator,
                           String suggestedPeriod, boolean onFile) {
    }

    private final ReplyCatalog replies;
    private final IndicatorService indicators;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    ReportedFigures(ReplyCatalog replies, IndicatorService indicators, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.replies = replies;
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @param countyCode 6-digit county code
     * @return the figures no one has confirmed or dismissed yet, newest reply first
     */
    @Transactional(readOnly = true)
    public List<Proposal> pending(String countyCode) {
        Set<Long> decided = new HashSet<>(jdbc.sql("select figure_id from indicator_figure_decision where county_code = :c")
                .param("c", countyCode).query(Long.class).list());
        List<IndicatorService.Overview> all = indicators.overview(countyCode, false);
        Map<Long, List<String>> aliases = new java.util.HashMap<>();
        jdbc.sql("select id, aliases from indicator where county_code = :c and aliases is not null").param("c", countyCode)
                .query().listOfRows().forEach(r -> aliases.put(((Number) r.get("id")).longValue(),
                        List.of(((String) r.get("aliases")).split("[、,，]"))));
        List<Proposal> out = new ArrayList<>();
        for (ReplyCatalog.ReportedFigure f : replies.reportedFigures(countyCode)) {
            if (decided.contains(f.id())) {
                continue;
            }
            Optional<IndicatorService.Overview> match = all.stream()
                    .filter(o -> o.indicator().name().equals(f.name()) || f.name().contains(o.indicator().name())
                            || o.indicator().name().contains(f.name())
                            || aliases.getOrDefault(o.indicator().id(), List.of()).stream()
                                    .anyMatch(a -> !a.isBlank() && f.name().contains(a.strip())))
                    .filter(o -> IndicatorService.normalise(o.indicator().unit()).equals(IndicatorService.normalise(f.unit())))
                    .min(Comparator.comparingInt(o -> Math.abs(o.indicator().name().length() - f.name().length())));
            String period = match.map(o -> suggestPeriod(f, o.indicator().frequency(), LocalDate.now(clock).getYear())).orElse(null);
            boolean onFile = match.isPresent() && period != null && match.get().readings().stream()
                    .anyMatch(r -> r.period().equals(period) && r.value().compareTo(f.value()) == 0);
            out.add(new Proposal(f, match.map(IndicatorService.Overview::indicator).orElse(null), period, onFile));
        }
        return out;
    }

    /** @return the period a printed period most likely means for an indicator of this frequency, or {@code null} */
    static String suggestPeriod(ReplyCatalog.ReportedFigure f, Period.Frequency frequency, int thisYear) {
        String printed = f.period() == null ? "" : f.period();
        int year = f.replyDate() == null ? thisYear : f.replyDate().getYear();
        // the last year printed: "2018年至2024年" covers up to 2024
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(19|20)\\d{2}").matcher(printed);
        boolean found = false;
        while (m.find()) {
            year = Integer.parseInt(m.group());
            found = true;
        }
        if (!found && (printed.contains("上年") || printed.contains("去年"))) {
            year--;
        }
        return switch (frequency) {
            case YEAR -> String.valueOf(year);
            case HALF_YEAR -> printed.contains("上半年") ? year + "H1" : printed.contains("下半年") ? year + "H2" : null;
            case QUARTER, MONTH -> null;
        };
    }

    /**
     * Confirms a figure into an indicator value citing its letter.
     *
     * @param countyCode   6-digit county code
     * @param figureId     the figure
     * @param indicatorId  the indicator it belongs to
     * @param period       its period (the indicator's frequency)
     * @param value        the value (as corrected by staff, or as printed)
     * @param departmentId the user's unit
     * @param overseer     whether the user may edit every indicator
     * @param by           the acting account
     * @throws InvalidInputException  as {@link IndicatorService#record}
     * @throws NotFoundException      for an unknown figure or indicator
     * @throws Refusal 409 when the figure was decided before; 403 for another unit's indicator
     */
    @Transactional
    public void confirm(String countyCode, long figureId, long indicatorId, String period, String value,
                        Long departmentId, boolean overseer, String by) {
        ReplyCatalog.ReportedFigure f = undecided(countyCode, figureId);
        IndicatorService.Overview o = indicators.one(countyCode, indicatorId);
        IndicatorService.Indicator i = o.indicator();
        if (!IndicatorService.normalise(i.unit()).equals(IndicatorService.normalise(f.unit()))) {
            throw new InvalidInputException("indicator", "单位不符：答复函中为“" + f.unit() + "”，" + i.name() + "的单位是“"
                    + i.unit() + "”，请选择正确的指标");
        }
        Optional<IndicatorService.Reading> existing = o.readings().stream()
                .filter(r -> r.period().equalsIgnoreCase(period == null ? "" : period.strip())).findFirst();
        if (existing.isPresent() && value != null && value.strip().matches("-?\\d{1,14}(\\.\\d{1,4})?")
                && existing.get().value().compareTo(new java.math.BigDecimal(value.strip())) != 0) {
            throw new InvalidInputException("period", i.name() + " " + existing.get().periodLabel() + "已有数值 "
                    + existing.get().value().toPlainString() + i.unit() + "（来源：" + existing.get().source()
                    + "），与确认的数值不同；请核对期别，或在指标页更正");
        }
        String source = f.docNumber() != null ? f.docNumber() : "答复函（" + f.replyDate() + "）";
        indicators.record(countyCode, indicatorId, new IndicatorService.ValueInput(period, value, i.unit(), source, false),
                departmentId, overseer, by);
        Long valueId = jdbc.sql("select id from indicator_value where indicator_id = :i and period = upper(:p)")
                .param("i", indicatorId).param("p", period.strip()).query(Long.class).optional().orElse(null);
        jdbc.sql("update indicator_value set reply_id = :r where id = :v").param("r", f.replyId()).param("v", valueId).update();
        decide(countyCode, f, "CONFIRMED", valueId, by, "确认答复函数据为指标值：" + f.name() + " → " + i.name() + " " + period);
    }

    /**
     * Dismisses a figure (not an indicator the county tracks, or wrongly extracted).
     *
     * @throws NotFoundException      for an unknown figure
     * @throws Refusal 409 when the figure was decided before
     */
    @Transactional
    public void dismiss(String countyCode, long figureId, String by) {
        ReplyCatalog.ReportedFigure f = undecided(countyCode, figureId);
        decide(countyCode, f, "DISMISSED", null, by, "不采用答复函数据：" + f.name() + " " + f.valueText() + f.unit());
    }

    private ReplyCatalog.ReportedFigure undecided(String countyCode, long figureId) {
        ReplyCatalog.ReportedFigure f = replies.reportedFigures(countyCode).stream().filter(x -> x.id() == figureId)
                .findFirst().orElseThrow(() -> new NotFoundException("答复函数据", figureId));
        if (jdbc.sql("select count(*) from indicator_figure_decision where figure_id = :f").param("f", figureId)
                .query(Long.class).single() > 0) {
            throw org.ronghe.problem.Refusal.conflict("这项数据已确认或已不采用");
        }
        return f;
    }

    private void decide(String countyCode, ReplyCatalog.ReportedFigure f, String decision, Long valueId, String by,
                        String summary) {
        jdbc.sql("""
                insert into indicator_figure_decision (figure_id, county_code, decision, indicator_value_id, decided_by,
                                                       decided_at)
                values (:f, :c, :d, :v, :by, :now)""").param("now", OffsetDateTime.now(clock)).param("f", f.id()).param("c", countyCode).param("d", decision)
                .param("v", valueId).param("by", by).update();
        audit.record(countyCode, "FIGURE_" + decision, "reply", String.valueOf(f.replyId()), summary, null,
                Map.of("figureId", f.id(), "decision", decision));
    }
}
