package org.ronghe.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ronghe.indicator.IndicatorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county overview (督查看板): indicators against targets, each plan's areas with their progress, leaf tasks per
 * lead department by traffic light, the overdue and lagging tasks, and commitments per unit. Everything is computed
 * from the records on each request.
 */
@Service
public class Dashboard {

    /**
     * Leaf tasks of one department by light.
     *
     * @param department the lead department
     * @param red        overdue or 滞后
     * @param amber      last month's report missing
     * @param green      on track
     */
    public record DepartmentLights(String department, int red, int amber, int green) {
    }

    /**
     * Commitments of one unit.
     *
     * @param department the replying unit
     * @param open       still tracked
     * @param overdue    still tracked after their due date
     * @param done       closed
     */
    public record CommitmentCount(String department, int open, int overdue, int done) {
    }

    /**
     * Everything the dashboard shows.
     *
     * @param indicators  indicators with their readings
     * @param areas       top-level tasks of every plan
     * @param lights      leaf tasks per lead department by light
     * @param flagged      the most urgent overdue, lagging and unreported leaf tasks (at most {@value #FLAGGED_SHOWN})
     * @param flaggedTotal how many tasks are flagged in all (the supervision board lists them all)
     * @param commitments  commitments per unit
     */
    public record View(List<IndicatorService.Overview> indicators, List<PlanService.TaskNode> areas,
                       List<DepartmentLights> lights, List<PlanService.TaskNode> flagged, int flaggedTotal,
                       List<CommitmentCount> commitments) {
    }

    /** Flagged tasks shown on the dashboard; the rest are on the supervision board ({@code /tasks}). */
    public static final int FLAGGED_SHOWN = 50;

    private final PlanService plans;
    private final Commitments commitments;
    private final IndicatorService indicators;

    Dashboard(PlanService plans, Commitments commitments, IndicatorService indicators) {
        this.plans = plans;
        this.commitments = commitments;
        this.indicators = indicators;
    }

    /**
     * @param countyCode 6-digit county code
     * @param today      the day to judge deadlines by
     * @return the dashboard's figures
     */
    @Transactional(readOnly = true)
    public View view(String countyCode, LocalDate today) {
        List<PlanService.TaskNode> all = plans.allTasks(countyCode, today);
        List<PlanService.TaskNode> flagged = all.stream().filter(t -> t.leaf() && !"green".equals(t.light()))
                .sorted(java.util.Comparator.comparing((PlanService.TaskNode t) -> "red".equals(t.light()) ? 0 : 1)
                        .thenComparing(t -> t.due() == null ? LocalDate.MAX : t.due())).toList();
        Map<String, int[]> lights = new TreeMap<>();
        for (PlanService.TaskNode t : all) {
            if (t.leaf() && t.leadDepartment() != null) {
                int[] n = lights.computeIfAbsent(t.leadDepartment(), k -> new int[3]);
                n["red".equals(t.light()) ? 0 : "amber".equals(t.light()) ? 1 : 2]++;
            }
        }
        Map<String, int[]> promised = new TreeMap<>();
        for (Map<String, Object> c : commitments.list(countyCode, null, null, today)) {
            int[] n = promised.computeIfAbsent((String) c.get("department"), k -> new int[3]);
            if ("DONE".equals(c.get("status"))) {
                n[2]++;
            } else {
                n[0]++;
                if (Boolean.TRUE.equals(c.get("overdue"))) {
                    n[1]++;
                }
            }
        }
        return new View(indicators.overview(countyCode, false),
                all.stream().filter(t -> t.depth() == 1).toList(),
                lights.entrySet().stream().map(e -> new DepartmentLights(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2])).toList(),
                flagged.subList(0, Math.min(FLAGGED_SHOWN, flagged.size())), flagged.size(),
                promised.entrySet().stream().map(e -> new CommitmentCount(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2])).toList());
    }
}
