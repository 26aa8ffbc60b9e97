package org.ronghe.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * Task plans and their tasks: import (all or nothing), the tree with computed progress, progress reports by the lead
 * department, and the flags the supervision office chases (已逾期, 上月未报送).
 *
 * <p>Rules: a task with sub-tasks takes its progress from them, Σ(weight × progress) ÷ Σ weight (weights default
 * to 1), and its status from theirs (all 已完成 → 已完成; any 滞后 or overdue → 滞后; all 未开始 → 未开始; all 暂缓 →
 * 暂缓; otherwise 推进中). Only tasks without sub-tasks are reported on. A task is overdue (已逾期) when its due date
 * has passed and it is neither 已完成 nor 暂缓. Reports are monthly: a task that was active last month and has no
 * report for it is 上月未报送 (the plan existed before this month began).
 */
@Service
public class PlanService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * A plan in the list.
     *
     * @param id       the plan
     * @param title    its title
     * @param year     the year it covers
     * @param tasks    number of tasks (all levels)
     * @param progress overall progress in %, two decimals
     * @param overdue  overdue tasks
     * @param missed   tasks without last month's report
     */
    public record PlanSummary(long id, String title, int year, int tasks, BigDecimal progress, int overdue, int missed) {
    }

    /**
     * One task of a tree, with what is computed for it.
     *
     * @param id                the task
     * @param planId            its plan
     * @param planTitle         its plan's title
     * @param code              outline number, e.g. {@code 1.2}
     * @param depth             1 for an area, 2 for a task, 3 for a sub-task …
     * @param title             what is to be done
     * @param leadDepartmentId  牵头单位, or {@code null}
     * @param leadDepartment    its name, or {@code null}
     * @param cooperators       配合单位 names
     * @param start             start date, or {@code null}
     * @param due               due date, or {@code null}
     * @param weight            weight among siblings
     * @param status            reported (leaf) or computed (parent) status
     * @param progress          reported (leaf) or computed (parent) progress in %, two decimals
     * @param leaf              whether it has no sub-tasks (only these are reported on)
     * @param overdue           已逾期
     * @param reportMissed      上月未报送
     * @param milestones        dated checkpoints
     * @param light             the board's traffic light: red (overdue or 滞后), amber (report missing), green
     */
    public record TaskNode(long id, long planId, String planTitle, String code, int depth, String title,
                           Long leadDepartmentId, String leadDepartment, List<String> cooperators, LocalDate start,
                           LocalDate due, BigDecimal weight, TaskStatus status, BigDecimal progress, boolean leaf,
                           boolean overdue, boolean reportMissed, List<TaskRow.Milestone> milestones, String light) {
    }

    /**
     * A progress report as filed.
     *
     * @param progress progress in %, 0–100, at most two decimals
     * @param status   the task's status now (已完成 needs 100 %, 100 % is 已完成, 未开始 is 0 %)
     * @param text     what was done (required, up to 4,000 characters)
     * @param problems problems met, or blank (up to 2,000 characters)
     * @param evidence 佐证材料: up to {@value #MAX_EVIDENCE} files of at most 10 MB each (PDF, JPEG, PNG, Word, Excel)
     */
    public record ProgressInput(BigDecimal progress, String status, String text, String problems, List<Evidence> evidence) {

        /** A report without attached files. */
        public ProgressInput(BigDecimal progress, String status, String text, String problems) {
            this(progress, status, text, problems, List.of());
        }
    }

    /**
     * A file attached to a progress report.
     *
     * @param filename its name as uploaded
     * @param content  its bytes
     */
    public record Evidence(String filename, byte[] content) {
    }

    /** Most files one report may carry. */
    public static final int MAX_EVIDENCE = 5;

    /** Largest file, in bytes (10 MB). */
    public static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

    /** Accepted file kinds by extension, with the content type they are served as. */
    private static final Map<String, String> EVIDENCE_TYPES = Map.of("pdf", "application/pdf", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "png", "image/png",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final JdbcClient jdbc;
    private final DepartmentDirectory departments;
    private final AuditTrail audit;
    private final Clock clock;

    PlanService(JdbcClient jdbc, DepartmentDirectory departments, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.departments = departments;
        this.audit = audit;
    }

    /**
     * @param countyCode 6-digit county code
     * @param today      the day to judge deadlines by (China time)
     * @return the county's plans, newest year first
     */
    @Transactional(readOnly = true)
    public List<PlanSummary> plans(String countyCode, LocalDate today) {
        List<Map<String, Object>> plans = jdbc.sql("select id, title, year from plan where county_code = :c order by year desc, id desc")
                .param("c", countyCode).query().listOfRows();
        Map<Long, List<TaskNode>> byPlan = new HashMap<>();
        for (TaskNode t : allTasks(countyCode, today)) {
            byPlan.computeIfAbsent(t.planId(), k -> new ArrayList<>()).add(t);
        }
        List<PlanSummary> out = new ArrayList<>();
        for (Map<String, Object> p : plans) {
            long id = ((Number) p.get("id")).longValue();
            List<TaskNode> tree = byPlan.getOrDefault(id, List.of());
            out.add(new PlanSummary(id, (String) p.get("title"), ((Number) p.get("year")).intValue(), tree.size(),
                    overall(tree), (int) tree.stream().filter(TaskNode::overdue).count(),
                    (int) tree.stream().filter(TaskNode::reportMissed).count()));
        }
        return out;
    }

    /** @return the weighted progress of the plan's top-level tasks */
    private static BigDecimal overall(List<TaskNode> tree) {
        List<TaskNode> top = tree.stream().filter(t -> t.depth() == 1).toList();
        return weighted(top.stream().map(t -> new BigDecimal[] {t.weight(), t.progress()}).toList());
    }

    /**
     * @param countyCode 6-digit county code
     * @param planId     the plan
     * @param today      the day to judge deadlines by
     * @return its tasks in outline order, with computed figures
     * @throws NotFoundException if there is no such plan in the county
     */
    @Transactional(readOnly = true)
    public List<TaskNode> tree(String countyCode, long planId, LocalDate today) {
        requirePlan(countyCode, planId);
        return nodes(countyCode, "t.plan_id = :id", Map.of("id", planId), today);
    }

    /**
     * @param countyCode 6-digit county code
     * @param planId     the plan
     * @return its title and year
     * @throws NotFoundException if there is no such plan in the county
     */
    @Transactional(readOnly = true)
    public Map<String, Object> plan(String countyCode, long planId) {
        return requirePlan(countyCode, planId);
    }

    private Map<String, Object> requirePlan(String countyCode, long planId) {
        return jdbc.sql("select id, title, year, created_at from plan where id = :id and county_code = :c")
                .param("id", planId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("任务计划", planId));
    }

    /**
     * @param countyCode 6-digit county code
     * @param taskId     a task
     * @param today      the day to judge deadlines by
     * @return the task with computed figures
     * @throws NotFoundException if there is no such task in the county
     */
    @Transactional(readOnly = true)
    public TaskNode task(String countyCode, long taskId, LocalDate today) {
        Long planId = jdbc.sql("select plan_id from plan_task where id = :id and county_code = :c").param("id", taskId)
                .param("c", countyCode).query(Long.class).optional().orElseThrow(() -> new NotFoundException("任务", taskId));
        return tree(countyCode, planId, today).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
    }

    /**
     * @param countyCode   6-digit county code
     * @param departmentId only tasks this unit leads, or {@code null} for every flagged task of the county
     * @param today        the day to judge deadlines by
     * @return the unit's reportable tasks (or, county-wide, those overdue, 滞后 or without last month's report),
     *         most urgent first
     */
    @Transactional(readOnly = true)
    public List<TaskNode> board(String countyCode, Long departmentId, LocalDate today) {
        List<TaskNode> out = new ArrayList<>();
        for (TaskNode t : allTasks(countyCode, today)) {
            boolean mine = departmentId != null && departmentId.equals(t.leadDepartmentId()) && t.leaf();
            boolean flagged = departmentId == null && t.leaf() && !"green".equals(t.light());
            if (mine || flagged) {
                out.add(t);
            }
        }
        out.sort(java.util.Comparator.comparing((TaskNode t) -> switch (t.light()) {
            case "red" -> 0;
            case "amber" -> 1;
            default -> 2;
        }).thenComparing(t -> t.due() == null ? LocalDate.MAX : t.due()));
        return out;
    }

    /**
     * @param countyCode 6-digit county code
     * @param today      the day to judge deadlines by
     * @return every task of every plan of the county, plan by plan in outline order, with computed figures
     */
    @Transactional(readOnly = true)
    public List<TaskNode> allTasks(String countyCode, LocalDate today) {
        return nodes(countyCode, "true", Map.of(), today);
    }

    private List<TaskNode> nodes(String countyCode, String where, Map<String, Object> params, LocalDate today) {
        // cooperators, milestones and last month's reports are gathered once per query, not once per task
        List<Map<String, Object>> rows = jdbc.sql("""
                with t as (select t.* from plan_task t where t.county_code = :c and\s""" + where + """
                ),
                co as (select c.task_id, string_agg(cd.name, '、' order by cd.id) as cooperators
                       from plan_task_cooperator c join department cd on cd.id = c.department_id
                       where c.task_id in (select id from t) group by c.task_id),
                ms as (select m.task_id, string_agg(to_char(m.due_date, 'YYYY-MM-DD') || ' ' || m.title, '；'
                                                    order by m.due_date, m.id) as milestones
                       from plan_milestone m where m.task_id in (select id from t) group by m.task_id),
                rep as (select distinct r.task_id from progress_report r
                        where r.period = :last and r.task_id in (select id from t))
                select t.id, t.plan_id, pl.title as plan_title, pl.created_at, t.parent_id, t.code, t.title,
                       t.lead_department_id, d.name as lead_name, t.start_date, t.due_date, t.weight, t.status,
                       t.progress, co.cooperators, ms.milestones, (rep.task_id is not null) as reported_last
                from t join plan pl on pl.id = t.plan_id left join department d on d.id = t.lead_department_id
                left join co on co.task_id = t.id left join ms on ms.task_id = t.id left join rep on rep.task_id = t.id
                order by t.plan_id, t.seq""")
                .param("c", countyCode).param("last", YearMonth.from(today).minusMonths(1).toString()).params(params)
                .query().listOfRows();
        Map<Long, List<Map<String, Object>>> children = new HashMap<>();
        for (Map<String, Object> r : rows) {
            Object parent = r.get("parent_id");
            if (parent != null) {
                children.computeIfAbsent(((Number) parent).longValue(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<Long, BigDecimal> progress = new HashMap<>();
        Map<Long, TaskStatus> status = new HashMap<>();
        Map<Long, Boolean> overdue = new HashMap<>();
        LocalDate monthStart = today.withDayOfMonth(1);
        // rows come parent first (outline order), so walk them backwards: children are done before their parent
        for (int i = rows.size() - 1; i >= 0; i--) {
            Map<String, Object> r = rows.get(i);
            long id = ((Number) r.get("id")).longValue();
            List<Map<String, Object>> kids = children.getOrDefault(id, List.of());
            LocalDate due = date(r.get("due_date"));
            if (kids.isEmpty()) {
                TaskStatus s = TaskStatus.valueOf((String) r.get("status"));
                progress.put(id, ((BigDecimal) r.get("progress")).setScale(2, RoundingMode.HALF_UP));
                status.put(id, s);
                overdue.put(id, due != null && due.isBefore(today) && s != TaskStatus.DONE && s != TaskStatus.SUSPENDED);
            } else {
                progress.put(id, weighted(kids.stream().map(k -> new BigDecimal[] {(BigDecimal) k.get("weight"),
                        progress.get(((Number) k.get("id")).longValue())}).toList()));
                List<TaskStatus> ks = kids.stream().map(k -> status.get(((Number) k.get("id")).longValue())).toList();
                boolean anyLate = kids.stream().anyMatch(k -> overdue.get(((Number) k.get("id")).longValue()));
                TaskStatus s = ks.stream().allMatch(x -> x == TaskStatus.DONE) ? TaskStatus.DONE
                        : anyLate || ks.contains(TaskStatus.LAGGING) ? TaskStatus.LAGGING
                        : ks.stream().allMatch(x -> x == TaskStatus.NOT_STARTED) ? TaskStatus.NOT_STARTED
                        : ks.stream().allMatch(x -> x == TaskStatus.SUSPENDED) ? TaskStatus.SUSPENDED
                        : TaskStatus.IN_PROGRESS;
                status.put(id, s);
                overdue.put(id, due != null && due.isBefore(today) && s != TaskStatus.DONE && s != TaskStatus.SUSPENDED);
            }
        }
        List<TaskNode> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            long id = ((Number) r.get("id")).longValue();
            boolean leaf = !children.containsKey(id);
            TaskStatus s = status.get(id);
            LocalDate start = date(r.get("start_date"));
            LocalDate created = ((java.sql.Timestamp) r.get("created_at")).toInstant()
                    .atZone(clock.getZone()).toLocalDate();
            boolean missed = leaf && s != TaskStatus.DONE && s != TaskStatus.SUSPENDED && created.isBefore(monthStart)
                    && (start == null || start.isBefore(monthStart)) && !(Boolean) r.get("reported_last");
            String code = (String) r.get("code");
            out.add(new TaskNode(id, ((Number) r.get("plan_id")).longValue(), (String) r.get("plan_title"), code,
                    code.split("\\.").length, (String) r.get("title"),
                    r.get("lead_department_id") == null ? null : ((Number) r.get("lead_department_id")).longValue(),
                    (String) r.get("lead_name"), split((String) r.get("cooperators"), "、"), start, date(r.get("due_date")),
                    plain((BigDecimal) r.get("weight")), s, progress.get(id), leaf, overdue.get(id), missed,
                    milestones((String) r.get("milestones")),
                    overdue.get(id) || s == TaskStatus.LAGGING ? "red" : missed ? "amber" : "green"));
        }
        return out;
    }

    private static BigDecimal weighted(List<BigDecimal[]> weightAndProgress) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (BigDecimal[] wp : weightAndProgress) {
            sum = sum.add(wp[0].multiply(wp[1]));
            weights = weights.add(wp[0]);
        }
        return weights.signum() == 0 ? BigDecimal.ZERO.setScale(2) : sum.divide(weights, 2, RoundingMode.HALF_UP);
    }

    /** @return the number without trailing zeros and never in exponent form (100, not 1E+2) */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static List<String> split(String s, String sep) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(sep));
    }

    private static List<TaskRow.Milestone> milestones(String s) {
        return split(s, "；").stream().map(m -> new TaskRow.Milestone(LocalDate.parse(m.substring(0, 10)),
                m.substring(11))).toList();
    }

    private static LocalDate date(Object v) {
        return v == null ? null : v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    /**
     * Imports a whole plan. Every row is checked first; if any is wrong nothing is stored.
     *
     * @param countyCode 6-digit county code
     * @param title      the plan's title, unique in the county (up to 200 characters)
     * @param year       the year it covers, 2000–2100
     * @param lines      the sheet's rows ({@link PlanWorkbook#read})
     * @param by         who imports it
     * @return the new plan's id
     * @throws InvalidInputException naming {@code title}, {@code year}, or each bad cell ({@code C5}: row and column)
     */
    @Transactional
    public long importPlan(String countyCode, String title, String year, List<PlanWorkbook.Line> lines, String by) {
        return importPlan(countyCode, title, year, new PlanWorkbook.Parsed(lines, List.of()), by);
    }

    /**
     * Imports a whole plan as read by {@link PlanWorkbook#parse}: the cells' problems and the plan's (names, tree,
     * dates) are reported together, and nothing is stored if there is any.
     *
     * @throws InvalidInputException naming {@code title}, {@code year}, or each bad cell
     */
    @Transactional
    public long importPlan(String countyCode, String title, String year, PlanWorkbook.Parsed parsed, String by) {
        List<PlanWorkbook.Line> lines = parsed.lines();
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        String t = TextInput.line("title", "计划名称", title, 200, true, problems);
        int y = 0;
        if (year == null || !year.strip().matches("\\d{4}") || Integer.parseInt(year.strip()) < 2000
                || Integer.parseInt(year.strip()) > 2100) {
            problems.add(new FieldProblem("year", "年度应为 2000 到 2100 之间的四位年份"));
        } else {
            y = Integer.parseInt(year.strip());
        }
        if (problems.isEmpty() && jdbc.sql("select count(*) from plan where county_code = :c and title = :t")
                .param("c", countyCode).param("t", t).query(Long.class).single() > 0) {
            problems.add(new FieldProblem("title", "已有同名的任务计划：" + t));
        }
        Set<String> codes = new HashSet<>();
        Set<String> parents = new HashSet<>();
        for (PlanWorkbook.Line l : lines) {
            String code = l.task().code();
            if (code.isEmpty()) {
                continue; // reported with the cell's problems
            }
            if (!code.matches("[1-9]\\d{0,2}(\\.[1-9]\\d{0,2}){0,4}")) {
                problems.add(cell(0, l.row(), "编号应写作 1、1.2 或 1.2.3（最多五级）：" + code));
                continue;
            }
            if (!codes.add(code) && !code.isEmpty()) {
                problems.add(cell(0, l.row(), "编号重复：" + code));
            }
            int dot = code.lastIndexOf('.');
            if (dot > 0) {
                String parent = code.substring(0, dot);
                if (!codes.contains(parent)) {
                    problems.add(cell(0, l.row(), "上级任务 " + parent + " 应在本行之前"));
                }
                parents.add(parent);
            }
        }
        Map<Integer, Long> leads = new HashMap<>();
        Map<Integer, List<Long>> cooperators = new HashMap<>();
        for (PlanWorkbook.Line l : lines) {
            TaskRow task = l.task();
            boolean leaf = !parents.contains(task.code());
            if (task.lead() == null) {
                if (leaf) {
                    problems.add(cell(2, l.row(), "没有下级任务的任务须有牵头单位"));
                }
            } else {
                Optional<Department> d = departments.resolve(countyCode, task.lead());
                if (d.isEmpty()) {
                    problems.add(cell(2, l.row(), "没有名为“" + task.lead() + "”的单位"));
                } else {
                    leads.put(l.row(), d.get().id());
                }
            }
            List<Long> co = new ArrayList<>();
            for (String name : task.cooperators()) {
                Optional<Department> d = departments.resolve(countyCode, name);
                if (d.isEmpty()) {
                    problems.add(cell(3, l.row(), "没有名为“" + name + "”的单位"));
                } else if (!co.contains(d.get().id()) && !Long.valueOf(d.get().id()).equals(leads.get(l.row()))) {
                    co.add(d.get().id());
                }
            }
            cooperators.put(l.row(), co);
            if (task.start() != null && task.due() != null && task.due().isBefore(task.start())) {
                problems.add(cell(5, l.row(), "完成时限 " + task.due() + " 早于开始日期 " + task.start()));
            }
            if (leaf && task.status() == TaskStatus.DONE && task.progress().compareTo(HUNDRED) != 0) {
                problems.add(cell(8, l.row(), "状态为已完成时进度应为 100"));
            }
            if (task.weight().scale() > 2 && task.weight().stripTrailingZeros().scale() > 2
                    || task.weight().compareTo(BigDecimal.valueOf(9999)) > 0) {
                problems.add(cell(6, l.row(), "权重最多两位小数，不超过 9999"));
            }
            if (task.progress().stripTrailingZeros().scale() > 2) {
                problems.add(cell(8, l.row(), "进度最多两位小数"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long planId = jdbc.sql("""
                        insert into plan (county_code, title, year, created_by, created_at)
                        values (:c, :t, :y, :by, :now) returning id""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("t", t).param("y", y).param("by", by).query(Long.class).single();
        Map<String, Long> ids = new HashMap<>();
        int seq = 0;
        for (PlanWorkbook.Line l : lines) {
            TaskRow task = l.task();
            int dot = task.code().lastIndexOf('.');
            Long parent = dot > 0 ? ids.get(task.code().substring(0, dot)) : null;
            long id = jdbc.sql("""
                    insert into plan_task (county_code, plan_id, parent_id, code, seq, title, lead_department_id,
                                           start_date, due_date, weight, status, progress)
                    values (:c, :p, :parent, :code, :seq, :title, :lead, :start, :due, :w, :s, :pr) returning id""")
                    .param("c", countyCode).param("p", planId).param("parent", parent).param("code", task.code())
                    .param("seq", seq++).param("title", task.title()).param("lead", leads.get(l.row()))
                    .param("start", task.start()).param("due", task.due()).param("w", task.weight())
                    .param("s", task.status().name()).param("pr", task.progress()).query(Long.class).single();
            ids.put(task.code(), id);
            for (long co : cooperators.get(l.row())) {
                jdbc.sql("insert into plan_task_cooperator (task_id, department_id, county_code) values (:t, :d, :c)")
                        .param("t", id).param("d", co).param("c", countyCode).update();
            }
            for (TaskRow.Milestone m : task.milestones()) {
                jdbc.sql("insert into plan_milestone (county_code, task_id, due_date, title) values (:c, :t, :d, :title)")
                        .param("c", countyCode).param("t", id).param("d", m.due())
                        .param("title", m.title().length() > 200 ? m.title().substring(0, 200) : m.title()).update();
            }
        }
        audit.record(countyCode, "PLAN_IMPORTED", "plan", String.valueOf(planId),
                "导入任务计划《" + t + "》（" + lines.size() + " 项任务）", null, Map.of("title", t, "year", y, "tasks", lines.size()));
        return planId;
    }

    private static FieldProblem cell(int column, int row, String message) {
        return new FieldProblem(PlanWorkbook.ref(column, row),
                "第" + row + "行 " + (char) ('A' + column) + "列（" + PlanWorkbook.HEADERS.get(column) + "）：" + message);
    }

    /**
     * @param countyCode 6-digit county code
     * @param planId     the plan
     * @param today      the day computed figures are taken on
     * @return the plan as a workbook in the import layout ({@link PlanWorkbook})
     * @throws NotFoundException if there is no such plan in the county
     */
    @Transactional(readOnly = true)
    public byte[] export(String countyCode, long planId, LocalDate today) {
        return PlanWorkbook.write(rows(countyCode, planId, today));
    }

    /**
     * @return the plan's tasks as sheet rows (what {@link #export} writes)
     */
    @Transactional(readOnly = true)
    public List<TaskRow> rows(String countyCode, long planId, LocalDate today) {
        return tree(countyCode, planId, today).stream().map(n -> new TaskRow(n.code(), n.title(), n.leadDepartment(),
                n.cooperators(), n.start(), n.due(), n.weight(), n.status(), plain(n.progress()),
                n.milestones())).toList();
    }

    /**
     * @param taskId a task
     * @return its progress reports, newest first
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> reports(long taskId) {
        return jdbc.sql("""
                select r.id, r.period, r.progress, r.status, r.text, r.problems, coalesce(u.display_name, r.reported_by) as reporter,
                       to_char(r.reported_at, 'YYYY-MM-DD HH24:MI') as reported
                from progress_report r left join app_user u on u.username = r.reported_by
                where r.task_id = :t order by r.id desc""").param("t", taskId).query().listOfRows().stream()
                .map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>(m);
                    row.put("statusLabel", TaskStatus.valueOf((String) m.get("status")).label());
                    row.put("evidence", jdbc.sql("""
                            select id, filename, size_bytes from progress_evidence where report_id = :r order by id""")
                            .param("r", m.get("id")).query().listOfRows());
                    return row;
                }).toList();
    }

    /**
     * Files the lead department's progress report on a task for the current month and takes its progress and
     * status over.
     *
     * @param countyCode   6-digit county code
     * @param taskId       a task without sub-tasks
     * @param departmentId the reporting user's unit
     * @param input        the report
     * @param by           the reporting account
     * @param today        the day of the report (its month is the report's period)
     * @throws InvalidInputException  naming {@code progress}, {@code status}, {@code text} or {@code problems}
     * @throws NotFoundException      if there is no such task in the county
     * @throws Refusal 403 if the user's unit does not lead the task; 409 for a task with sub-tasks
     */
    @Transactional
    public void report(String countyCode, long taskId, Long departmentId, ProgressInput input, String by, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal progress = input.progress();
        if (progress == null) {
            problems.add(new FieldProblem("progress", "请填写进度（0 到 100）"));
        } else if (progress.signum() < 0 || progress.compareTo(HUNDRED) > 0) {
            problems.add(new FieldProblem("progress", "进度应在 0 到 100 之间"));
        } else if (progress.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("progress", "进度最多两位小数"));
        }
        TaskStatus status = TaskStatus.parse(input.status()).orElse(null);
        if (status == null) {
            problems.add(new FieldProblem("status", "状态应为 未开始、推进中、已完成、滞后 或 暂缓"));
        } else if (progress != null && (status == TaskStatus.DONE) != (progress.compareTo(HUNDRED) == 0)) {
            problems.add(new FieldProblem("status", status == TaskStatus.DONE ? "标记为已完成时进度应为 100"
                    : "进度为 100 时状态应为已完成"));
        } else if (progress != null && status == TaskStatus.NOT_STARTED && progress.signum() != 0) {
            problems.add(new FieldProblem("status", "进度大于 0 时状态不能是未开始"));
        }
        String text = input.text() == null ? "" : input.text().replace("\r\n", "\n").strip();
        TextInput.line("text", "进展情况", text.replaceAll("\\R", " "), 4000, true, problems);
        String issues = input.problems() == null ? "" : input.problems().replace("\r\n", "\n").strip();
        TextInput.line("problems", "存在问题", issues.replaceAll("\\R", " "), 2000, false, problems);
        List<Evidence> files = input.evidence() == null ? List.of()
                : input.evidence().stream().filter(e -> e.content() != null && e.content().length > 0).toList();
        if (files.size() > MAX_EVIDENCE) {
            problems.add(new FieldProblem("evidence", "佐证材料最多 " + MAX_EVIDENCE + " 个文件"));
        }
        for (Evidence e : files) {
            String name = e.filename() == null ? "" : e.filename().strip();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
            if (!EVIDENCE_TYPES.containsKey(ext) || name.codePointCount(0, name.length()) > 200) {
                problems.add(new FieldProblem("evidence", "佐证材料“" + name + "”应为 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件，文件名不超过 200 字"));
            } else if (e.content().length > MAX_EVIDENCE_BYTES) {
                problems.add(new FieldProblem("evidence", "佐证材料“" + name + "”超过 10 MB"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> task = jdbc.sql("""
                select id, lead_department_id, progress, status, title,
                       exists (select 1 from plan_task k where k.parent_id = t.id) as has_children
                from plan_task t where id = :id and county_code = :c for update""")
                .param("id", taskId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("任务", taskId));
        if ((Boolean) task.get("has_children")) {
            throw Refusal.conflict("有下级任务的任务，进度由下级任务汇总，请对下级任务报送进展");
        }
        Object lead = task.get("lead_department_id");
        if (departmentId == null || lead == null || ((Number) lead).longValue() != departmentId) {
            throw Refusal.forbidden("只有牵头单位可以报送该任务的进展");
        }
        long reportId = jdbc.sql("""
                insert into progress_report (county_code, task_id, period, progress, status, text, problems, reported_by,
                                             reported_at)
                values (:c, :t, :p, :pr, :s, :text, :problems, :by, :now) returning id""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("t", taskId).param("p", YearMonth.from(today).toString())
                .param("pr", progress).param("s", status.name()).param("text", text)
                .param("problems", issues.isEmpty() ? null : issues).param("by", by).query(Long.class).single();
        for (Evidence e : files) {
            String name = e.filename().strip();
            jdbc.sql("""
                    insert into progress_evidence (county_code, report_id, filename, content_type, size_bytes, sha256, content)
                    values (:c, :r, :n, :t, :s, :h, :b)""")
                    .param("c", countyCode).param("r", reportId).param("n", name)
                    .param("t", EVIDENCE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase()))
                    .param("s", e.content().length).param("h", sha256(e.content())).param("b", e.content()).update();
        }
        jdbc.sql("update plan_task set progress = :p, status = :s, version = version + 1 where id = :id")
                .param("p", progress).param("s", status.name()).param("id", taskId).update();
        audit.record(countyCode, "TASK_REPORTED", "plan_task", String.valueOf(taskId),
                "报送进展：" + task.get("title") + "（" + progress.stripTrailingZeros().toPlainString() + "%，" + status.label() + "）",
                Map.of("progress", task.get("progress"), "status", task.get("status")),
                Map.of("progress", progress, "status", status.name(), "text", text, "evidence",
                        files.stream().map(Evidence::filename).toList()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An evidence file.
     *
     * @param filename     its name
     * @param contentType  its content type
     * @param content      its bytes
     */
    public record EvidenceFile(String filename, String contentType, byte[] content) {
    }

    /**
     * @param countyCode 6-digit county code
     * @param id         an evidence file
     * @return the file
     * @throws NotFoundException if there is no such file in the county
     */
    @Transactional(readOnly = true)
    public EvidenceFile evidence(String countyCode, long id) {
        return jdbc.sql("select filename, content_type, content from progress_evidence where id = :id and county_code = :c")
                .param("id", id).param("c", countyCode)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("佐证材料", id));
    }

}
