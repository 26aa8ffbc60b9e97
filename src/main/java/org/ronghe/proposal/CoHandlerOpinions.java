package org.ronghe.proposal;

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
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 会办意见: a co-handling unit (会办单位) gives the lead unit (主办单位) its written opinion, due
 * {@code proposal_rule.co_opinion_months} (default 1 month) after assignment. The opinion can be revised until the
 * lead unit's reply is released.
 *
 * <p>Source: the handling rules collected from the CPPCC 提案工作条例 and local 提案办理办法 in the project's domain
 * notes (shared/domain/proposals.md, "Handling modes"); counties differ, so the periods are {@code proposal_rule} settings.
 */
@Service
public class CoHandlerOpinions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    CoHandlerOpinions(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Records or revises a co-handler's opinion.
     *
     * @param countyCode   6-digit county code
     * @param assignmentId the co-handler's assignment
     * @param departmentId the acting user's unit
     * @param opinion      the opinion text (required, up to 4,000 characters, line breaks kept)
     * @param username     the acting account
     * @throws InvalidInputException  if the opinion is empty or too long (field {@code opinion})
     * @throws NotFoundException      if the assignment does not exist in the county
     * @throws Refusal 403 if it is not the user's unit; 409 if it is not a signed 会办 assignment or
     *                                the proposal is no longer being handled
     */
    @Transactional
    public void submit(String countyCode, long assignmentId, Long departmentId, String opinion, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = opinion == null ? "" : opinion.replace("\r\n", "\n").strip();
        TextInput.line("opinion", "会办意见", text.replaceAll("\\R", " "), 4000, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> a = jdbc.sql("""
                select a.id, a.proposal_id, a.department_id, a.mode, a.state, p.status from proposal_assignment a
                join proposal p on p.id = a.proposal_id where a.id = :id and a.county_code = :c for update of p""")
                .param("id", assignmentId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("交办", assignmentId));
        if (departmentId == null || ((Number) a.get("department_id")).longValue() != departmentId) {
            throw Refusal.forbidden("只能为交办给本单位的提案提交会办意见");
        }
        if (!"CO_HANDLER".equals(a.get("mode"))) {
            throw HandlingProblems.conflict("本单位是主办或分办单位，请直接起草答复");
        }
        if (!"SIGNED".equals(a.get("state"))) {
            throw HandlingProblems.conflict("请先签收交办，再提交会办意见");
        }
        if (!"ASSIGNED".equals(a.get("status"))) {
            throw HandlingProblems.conflict("提案已答复，会办意见不能再修改");
        }
        long proposalId = ((Number) a.get("proposal_id")).longValue();
        String old = jdbc.sql("select opinion from co_handler_opinion where assignment_id = :a").param("a", assignmentId)
                .query(String.class).optional().orElse(null);
        jdbc.sql("""
                insert into co_handler_opinion (county_code, assignment_id, proposal_id, department_id, opinion, submitted_by,
                                                submitted_at, first_submitted_at)
                values (:c, :a, :p, :d, :o, :by, :now, :now)
                on conflict (assignment_id) do update set opinion = excluded.opinion,
                    submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at""") // first_submitted_at stays
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("a", assignmentId).param("p", proposalId).param("d", departmentId)
                .param("o", text).param("by", username).update();
        audit.record(countyCode, old == null ? "CO_OPINION_SUBMITTED" : "CO_OPINION_REVISED", "proposal",
                String.valueOf(proposalId), (old == null ? "提交会办意见" : "修改会办意见"),
                old == null ? null : Map.of("opinion", old), Map.of("opinion", text));
    }

    /** @return the co-handlers' opinions on a proposal with unit names, in assignment order */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ofProposal(long proposalId) {
        return jdbc.sql("""
                select o.assignment_id, d.name as department_name, o.opinion, o.submitted_at from co_handler_opinion o
                join department d on d.id = o.department_id where o.proposal_id = :p order by o.assignment_id""")
                .param("p", proposalId).query().listOfRows();
    }

    /**
     * @param countyCode 6-digit county code
     * @param assignedOn the co-handler's assignment date
     * @return the day the opinion is due
     */
    public LocalDate dueDate(String countyCode, LocalDate assignedOn) {
        int months = jdbc.sql("select co_opinion_months from proposal_rule where county_code = :c").param("c", countyCode)
                .query(Integer.class).optional().orElse(1);
        return assignedOn.plusMonths(months);
    }
}
