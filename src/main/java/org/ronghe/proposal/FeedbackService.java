package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.tenancy.WorkCalendar;
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
 * 征询意见: the proposer and every co-signer answer the latest released reply with 满意, 基本满意 or 不满意 and a
 * comment, within the county's feedback window (15 working days after the reply's date by default). 不满意 sends the
 * proposal back to its handling units for re-handling (重新办理) with a new due date (1 month by default); their new
 * reply is drafted, reviewed and released as before.
 *
 * <p>Source: the handling rules collected from the CPPCC 提案工作条例 and local 提案办理办法 in the project's domain
 * notes (shared/domain/proposals.md, "Feedback"); counties differ, so the periods are {@code proposal_rule} settings.
 */
@Service
public class FeedbackService {

    /** The answers (满意度). */
    public enum Verdict {
        /** 满意. */
        SATISFIED("满意"),
        /** 基本满意. */
        BASICALLY_SATISFIED("基本满意"),
        /** 不满意. */
        DISSATISFIED("不满意");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** @return Chinese name */
        public String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    FeedbackService(JdbcClient jdbc, WorkCalendar calendar, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * Records a proposer's answer to the latest released reply of a proposal.
     *
     * @param countyCode   6-digit county code
     * @param proposalId   the proposal
     * @param proposerName the answering proposer or co-signer, as named on the proposal
     * @param username     the account answering
     * @param verdict      the answer (required)
     * @param comment      a comment (required for 不满意)
     * @param today        the day of the answer
     * @throws Refusal 403 if the person is not the proposer or a co-signer; 409 if there is no
     *                                released reply, the window has passed, or they answered already
     */
    @Transactional
    public void answer(String countyCode, long proposalId, String proposerName, String username, Verdict verdict,
                       String comment, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (verdict == null) {
            problems.add(new FieldProblem("verdict", "请选择：满意、基本满意或不满意"));
        }
        // a comment typed over several lines in the form is kept as one paragraph
        String c = TextInput.line("comment", "意见", comment == null ? null : comment.replaceAll("\\R", " "), 1000,
                verdict == Verdict.DISSATISFIED, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> p = jdbc.sql("select id, status from proposal where id = :id and county_code = :c for update")
                .param("id", proposalId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("提案", proposalId));
        Long proposerId = jdbc.sql("""
                select pr.id from proposer pr where pr.county_code = :c and pr.name = :n and (
                    pr.id = (select proposer_id from proposal where id = :p)
                    or pr.id in (select proposer_id from proposal_co_signer where proposal_id = :p))""")
                .param("c", countyCode).param("n", proposerName).param("p", proposalId).query(Long.class).optional()
                .orElseThrow(() -> Refusal.forbidden("只有提案者和联名人可以反馈意见"));
        Map<String, Object> reply = jdbc.sql("""
                select id, reply_date from reply where proposal_id = :p and status = 'RELEASED' order by id desc limit 1""")
                .param("p", proposalId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> HandlingProblems.conflict("该提案还没有签发的答复"));
        if (!"REPLIED".equals(p.get("status"))) {
            throw HandlingProblems.conflict("提案正在重新办理，请等待新的答复");
        }
        LocalDate replied = reply.get("reply_date") instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) reply.get("reply_date");
        int days = jdbc.sql("select feedback_working_days from proposal_rule where county_code = :c").param("c", countyCode)
                .query(Integer.class).optional().orElse(15);
        LocalDate deadline = calendar.addWorkingDays(countyCode, replied, days);
        if (today.isAfter(deadline)) {
            throw HandlingProblems.conflict("反馈期限（答复后 " + days + " 个工作日，至 " + deadline + "）已过");
        }
        long replyId = ((Number) reply.get("id")).longValue();
        if (jdbc.sql("select exists (select 1 from proposal_feedback where reply_id = :r and proposer_id = :p)")
                .param("r", replyId).param("p", proposerId).query(Boolean.class).single()) {
            throw HandlingProblems.conflict("您已对这份答复反馈过意见");
        }
        jdbc.sql("""
                insert into proposal_feedback (county_code, proposal_id, reply_id, proposer_id, verdict, comment, answered_by,
                                               answered_at)
                values (:c, :p, :r, :pr, :v, :comment, :by, :now)""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("p", proposalId).param("r", replyId).param("pr", proposerId)
                .param("v", verdict.name()).param("comment", c.isEmpty() ? null : c).param("by", username).update();
        audit.record(countyCode, "FEEDBACK_GIVEN", "proposal", String.valueOf(proposalId),
                proposerName + " 反馈：" + verdict.label() + (c.isEmpty() ? "" : "，" + c), null,
                Map.of("verdict", verdict.name(), "replyId", replyId));
        if (verdict == Verdict.DISSATISFIED) {
            rehandle(countyCode, proposalId, today);
        }
    }

    private void rehandle(String countyCode, long proposalId, LocalDate today) {
        ProposalStatus.REPLIED.check(ProposalStatus.Action.REHANDLE);
        int months = jdbc.sql("select rehandle_months from proposal_rule where county_code = :c").param("c", countyCode)
                .query(Integer.class).optional().orElse(1);
        LocalDate due = today.plusMonths(months);
        int units = jdbc.sql("""
                update proposal_assignment set due_date = :d
                where proposal_id = :p and state = 'SIGNED' and mode <> 'CO_HANDLER'""")
                .param("d", due).param("p", proposalId).update();
        if (units == 0) {
            throw HandlingProblems.conflict("该答复不是经本系统交办办理的，不能在系统中重新办理，请联系提案委");
        }
        jdbc.sql("update proposal set status = 'ASSIGNED', rehandle_count = rehandle_count + 1 where id = :id")
                .param("id", proposalId).update();
        audit.record(countyCode, "PROPOSAL_REHANDLED", "proposal", String.valueOf(proposalId),
                "因提案者不满意，重新办理，期限至 " + due, Map.of("status", "REPLIED"),
                Map.of("status", "ASSIGNED", "dueDate", due.toString()));
    }

    /** @return the answers given to a proposal's replies, oldest first */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ofProposal(long proposalId) {
        return jdbc.sql("""
                select f.reply_id, pr.name as proposer, f.verdict, f.comment, f.answered_at from proposal_feedback f
                join proposer pr on pr.id = f.proposer_id where f.proposal_id = :p order by f.id""")
                .param("p", proposalId).query().listOfRows();
    }
}
