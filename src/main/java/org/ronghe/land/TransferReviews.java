package org.ronghe.land;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.ronghe.tenancy.WorkCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * L09 审查: a transfer to an enterprise or another organisation (not a household or family farm) of more than the
 * county's {@code land_rule.review_threshold_mu} (default 100 亩) needs an approved review before its contract is
 * signed (农村土地承包法 art. 45; 农村土地经营权流转管理办法 art. 29). The application lists the documents; the
 * decision, with reasons, is due within 20 working days (the working-day calendar of the proposal module).
 */
@Service
public class TransferReviews {

    /** Working days within which the review is decided. */
    public static final int DECISION_WORKING_DAYS = 20;

    private final JdbcClient jdbc;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    TransferReviews(JdbcClient jdbc, WorkCalendar calendar, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** @return whether the transfer needs an approved review before signing */
    @Transactional(readOnly = true)
    public boolean required(String countyCode, long transferId) {
        return jdbc.sql("""
                select t.transferee_kind not in ('HOUSEHOLD', 'FAMILY_FARM')
                       and (""" + TRANSFEREE_AREA + """
                           ) > coalesce((select review_threshold_mu from land_rule where county_code = t.county_code), 100)
                from land_transfer t where t.id = :t and t.county_code = :c""")
                .param("t", transferId).param("c", countyCode).query(Boolean.class).optional()
                .orElseThrow(() -> new NotFoundException("流转", transferId));
    }

    /**
     * The area (亩) a transferee holds in the county during a transfer's term: this transfer and its other live
     * transfers overlapping the term, so that splitting a large transfer into small ones does not avoid the
     * thresholds of L09 and L10. SQL over a transfer aliased {@code t}.
     */
    static final String TRANSFEREE_AREA = """
            select coalesce(sum(tp.area_mu), 0) from land_transfer o join land_transfer_parcel tp on tp.transfer_id = o.id
            where o.county_code = t.county_code and o.transferee_name = t.transferee_name and tp.live
              and tp.period && daterange(t.start_date, t.end_date + 1)""";

    /**
     * @return the area in 亩 the transfer's transferee holds in the county during its term ({@link #TRANSFEREE_AREA})
     * @throws NotFoundException for an unknown transfer
     */
    @Transactional(readOnly = true)
    public java.math.BigDecimal transfereeArea(String countyCode, long transferId) {
        return jdbc.sql("select (" + TRANSFEREE_AREA + ") from land_transfer t where t.id = :t and t.county_code = :c")
                .param("t", transferId).param("c", countyCode).query(java.math.BigDecimal.class).optional()
                .orElseThrow(() -> new NotFoundException("流转", transferId));
    }

    /** @return the transfer's review (applied_on, due_on, documents, decision, reasons), or empty */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> of(long transferId) {
        return jdbc.sql("select applied_on, due_on, documents, decision, reasons, decided_on from land_review where transfer_id = :t")
                .param("t", transferId).query(org.ronghe.database.DateColumns.MAPPER).optional();
    }

    /**
     * Applies for the review.
     *
     * @throws InvalidInputException  naming {@code documents} when no document is listed
     * @throws Refusal 409 when no review is needed or one was applied for
     */
    @Transactional
    public void apply(String countyCode, long transferId, String documents, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        String docs = TextInput.line("documents", "申请材料", documents, 1000, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!required(countyCode, transferId)) {
            throw Refusal.conflict("该流转不需要审查（受让方为农户或家庭农场，或面积未超过本县标准）");
        }
        if (of(transferId).isPresent()) {
            throw Refusal.conflict("已提出审查申请");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = calendar.addWorkingDays(countyCode, today, DECISION_WORKING_DAYS);
        jdbc.sql("""
                insert into land_review (county_code, transfer_id, applied_on, due_on, documents) values (:c, :t, :a, :d, :docs)""")
                .param("c", countyCode).param("t", transferId).param("a", today).param("d", due).param("docs", docs).update();
        audit.record(countyCode, "LAND_REVIEW_APPLIED", "land_transfer", String.valueOf(transferId),
                "申请流转审查（L09），应于 " + due + " 前作出决定", null, Map.of("due", due.toString()));
    }

    /**
     * Decides the review.
     *
     * @throws InvalidInputException  naming {@code reasons} (required either way)
     * @throws Refusal 409 when there is no application or it was decided
     */
    @Transactional
    public void decide(String countyCode, long transferId, boolean approve, String reasons, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = TextInput.line("reasons", "审查意见及理由", reasons, 1000, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> r = of(transferId).orElseThrow(() -> Refusal.conflict("尚未提出审查申请"));
        if (r.get("decision") != null) {
            throw Refusal.conflict("审查已作出决定");
        }
        jdbc.sql("""
                update land_review set decision = :d, reasons = :r, decided_by = :by, decided_on = :on where transfer_id = :t""")
                .param("d", approve ? "APPROVED" : "REJECTED").param("r", why).param("by", by)
                .param("on", LocalDate.now(clock)).param("t", transferId).update();
        audit.record(countyCode, approve ? "LAND_REVIEW_APPROVED" : "LAND_REVIEW_REJECTED", "land_transfer",
                String.valueOf(transferId), (approve ? "流转审查通过：" : "流转审查不通过：") + why, null, Map.of("approve", approve));
    }

    /**
     * @throws Refusal 409 (L09) when the transfer needs a review that is not approved
     */
    void requireCleared(String countyCode, long transferId) {
        if (required(countyCode, transferId) && !of(transferId).map(r -> "APPROVED".equals(r.get("decision"))).orElse(false)) {
            throw Refusal.conflict("L09（《农村土地承包法》第45条、《农村土地经营权流转管理办法》第29条）：受让方为工商企业等组织且面积超过本县标准，"
                    + "须经审查同意后方可签订合同");
        }
    }

}
