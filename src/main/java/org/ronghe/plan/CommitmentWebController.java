package org.ronghe.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.ronghe.account.CurrentUser;
import org.ronghe.account.Role;
import org.ronghe.problem.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commitment pages: {@code /commitments} (a unit's own, or the county's with a count per unit),
 * {@code /commitments/{id}} (reports, due date, link to a task) and the fragment the proposal page loads
 * ({@code /proposals/{id}/commitments}).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class CommitmentWebController {

    private final Commitments commitments;
    private final Clock clock;
    private final PlanService plans;

    CommitmentWebController(Commitments commitments, PlanService plans, Clock clock) {
        this.clock = clock;
        this.commitments = commitments;
        this.plans = plans;
    }

    /** Unit staff see their own unit's commitments only; county-wide roles see all. */
    private static Long scope(CurrentUser user) {
        return user.role() == Role.UNIT_STAFF ? (user.departmentId() == null ? -1L : user.departmentId()) : null;
    }

    @GetMapping("/commitments")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        var rows = commitments.list(user.countyCode(), scope(user), null, LocalDate.now(clock));
        model.addAttribute("rows", rows);
        java.util.Map<String, long[]> byUnit = new java.util.TreeMap<>();
        for (var r : rows) {
            long[] n = byUnit.computeIfAbsent((String) r.get("department"), k -> new long[3]);
            n[0]++;
            if ("DONE".equals(r.get("status"))) {
                n[1]++;
            } else if (Boolean.TRUE.equals(r.get("overdue"))) {
                n[2]++;
            }
        }
        model.addAttribute("byUnit", byUnit);
        return "plan/commitments";
    }

    @GetMapping("/proposals/{id}/commitments")
    String ofProposal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("rows", commitments.list(user.countyCode(), scope(user), id, LocalDate.now(clock)));
        return "plan/commitment-rows :: rows";
    }

    @GetMapping("/commitments/{id}")
    String one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var c = commitments.one(user.countyCode(), id, LocalDate.now(clock));
        Long scope = scope(user);
        if (scope != null && !scope.equals(((Number) c.get("department_id")).longValue())) {
            throw new org.ronghe.problem.NotFoundException("承诺事项", id);
        }
        model.addAttribute("c", c);
        model.addAttribute("reports", commitments.reports(id));
        boolean owner = user.departmentId() != null && user.departmentId().equals(((Number) c.get("department_id")).longValue());
        model.addAttribute("canReport", owner && "OPEN".equals(c.get("status")));
        model.addAttribute("canReschedule", owner || overseer(user));
        model.addAttribute("canLink", overseer(user));
        if (overseer(user)) {
            model.addAttribute("tasks", allTasks(user));
        }
        return "plan/commitment";
    }

    private java.util.List<PlanService.TaskNode> allTasks(CurrentUser user) {
        java.util.List<PlanService.TaskNode> all = new java.util.ArrayList<>();
        for (PlanService.PlanSummary p : plans.plans(user.countyCode(), LocalDate.now(clock))) {
            all.addAll(plans.tree(user.countyCode(), p.id(), LocalDate.now(clock)));
        }
        return all;
    }

    @PostMapping("/commitments/{id}/reports")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String progress, @RequestParam(defaultValue = "") String text,
                  RedirectAttributes redirect) {
        return act(id, redirect, "已报告落实情况", () -> {
            if (!progress.strip().matches("\\d{1,3}(\\.\\d{1,2})?")) {
                throw new InvalidInputException("progress", "进度应为 0 到 100 之间的数字（最多两位小数）");
            }
            BigDecimal p = new BigDecimal(progress.strip());
            commitments.report(user.countyCode(), id, user.departmentId(), p, text, user.username());
        });
    }

    @PostMapping("/commitments/{id}/due")
    String reschedule(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @RequestParam(defaultValue = "") String due, RedirectAttributes redirect) {
        return act(id, redirect, "完成时限已调整",
                () -> commitments.reschedule(user.countyCode(), id, due, user.departmentId(), overseer(user)));
    }

    @PostMapping("/commitments/{id}/task")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    String link(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(defaultValue = "") String task, RedirectAttributes redirect) {
        return act(id, redirect, "已更新关联任务", () -> {
            Long t;
            try {
                t = task.isBlank() ? null : Long.valueOf(task.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("task", "请选择任务");
            }
            commitments.link(user.countyCode(), id, t);
        });
    }

    private static String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        org.ronghe.problem.FormOutcome.attempt(redirect, done, "未保存", action);
        return "redirect:/commitments/" + id;
    }

    static boolean overseer(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.SUPERVISION;
    }
}
