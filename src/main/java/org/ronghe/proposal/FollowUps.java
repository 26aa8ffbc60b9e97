package org.ronghe.proposal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * 跟踪落实: a proposal whose latest released reply is category B (正在解决) or C (列入计划/留作参考) stays open as a
 * follow-up of the unit that answered it, until that unit reports it solved (解决). Progress reports short of
 * solving are kept too.
 *
 * <p>Source: the handling rules collected from the CPPCC 提案工作条例 and local 提案办理办法 in the project's domain
 * notes (shared/domain/proposals.md, "Follow-up"); counties differ, so the periods are {@code proposal_rule} settings.
 */
@Service
public class FollowUps {

    /** Open follow-ups: the latest released reply of an answered proposal is B or C and no report says solved. */
    private static final String OPEN = """
            select p.id as proposal_id, p.number, p.title, r.category, r.reply_date, r.department_id, d.name as department_name
            from reply r join proposal p on p.id = r.proposal_id
            left join department d on d.id = r.department_id
            where r.county_code = :c and r.status = 'RELEASED' and r.category in ('B', 'C') and p.status = 'REPLIED'
              and not exists (select 1 from reply x where x.proposal_id = r.proposal_id and x.status = 'RELEASED' and x.id > r.id)
              and not exists (select 1 from follow_up_report f where f.proposal_id = p.id and f.solved)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    FollowUps(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @param countyCode   6-digit county code
     * @param departmentId only this unit's follow-ups, or {@code null} for all
     * @return open follow-ups, oldest reply first
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> open(String countyCode, Long departmentId) {
        // the unit filter only when asked for, so the plan can use the unit's index
        return jdbc.sql(OPEN + (departmentId == null ? "" : " and r.department_id = :d") + " order by r.reply_date, p.id")
                .param("c", countyCode).params(departmentId == null ? Map.of() : Map.of("d", departmentId)).query(org.ronghe.database.DateColumns.MAPPER).list();
    }

    /**
     * Records a unit's progress report on an open follow-up.
     *
     * @param countyCode   6-digit county code
     * @param proposalId   the proposal
     * @param departmentId the reporting user's unit
     * @param report       what has been done (required, up to 4,000 characters)
     * @param solved       whether the matter is now solved, which closes the follow-up
     * @param username     the reporting account
     * @throws InvalidInputException  if the report is empty or too long (field {@code report})
     * @throws NotFoundException      if the proposal does not exist in the county
     * @throws org.ronghe.problem.Refusal 409 if it is not an open follow-up; 403 if another
     *                                unit answered it
     */
    @Transactional
    public void report(String countyCode, long proposalId, Long departmentId, String report, boolean solved,
                       String username) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = report == null ? "" : report.replace("\r\n", "\n").strip();
        TextInput.line("report", "落实情况", text.replaceAll("\\R", " "), 4000, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("select id from proposal where id = :id and county_code = :c for update").param("id", proposalId)
                .param("c", countyCode).query(Long.class).optional().orElseThrow(() -> new NotFoundException("提案", proposalId));
        Map<String, Object> open = jdbc.sql(OPEN + " and p.id = :p").param("c", countyCode).param("p", proposalId)
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> HandlingProblems.conflict("该提案不是待跟踪落实的 B、C 类答复，或已报告解决"));
        Object unit = open.get("department_id");
        if (departmentId == null || unit == null || ((Number) unit).longValue() != departmentId) {
            throw Refusal.forbidden("只有答复该提案的单位可以报告落实情况");
        }
        jdbc.sql("""
                insert into follow_up_report (county_code, proposal_id, department_id, report, solved, reported_by, reported_at)
                values (:c, :p, :d, :r, :s, :by, :now)""").param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("p", proposalId)
                .param("d", departmentId).param("r", text).param("s", solved).param("by", username).update();
        audit.record(countyCode, solved ? "FOLLOW_UP_SOLVED" : "FOLLOW_UP_REPORTED", "proposal", String.valueOf(proposalId),
                (solved ? "报告已解决：" : "报告落实进展：") + (text.length() > 100 ? text.substring(0, 100) + "…" : text),
                null, Map.of("solved", solved));
    }

    /** @return a proposal's follow-up reports, oldest first */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> reports(long proposalId) {
        return jdbc.sql("""
                select f.report, f.solved, d.name as department_name,
                       to_char(f.reported_at, 'YYYY-MM-DD HH24:MI') as reported
                from follow_up_report f join department d on d.id = f.department_id
                where f.proposal_id = :p order by f.id""").param("p", proposalId).query().listOfRows();
    }
}
