package org.ronghe.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One task as imported or exported: a row of the plan sheet.
 *
 * @param code           outline number: {@code 1} an area, {@code 1.2} a task under it, {@code 1.2.3} a sub-task
 * @param title          what is to be done
 * @param lead           the lead department's name (牵头单位), or {@code null} (areas may have none)
 * @param cooperators    cooperating departments' names (配合单位)
 * @param start          start date, or {@code null}
 * @param due            due date (完成时限), or {@code null}
 * @param weight         weight among its siblings for the parent's progress, &gt; 0 (default 1)
 * @param status         status (ignored for tasks with sub-tasks: computed)
 * @param progress       progress in %, 0–100 (ignored for tasks with sub-tasks: computed)
 * @param milestones     dated checkpoints
 */
public record TaskRow(String code, String title, String lead, List<String> cooperators, LocalDate start, LocalDate due,
                      BigDecimal weight, TaskStatus status, BigDecimal progress, List<Milestone> milestones) {

    /**
     * A dated checkpoint of a task (里程碑).
     *
     * @param due   the day it is due
     * @param title what is reached then
     */
    public record Milestone(LocalDate due, String title) {
    }
}
