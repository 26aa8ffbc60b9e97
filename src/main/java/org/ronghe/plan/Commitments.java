package org.ronghe.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.ronghe.proposal.ReplyRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 承诺事项: each commitment a reply states becomes a tracked item owned by the replying unit, due at the end of the
 * reply's year unless changed. The unit reports progress on it; a report at 100 % closes it, and so does a later
 * reply of the same unit to the same proposal (its commitments take over). The supervision office may link a
 * commitment to a plan task, so a task shows the proposals that asked for it.
 */
@Service
public class Commitments {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    Commitments(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Starts tracking a reply's commitments, in the transaction that stores the reply. Replies from outside the
     * county's units are not tracked.
     *
     * @param event the reply just stored or released
     */
    @EventListener
    @Transactional
    public void on(ReplyRecorded event) {
        if (event.departmentId() == null) {
            return;
        }
        int superseded = jdbc.sql("""
                update commitment set status = 'DONE', closed_note = :note
                where proposal_id = :p and department_id = :d and status = 'OPEN' and reply_id <> :r""")
                .param("note", "由后续答复" + (event.docNumber() == null ? "" : event.docNumber()) + "接续")
                .param("p", event.proposalId()).param("d", event.departmentId()).param("r", event.replyId()).update();
        LocalDate due = LocalDate.of((event.replyDate() == null ? LocalDate.now(clock) : event.replyDate()).getYear(), 12, 31);
        for (ReplyRecorded.Commitment c : event.commitments()) {
            jdbc.sql("""
                    insert into commitment (county_code, reply_id, proposal_id, department_id, seq, title, text,
                                            doc_number, category, due_date)
                    values (:c, :r, :p, :d, :seq, :title, :text, :doc, :cat, :due) on conflict (reply_id, seq) do nothing""")
                    .param("c", event.countyCode()).param("r", event.replyId()).param("p", event.proposalId())
                    .param("d", event.departmentId()).param("seq", c.seq()).param("title", c.title()).param("text", c.text())
                    .param("doc", event.docNumber()).param("cat", event.category()).param("due", due).update();
        }
        if (!event.commitments().isEmpty() || superseded > 0) {
            audit.record(event.countyCode(), "COMMITMENTS_TRACKED", "proposal", String.valueOf(event.proposalId()),
                    "答复" + (event.docNumber() == null ? "" : event.docNumber()) + "的 " + event.commitments().size()
                            + " 项承诺事项开始跟踪" + (superseded > 0 ? "，此前 " + superseded + " 项由本次答复接续" : ""),
                    null, Map.of("replyId", event.replyId(), "count", event.commitments().size()));
        }
    }

    /**
     * @param countyCode   6-digit county code
     * @param departmentId only this unit's, or {@code null} for all
     * @param proposalId   only this proposal's, or {@code null}
     * @param today        the day to judge due dates by
     * @return commitments with proposal, reply and unit, open ones first, then by due date
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> list(String countyCode, Long departmentId, Long proposalId, LocalDate today) {
        StringBuilder where = new StringBuilder("c.county_code = :c");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("c", countyCode);
        if (departmentId != null) {
            where.append(" and c.department_id = :d");
            params.put("d", departmentId);
        }
        if (proposalId != null) {
            where.append(" and c.proposal_id = :p");
            params.put("p", proposalId);
        }
        params.put("today", today);
        return jdbc.sql("""
                select c.id, c.seq, c.title, c.text, c.doc_number, c.category, c.due_date, c.progress, c.status,
                       c.closed_note, c.proposal_id, p.number, p.title as proposal_title, c.department_id,
                       d.name as department, c.task_id, t.title as task_title,
                       (c.status = 'OPEN' and c.due_date < :today) as overdue
                from commitment c join proposal p on p.id = c.proposal_id join department d on d.id = c.department_id
                left join plan_task t on t.id = c.task_id
                where\s""" + where + " order by c.status desc, c.due_date, c.id")
                .params(params).query(org.ronghe.database.DateColumns.MAPPER).list().stream().map(Commitments::plain).toList();
    }

    /** @return a row with numbers without trailing zeros */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>(row);
        m.replaceAll((k, v) -> v instanceof BigDecimal b ? PlanService.plain(b) : v);
        return m;
    }

    /**
     * @param countyCode 6-digit county code
     * @param id         a commitment
     * @param today      the day to judge its due date by
     * @return it with proposal, reply and unit
     * @throws NotFoundException if there is no such commitment in the county
     */
    @Transactional(readOnly = true)
    public Map<String, Object> one(String countyCode, long id, LocalDate today) {
        return list(countyCode, null, null, today).stream().filter(c -> ((Number) c.get("id")).longValue() == id)
                .findFirst().orElseThrow(() -> new NotFoundException("承诺事项", id));
    }

    /** @return a commitment's progress reports, newest first */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> reports(long id) {
        return jdbc.sql("""
                select r.progress, r.text, coalesce(u.display_name, r.reported_by) as reporter,
                       to_char(r.reported_at, 'YYYY-MM-DD HH24:MI') as reported
                from commitment_report r left join app_user u on u.username = r.reported_by
                where r.commitment_id = :id order by r.id desc""").param("id", id).query().listOfRows()
                .stream().map(Commitments::plain).toList();
    }

    /** @return the commitments linked to a task: the proposals that asked for it */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ofTask(String countyCode, long taskId) {
        return jdbc.sql("""
                select c.id, c.title, c.text, c.proposal_id, p.number, p.title as proposal_title, c.doc_number
                from commitment c join proposal p on p.id = c.proposal_id
                where c.county_code = :c and c.task_id = :t order by c.id""")
                .param("c", countyCode).param("t", taskId).query().listOfRows();
    }

    /**
     * The owning unit reports progress; at 100 % the commitment is closed.
     *
     * @param countyCode   6-digit county code
     * @param id           the commitment
     * @param departmentId the reporting user's unit
     * @param progress     0–100 %
     * @param text         what was done (required, up to 4,000 characters)
     * @param by           the reporting account
     * @throws InvalidInputException  naming {@code progress} or {@code text}
     * @throws NotFoundException      if there is no such commitment in the county
     * @throws Refusal 403 if another unit owns it; 409 if it is closed
     */
    @Transactional
    public void report(String countyCode, long id, Long departmentId, BigDecimal progress, String text, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (progress == null || progress.signum() < 0 || progress.compareTo(HUNDRED) > 0
                || progress.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("progress", "进度应为 0 到 100 之间的数字（最多两位小数）"));
        }
        String t = text == null ? "" : text.replace("\r\n", "\n").strip();
        TextInput.line("text", "落实情况", t.replaceAll("\\R", " "), 4000, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> c = lock(countyCode, id);
        if (departmentId == null || ((Number) c.get("department_id")).longValue() != departmentId) {
            throw Refusal.forbidden("只有作出承诺的答复单位可以报告落实情况");
        }
        if ("DONE".equals(c.get("status"))) {
            throw Refusal.conflict("该承诺事项已办结");
        }
        boolean done = progress.compareTo(HUNDRED) == 0;
        jdbc.sql("""
                        insert into commitment_report (county_code, commitment_id, progress, text, reported_by, reported_at)
                        values (:c, :id, :p, :t, :by, :now)""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("id", id).param("p", progress).param("t", t).param("by", by).update();
        jdbc.sql("update commitment set progress = :p, status = :s, closed_note = :n where id = :id")
                .param("p", progress).param("s", done ? "DONE" : "OPEN").param("n", done ? "报告已落实" : null)
                .param("id", id).update();
        audit.record(countyCode, done ? "COMMITMENT_DONE" : "COMMITMENT_REPORTED", "proposal",
                String.valueOf(c.get("proposal_id")), (done ? "承诺事项已落实：" : "承诺事项进展：") + label(c)
                        + "（" + PlanService.plain(progress).toPlainString() + "%）",
                Map.of("progress", c.get("progress"), "status", c.get("status")),
                Map.of("progress", progress, "status", done ? "DONE" : "OPEN", "text", t));
    }

    /**
     * Changes a commitment's due date (the owning unit or the supervision office).
     *
     * @throws InvalidInputException naming {@code due} when it is not a date, or not within the reply's year and the
     *                               ten years after
     * @throws Refusal 403 for another unit
     */
    @Transactional
    public void reschedule(String countyCode, long id, String due, Long departmentId, boolean overseer) {
        Map<String, Object> c = lock(countyCode, id);
        if (!overseer && (departmentId == null || ((Number) c.get("department_id")).longValue() != departmentId)) {
            throw Refusal.forbidden("只有答复单位或督查室可以调整完成时限");
        }
        int replyYear = jdbc.sql("select extract(year from reply_date)::int from reply where id = :r")
                .param("r", c.get("reply_id")).query(Integer.class).optional()
                .orElse(((java.sql.Date) c.get("due_date")).toLocalDate().getYear());
        LocalDate d;
        try {
            d = LocalDate.parse(due == null ? "" : due.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("due", "完成时限应写作 2025-12-31");
        }
        if (d.getYear() < replyYear || d.getYear() > replyYear + 10) {
            throw new InvalidInputException("due", "完成时限应在答复所在的 " + replyYear + " 年至 " + (replyYear + 10) + " 年之间");
        }
        LocalDate old = ((java.sql.Date) c.get("due_date")).toLocalDate();
        if (d.equals(old)) {
            return;
        }
        jdbc.sql("update commitment set due_date = :d where id = :id").param("d", d).param("id", id).update();
        audit.record(countyCode, "COMMITMENT_RESCHEDULED", "proposal", String.valueOf(c.get("proposal_id")),
                "调整承诺事项完成时限：" + label(c), Map.of("dueDate", old.toString()), Map.of("dueDate", d.toString()));
    }

    /**
     * Links a commitment to the plan task that carries it out, or unlinks it ({@code taskId} {@code null}).
     *
     * @throws NotFoundException if the commitment or the task is not in the county
     */
    @Transactional
    public void link(String countyCode, long id, Long taskId) {
        Map<String, Object> c = lock(countyCode, id);
        String task = null;
        if (taskId != null) {
            task = jdbc.sql("select title from plan_task where id = :t and county_code = :c").param("t", taskId)
                    .param("c", countyCode).query(String.class).optional().orElseThrow(() -> new NotFoundException("任务", taskId));
        }
        jdbc.sql("update commitment set task_id = :t where id = :id").param("t", taskId).param("id", id).update();
        audit.record(countyCode, "COMMITMENT_LINKED", "proposal", String.valueOf(c.get("proposal_id")),
                taskId == null ? "承诺事项取消关联任务：" + label(c) : "承诺事项关联任务“" + task + "”：" + label(c),
                null, java.util.Collections.singletonMap("taskId", taskId));
    }

    private Map<String, Object> lock(String countyCode, long id) {
        return jdbc.sql("select * from commitment where id = :id and county_code = :c for update").param("id", id)
                .param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("承诺事项", id));
    }

    private static String label(Map<String, Object> c) {
        Object title = c.get("title");
        String text = (String) c.get("text");
        return title != null ? (String) title : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

}
