package org.ronghe.land;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.audit.AuditTrail;
import org.ronghe.notification.Notifications;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.Refusal;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流转纠纷 (L17): a dispute over a transfer is recorded with the day the party knew of the harm, goes through
 * mediation (调解), arbitration (仲裁) and perhaps the court, and the platform keeps its deadlines
 * (农村土地承包经营纠纷调解仲裁法 第18条、第47条、第48条):
 * <ul>
 * <li>arbitration must be applied for within 2 years of the day the party knew or should have known of the harm;</li>
 * <li>the award is due within 60 days of accepting the case, extendable once by at most 30 days;</li>
 * <li>a party may sue within 30 days of receiving the award; afterwards the award is final.</li>
 * </ul>
 * Stages: MEDIATION → ARBITRATION → AWARDED → SUED or FINAL; mediation or arbitration may end in SETTLED. The daily
 * land job tells the agriculture bureau once per stage when its deadline is 7 days away or less.
 */
@Service
public class Disputes {

    /** Steps that move a dispute on, with the stage they lead to. */
    static final Map<String, String> STEPS = Map.of(
            "ARBITRATION_ACCEPTED", "ARBITRATION",
            "AWARD_EXTENDED", "ARBITRATION",
            "AWARDED", "AWARDED",
            "SETTLED", "SETTLED",
            "SUED", "SUED",
            "FINAL", "FINAL");

    /** Chinese names of the stages. */
    static final Map<String, String> STAGES = Map.of("MEDIATION", "调解中", "ARBITRATION", "仲裁中", "AWARDED", "已裁决",
            "SETTLED", "已调解或和解", "SUED", "已起诉", "FINAL", "裁决生效");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;
    private final LandAccess access;

    Disputes(JdbcClient jdbc, AuditTrail audit, Notifications notifications, LandAccess access, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
        this.access = access;
    }

    /**
     * Records a dispute over a transfer, in mediation.
     *
     * @param raisedBy TRANSFEROR (承包方) or TRANSFEREE (受让方)
     * @param summary  what the dispute is about
     * @param knownOn  the day the party knew or should have known of the harm (starts the 2-year limit), not in the
     *                 future
     * @return the dispute's id
     * @throws InvalidInputException naming {@code raisedBy}, {@code summary} or {@code knownOn}
     * @throws NotFoundException     for an unknown transfer
     */
    @Transactional
    public long open(String countyCode, long transferId, String raisedBy, String summary, LocalDate knownOn, String by) {
        jdbc.sql("select id from land_transfer where id = :id and county_code = :c").param("id", transferId)
                .param("c", countyCode).query(Long.class).optional().orElseThrow(() -> new NotFoundException("流转", transferId));
        List<FieldProblem> problems = new ArrayList<>();
        if (raisedBy == null || !List.of("TRANSFEROR", "TRANSFEREE").contains(raisedBy)) {
            problems.add(new FieldProblem("raisedBy", "提出方应为 承包方（TRANSFEROR）或 受让方（TRANSFEREE）"));
        }
        String text = TextInput.line("summary", "纠纷事由", summary, 1000, true, problems);
        if (knownOn == null || knownOn.isAfter(LocalDate.now(clock)) || knownOn.getYear() < 1949) {
            problems.add(new FieldProblem("knownOn", "知道或应当知道权利受侵害的日期应写明，且不晚于今天"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into land_dispute (county_code, transfer_id, raised_by, summary, known_on, recorded_by, recorded_at)
                values (:c, :t, :r, :s, :k, :by, :now) returning id""").param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("t", transferId)
                .param("r", raisedBy).param("s", text).param("k", knownOn).param("by", by).query(Long.class).single();
        audit.record(countyCode, "LAND_DISPUTE_OPENED", "land_transfer", String.valueOf(transferId),
                "登记流转纠纷（" + ("TRANSFEROR".equals(raisedBy) ? "承包方" : "受让方") + "提出）：" + text, null,
                Map.of("dispute", id, "stage", "MEDIATION"));
        return id;
    }

    /**
     * Moves a dispute on by one step, checking the statutory deadlines (L17).
     *
     * @param step ARBITRATION_ACCEPTED (from mediation, within 2 years of knowing), AWARD_EXTENDED (once, during
     *             arbitration, before the 60 days end), AWARDED (the day the award was received, within the 60 (+30)
     *             days), SETTLED (from mediation or arbitration), SUED (within 30 days of the award), FINAL (after
     *             those 30 days)
     * @param on   the day of the step, not in the future
     * @throws InvalidInputException  naming {@code step} or {@code on} with the rule (L17) when a deadline is missed
     * @throws NotFoundException      for an unknown dispute
     * @throws Refusal 409 when the step does not follow the dispute's stage
     */
    @Transactional
    public void step(String countyCode, long disputeId, String step, LocalDate on, String by) {
        step(countyCode, null, disputeId, step, on, by);
    }

    /**
     * As {@link #step(String, long, String, LocalDate, String)} for a dispute that must belong to a given transfer.
     *
     * @param transferId the transfer whose page the step comes from, or {@code null} for any
     * @throws NotFoundException when the dispute is unknown or belongs to another transfer
     */
    @Transactional
    public void step(String countyCode, Long transferId, long disputeId, String step, LocalDate on, String by) {
        Map<String, Object> d = jdbc.sql("select * from land_dispute where id = :id and county_code = :c for update")
                .param("id", disputeId).param("c", countyCode).query().listOfRows().stream()
                .filter(x -> transferId == null || transferId.equals(((Number) x.get("transfer_id")).longValue())).findFirst()
                .orElseThrow(() -> new NotFoundException("纠纷", disputeId));
        if (step == null || !STEPS.containsKey(step)) {
            throw new InvalidInputException("step", "步骤应为 ARBITRATION_ACCEPTED（仲裁受理）、AWARD_EXTENDED（延长裁决期限）、"
                    + "AWARDED（收到裁决书）、SETTLED（调解或和解结案）、SUED（起诉）或 FINAL（裁决生效）");
        }
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("on", "日期应写明，且不晚于今天");
        }
        String stage = (String) d.get("stage");
        boolean fits = switch (step) {
            case "ARBITRATION_ACCEPTED" -> stage.equals("MEDIATION");
            case "AWARD_EXTENDED" -> stage.equals("ARBITRATION") && !Boolean.TRUE.equals(d.get("award_extended"));
            case "AWARDED" -> stage.equals("ARBITRATION");
            case "SETTLED" -> stage.equals("MEDIATION") || stage.equals("ARBITRATION");
            default -> stage.equals("AWARDED");
        };
        if (!fits) {
            throw Refusal.conflict("纠纷处于「" + STAGES.get(stage) + "」，不能办理这一步");
        }
        LocalDate previous = date(switch (stage) {
            case "MEDIATION" -> d.get("known_on");
            case "ARBITRATION" -> d.get("arbitration_accepted_on");
            default -> d.get("award_received_on");
        });
        if (on.isBefore(previous)) {
            throw new InvalidInputException("on", "日期不得早于上一步（" + previous + "）");
        }
        Deadline due = deadline(d);
        String rule = "L17（《农村土地承包经营纠纷调解仲裁法》第18条、第47条、第48条）：";
        switch (step) {
            case "ARBITRATION_ACCEPTED", "AWARD_EXTENDED", "AWARDED", "SUED" -> {
                if (on.isAfter(due.day())) {
                    throw new InvalidInputException("on", rule + due.what() + "的期限是 " + due.day() + "，" + on + " 已超过");
                }
            }
            case "FINAL" -> {
                if (!on.isAfter(due.day())) {
                    throw new InvalidInputException("on", rule + "收到裁决书后 30 日内（至 " + due.day() + "）仍可起诉，期满后裁决才生效");
                }
            }
            default -> { }
        }
        String column = switch (step) {
            case "ARBITRATION_ACCEPTED" -> "arbitration_accepted_on = :on";
            case "AWARD_EXTENDED" -> "award_extended = true";
            case "AWARDED" -> "award_received_on = :on";
            default -> "closed_on = :on";
        };
        jdbc.sql("update land_dispute set stage = :s, " + column + " where id = :id").param("s", STEPS.get(step))
                .param("on", on).param("id", disputeId).update();
        audit.record(countyCode, "LAND_DISPUTE_STEP", "land_transfer", String.valueOf(d.get("transfer_id")),
                "流转纠纷：" + STAGES.get(stage) + " → " + STAGES.get(STEPS.get(step)) + "（" + on + "）",
                Map.of("stage", stage), Map.of("stage", STEPS.get(step), "step", step, "on", on.toString()));
    }

    /** The next statutory deadline of a dispute in one of the open stages. */
    record Deadline(LocalDate day, String what) {
    }

    /** @return the next deadline of an open dispute, or {@code null} for a closed one */
    static Deadline deadline(Map<String, Object> d) {
        return switch ((String) d.get("stage")) {
            case "MEDIATION" -> new Deadline(date(d.get("known_on")).plusYears(2), "申请仲裁");
            case "ARBITRATION" -> new Deadline(date(d.get("arbitration_accepted_on"))
                    .plusDays(Boolean.TRUE.equals(d.get("award_extended")) ? 90 : 60), "作出裁决");
            case "AWARDED" -> new Deadline(date(d.get("award_received_on")).plusDays(30), "不服裁决起诉");
            default -> null;
        };
    }

    /** @return the disputes of a transfer with their stage and next deadline, oldest first */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> of(String countyCode, long transferId) {
        return jdbc.sql("select * from land_dispute where transfer_id = :t and county_code = :c order by id")
                .param("t", transferId).param("c", countyCode).query().listOfRows().stream().map(d -> {
                    Map<String, Object> out = new java.util.LinkedHashMap<>();
                    out.put("id", d.get("id"));
                    out.put("raisedBy", d.get("raised_by"));
                    out.put("summary", d.get("summary"));
                    out.put("knownOn", String.valueOf(d.get("known_on")));
                    out.put("stage", d.get("stage"));
                    out.put("stageLabel", STAGES.get(d.get("stage")));
                    Deadline due = deadline(d);
                    out.put("deadline", due == null ? null : due.day().toString());
                    out.put("deadlineFor", due == null ? null : due.what());
                    return out;
                }).toList();
    }

    /**
     * Tells the agriculture bureau once per dispute and stage when the stage's deadline is 7 days away or less.
     *
     * @return how many new notices were sent
     */
    @Transactional
    public int remind(LocalDate today) {
        int sent = 0;
        for (Map<String, Object> d : jdbc.sql("""
                select d.*, t.transferee_name from land_dispute d join land_transfer t on t.id = d.transfer_id
                where d.stage in ('MEDIATION', 'ARBITRATION', 'AWARDED')""").query().listOfRows()) {
            Deadline due = deadline(d);
            if (due.day().isAfter(today.plusDays(7))) {
                continue;
            }
            String county = (String) d.get("county_code");
            Long unit = access.bureau(county).orElse(null);
            if (unit != null && notifications.send(county, unit, null, "LAND_DISPUTE_DEADLINE",
                    "land_dispute:" + d.get("id") + ":" + d.get("stage") + (Boolean.TRUE.equals(d.get("award_extended")) ? "+" : ""),
                    "L17：与" + d.get("transferee_name") + "的流转纠纷（" + STAGES.get(d.get("stage")) + "）" + due.what() + "的期限为 "
                            + due.day() + "，请提醒当事人", "/land/transfers/" + d.get("transfer_id")).isPresent()) {
                sent++;
            }
        }
        return sent;
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

}
