package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.tenancy.WorkCalendar;
import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.department.Department;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 交办: sends filed proposals to handling units, separately (分办: each unit replies) or to a lead unit with
 * co-handlers (主办 + 会办). A unit signs for its assignment (签收) or returns it with a reason within the return
 * window (退回, counted in working days); when every unit has returned a proposal it is back with the office to
 * assign again. The due date is the assignment date plus the county's handling period (3 months by default); an
 * extension to at most the maximum period (6 months) needs a reason and must be made before the due date passes.
 */
@Service
public class AssignmentService {

    /** Assignment modes. */
    public enum Mode {
        /** 分办: every unit handles and replies itself. */
        SEPARATE,
        /** 主办 + 会办: the first unit leads and replies, the others send their opinion to it. */
        LEAD_AND_CO
    }

    private final JdbcClient jdbc;
    private final DepartmentDirectory departments;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final AuditTrail audit;

    AssignmentService(JdbcClient jdbc, DepartmentDirectory departments, WorkCalendar calendar, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.departments = departments;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * Assigns a filed proposal.
     *
     * @param countyCode 6-digit county code
     * @param proposalId the proposal
     * @param mode       separate, or lead and co-handlers
     * @param units      unit ids; for {@link Mode#LEAD_AND_CO} the first leads and at least one co-handler follows
     * @param today      the assignment date
     * @return ids of the new assignments
     * @throws InvalidInputException naming {@code units} when a unit is unknown, repeated or already holds it
     * @throws Refusal 409 if the proposal cannot be assigned in its state
     */
    @Transactional
    public List<Long> assign(String countyCode, long proposalId, Mode mode, List<Long> units, LocalDate today) {
        Map<String, Object> p = jdbc.sql("select id, status from proposal where id = :id and county_code = :c for update")
                .param("id", proposalId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("提案", proposalId));
        ProposalStatus.valueOf((String) p.get("status")).check(ProposalStatus.Action.ASSIGN);
        List<FieldProblem> problems = new ArrayList<>();
        if (mode == null) {
            problems.add(new FieldProblem("mode", "请选择交办方式：分办或主办+会办"));
        }
        Set<Long> unique = new LinkedHashSet<>(units == null ? List.of() : units);
        if (unique.size() > 30) {
            throw new InvalidInputException("units", "一次最多交办 30 个单位");
        }
        if (unique.isEmpty() || (units != null && unique.size() != units.size())) {
            problems.add(new FieldProblem("units", "请选择承办单位（不可重复）"));
        }
        List<Map<String, Object>> liveRows = jdbc.sql(
                "select department_id, mode from proposal_assignment where proposal_id = :p and state <> 'RETURNED'")
                .param("p", proposalId).query().listOfRows();
        boolean liveLead = liveRows.stream().anyMatch(r -> "LEAD".equals(r.get("mode")));
        boolean liveCo = liveRows.stream().anyMatch(r -> "CO_HANDLER".equals(r.get("mode")));
        if (mode == Mode.LEAD_AND_CO && unique.size() < (liveCo ? 1 : 2)) {
            problems.add(new FieldProblem("units", "主办+会办须有一个主办单位和至少一个会办单位"));
        }
        List<Department> chosen = new ArrayList<>();
        for (Long id : unique) {
            Department d = departments.find(id).filter(x -> x.countyCode().equals(countyCode) && x.active()).orElse(null);
            if (d == null) {
                problems.add(new FieldProblem("units", "承办单位 " + id + " 不存在或已停用"));
            } else if (!isHandlingUnit(d)) {
                problems.add(new FieldProblem("units", d.name() + " 不是承办单位（政协提案委、督查室、人大办不承办提案）"));
            } else {
                chosen.add(d);
            }
        }
        List<Long> live = liveRows.stream().map(r -> ((Number) r.get("department_id")).longValue()).toList();
        if (mode == Mode.LEAD_AND_CO && liveLead) {
            problems.add(new FieldProblem("mode", "已有主办单位在办，请按分办追加单位"));
        }
        if (mode == Mode.SEPARATE && (liveLead || liveCo)) {
            problems.add(new FieldProblem("mode", "该提案按主办+会办办理，请选择主办+会办"));
        }
        for (Department d : chosen) {
            if (live.contains(d.id())) {
                problems.add(new FieldProblem("units", "已交办给" + d.name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> rule = rule(countyCode);
        LocalDate due = today.plusMonths(((Number) rule.get("handling_months")).intValue());
        LocalDate returnBy = calendar.addWorkingDays(countyCode, today, ((Number) rule.get("return_working_days")).intValue());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            String role = mode == Mode.SEPARATE ? "SEPARATE" : i == 0 && !liveLead ? "LEAD" : "CO_HANDLER";
            ids.add(jdbc.sql("""
                    insert into proposal_assignment (county_code, proposal_id, department_id, mode, assigned_on,
                                                     return_deadline, due_date)
                    values (:c, :p, :d, :m, :on, :ret, :due) returning id""")
                    .param("c", countyCode).param("p", proposalId).param("d", chosen.get(i).id()).param("m", role)
                    .param("on", today).param("ret", returnBy).param("due", due).query(Long.class).single());
        }
        jdbc.sql("update proposal set status = 'ASSIGNED' where id = :id").param("id", proposalId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "ASSIGNED");
        after.put("mode", mode.name());
        after.put("units", chosen.stream().map(Department::name).toList());
        after.put("dueDate", due.toString());
        after.put("returnDeadline", returnBy.toString());
        audit.record(countyCode, "PROPOSAL_ASSIGNED", "proposal", String.valueOf(proposalId),
                (mode == Mode.SEPARATE ? "分办" : "主办+会办") + "交办：" + String.join("、",
                        chosen.stream().map(Department::name).toList()) + "，办理期限 " + due,
                Map.of("status", p.get("status")), after);
        return ids;
    }

    /**
     * 签收: the unit accepts its assignment.
     *
     * @param countyCode   6-digit county code
     * @param assignmentId the assignment
     * @param departmentId the signing user's unit; must be the assigned unit
     */
    @Transactional
    public void sign(String countyCode, long assignmentId, Long departmentId) {
        lockProposalOf(countyCode, assignmentId);
        Map<String, Object> a = ownAssignment(countyCode, assignmentId, departmentId);
        requireState(a, "PENDING", "签收");
        jdbc.sql("update proposal_assignment set state = 'SIGNED', signed_at = :now where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", assignmentId).update();
        audit.record(countyCode, "ASSIGNMENT_SIGNED", "proposal", String.valueOf(a.get("proposal_id")),
                departmentName(a) + " 签收", Map.of("state", "PENDING"), Map.of("state", "SIGNED"));
    }

    /**
     * 退回: the unit sends back an assignment it thinks belongs elsewhere, with a reason, within the return
     * window. When no unit is left holding the proposal, it is back with the office ({@code FILED}).
     *
     * @param countyCode   6-digit county code
     * @param assignmentId the assignment
     * @param departmentId the user's unit; must be the assigned unit
     * @param reason       why (required)
     * @param today        the day of the return
     */
    @Transactional
    public void giveBack(String countyCode, long assignmentId, Long departmentId, String reason, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String r = TextInput.line("reason", "退回理由", reason, 500, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        lockProposalOf(countyCode, assignmentId);
        Map<String, Object> a = ownAssignment(countyCode, assignmentId, departmentId);
        requireState(a, "PENDING", "退回");
        LocalDate deadline = date(a.get("return_deadline"));
        if (today.isAfter(deadline)) {
            throw HandlingProblems.conflict("退回须在 " + deadline + " 前提出（交办后 " + rule(countyCode).get("return_working_days")
                    + " 个工作日内），已逾期，请先签收后与提案委协商");
        }
        jdbc.sql("update proposal_assignment set state = 'RETURNED', returned_reason = :r where id = :id")
                .param("r", r).param("id", assignmentId).update();
        long proposalId = ((Number) a.get("proposal_id")).longValue();
        long live = jdbc.sql("select count(*) from proposal_assignment where proposal_id = :p and state <> 'RETURNED'")
                .param("p", proposalId).query(Long.class).single();
        if (live == 0) {
            jdbc.sql("update proposal set status = 'FILED' where id = :id").param("id", proposalId).update();
        }
        audit.record(countyCode, "ASSIGNMENT_RETURNED", "proposal", String.valueOf(proposalId),
                departmentName(a) + " 退回：" + r + (live == 0 ? "（待提案委重新交办）" : ""),
                Map.of("state", "PENDING"), Map.of("state", "RETURNED", "reason", r));
    }

    /**
     * 延期: moves an assignment's due date, with a reason, before the current due date has passed, to at most the
     * maximum period after assignment.
     *
     * @param countyCode   6-digit county code
     * @param assignmentId the assignment
     * @param newDue       the new due date
     * @param reason       why (required)
     * @param today        the day of the request
     */
    @Transactional
    public void extend(String countyCode, long assignmentId, LocalDate newDue, String reason, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String r = TextInput.line("reason", "延期理由", reason, 500, true, problems);
        if (newDue == null) {
            problems.add(new FieldProblem("dueDate", "请填写新的办理期限"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> a = jdbc.sql("""
                select a.*, d.name as department_name from proposal_assignment a join department d on d.id = a.department_id
                where a.id = :id and a.county_code = :c for update""")
                .param("id", assignmentId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("交办", assignmentId));
        if ("RETURNED".equals(a.get("state"))) {
            throw HandlingProblems.conflict("已退回的交办不能延期");
        }
        LocalDate due = date(a.get("due_date"));
        LocalDate max = date(a.get("assigned_on")).plusMonths(
                ((Number) rule(countyCode).get("max_extension_months")).intValue());
        if (today.isAfter(due)) {
            throw HandlingProblems.conflict("延期须在办理期限 " + due + " 届满前申请");
        }
        if (!newDue.isAfter(due) || newDue.isAfter(max)) {
            throw new InvalidInputException("dueDate", "新的办理期限应晚于 " + due + "，且不晚于 " + max + "（交办后最长 "
                    + rule(countyCode).get("max_extension_months") + " 个月）");
        }
        jdbc.sql("update proposal_assignment set due_date = :d, extension_reason = :r where id = :id")
                .param("d", newDue).param("r", r).param("id", assignmentId).update();
        audit.record(countyCode, "ASSIGNMENT_EXTENDED", "proposal", String.valueOf(a.get("proposal_id")),
                a.get("department_name") + " 办理期限延至 " + newDue + "：" + r,
                Map.of("dueDate", due.toString()), Map.of("dueDate", newDue.toString(), "reason", r));
    }

    /**
     * A unit's to-do list.
     *
     * @param countyCode   6-digit county code
     * @param departmentId the unit
     * @param today        today
     * @return rows with proposal, number, title, mode, state, dates and a {@code bucket}: 待签收, 待办理, 待会办 (a
     *         signed co-handling assignment whose opinion is not yet given; due {@code opinion_due}), 即将到期 (due
     *         within 15 days) or 已超期; co-handling assignments drop off once their opinion is given
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> todo(String countyCode, long departmentId, LocalDate today) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select a.id, a.proposal_id, p.number, p.title, a.mode, a.state, a.assigned_on, a.return_deadline, a.due_date,
                       cast(a.assigned_on + make_interval(months => coalesce(r.co_opinion_months, 1)) as date) as opinion_due
                from proposal_assignment a join proposal p on p.id = a.proposal_id
                left join proposal_rule r on r.county_code = a.county_code
                where a.county_code = :c and a.department_id = :d and a.state <> 'RETURNED' and p.status = 'ASSIGNED'
                  and not exists (select 1 from co_handler_opinion o where o.assignment_id = a.id)
                order by a.due_date, a.id""").param("c", countyCode).param("d", departmentId).query(org.ronghe.database.DateColumns.MAPPER).list();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            boolean coOpinion = "CO_HANDLER".equals(r.get("mode")) && "SIGNED".equals(r.get("state"));
            LocalDate due = date(r.get(coOpinion ? "opinion_due" : "due_date"));
            m.put("bucket", due.isBefore(today) ? "已超期" : coOpinion ? "待会办" : !due.isAfter(today.plusDays(15)) ? "即将到期"
                    : "PENDING".equals(r.get("state")) ? "待签收" : "待办理");
            out.add(m);
        }
        return out;
    }

    /** @return the assignments of a proposal, with unit names */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ofProposal(long proposalId) {
        return jdbc.sql("""
                select a.id, a.department_id, d.name as department_name, a.mode, a.state, a.assigned_on,
                       a.return_deadline, a.due_date, a.returned_reason, a.extension_reason
                from proposal_assignment a join department d on d.id = a.department_id
                where a.proposal_id = :p order by a.id""").param("p", proposalId).query().listOfRows()
                .stream().map(AssignmentService::localDates).toList();
    }

    /** Dates as {@code LocalDate} (JSON {@code yyyy-MM-dd}), not {@code java.sql.Date} (a timestamp in JSON). */
    static Map<String, Object> localDates(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>(row);
        m.replaceAll((k, v) -> v instanceof java.sql.Date d ? d.toLocalDate() : v);
        return m;
    }

    /**
     * Locks the proposal an assignment belongs to, first, as {@link #assign} does: every change to a proposal's
     * assignments is serialised, so a last return and a new assignment can never cross.
     */
    private void lockProposalOf(String countyCode, long assignmentId) {
        jdbc.sql("""
                select p.id from proposal p join proposal_assignment a on a.proposal_id = p.id
                where a.id = :a and a.county_code = :c for update of p""")
                .param("a", assignmentId).param("c", countyCode).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("交办", assignmentId));
    }

    /** Units that handle proposals: government departments and other organisations, not the offices. */
    static boolean isHandlingUnit(Department d) {
        return d.unitType() == org.ronghe.department.UnitType.GOVERNMENT_DEPARTMENT
                || d.unitType() == org.ronghe.department.UnitType.OTHER;
    }

    private Map<String, Object> ownAssignment(String countyCode, long assignmentId, Long departmentId) {
        Map<String, Object> a = jdbc.sql("""
                select a.*, d.name as department_name from proposal_assignment a join department d on d.id = a.department_id
                where a.id = :id and a.county_code = :c for update""")
                .param("id", assignmentId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("交办", assignmentId));
        if (departmentId == null || ((Number) a.get("department_id")).longValue() != departmentId) {
            throw Refusal.forbidden("只能签收或退回交办给本单位的提案");
        }
        return a;
    }

    private static void requireState(Map<String, Object> a, String state, String action) {
        if (!state.equals(a.get("state"))) {
            throw HandlingProblems.conflict("交办当前为“" + ("SIGNED".equals(a.get("state")) ? "已签收" : "已退回") + "”，不能" + action);
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static String departmentName(Map<String, Object> a) {
        return (String) a.get("department_name");
    }

    private Map<String, Object> rule(String countyCode) {
        return jdbc.sql("select * from proposal_rule where county_code = :c").param("c", countyCode).query()
                .listOfRows().stream().findFirst().orElse(Map.of("handling_months", 3, "max_extension_months", 6,
                        "return_working_days", 5, "feedback_working_days", 15, "rehandle_months", 1));
    }
}
