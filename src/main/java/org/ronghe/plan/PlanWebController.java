package org.ronghe.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ronghe.account.CurrentUser;
import org.ronghe.account.Role;
import org.ronghe.problem.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task pages: {@code /tasks} (plans, the unit's own tasks, the supervision board, plan import),
 * {@code /plans/{id}} (the tree with computed progress, Excel export) and {@code /tasks/{id}} (a task, its reports
 * and the lead department's report form).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class PlanWebController {

    private final PlanService plans;
    private final Clock clock;
    private final Commitments commitments;

    PlanWebController(PlanService plans, Commitments commitments, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.commitments = commitments;
    }

    @GetMapping("/tasks")
    String board(@AuthenticationPrincipal CurrentUser user, Model model) {
        java.time.LocalDate today = LocalDate.now(clock);
        model.addAttribute("plans", plans.plans(user.countyCode(), today));
        model.addAttribute("mine", user.departmentId() == null ? List.of() : plans.board(user.countyCode(), user.departmentId(), today));
        model.addAttribute("flagged", supervises(user) ? plans.board(user.countyCode(), null, today) : List.of());
        model.addAttribute("canImport", canImport(user));
        model.addAttribute("supervises", supervises(user));
        return "plan/tasks";
    }

    @GetMapping("/plans/{id}")
    String plan(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("plan", plans.plan(user.countyCode(), id));
        model.addAttribute("tasks", plans.tree(user.countyCode(), id, LocalDate.now(clock)));
        return "plan/plan";
    }

    @GetMapping("/plans/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return xlsx(plans.export(user.countyCode(), id, LocalDate.now(clock)), plans.plan(user.countyCode(), id).get("title") + ".xlsx");
    }

    @PostMapping("/plans/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    String importPlan(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String year,
                      RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "请选择计划的 Excel 文件（.xlsx）");
            }
            long id = plans.importPlan(user.countyCode(), title, year, PlanWorkbook.parse(file.getBytes()), user.username());
            redirect.addFlashAttribute("notice", "已导入任务计划");
            return "redirect:/plans/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("importErrors", e.problems().stream().map(p -> p.message()).toList());
            redirect.addFlashAttribute("importTitle", title);
            redirect.addFlashAttribute("importYear", year);
            return "redirect:/tasks";
        }
    }

    @GetMapping("/tasks/{id}")
    String task(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        PlanService.TaskNode task = plans.task(user.countyCode(), id, LocalDate.now(clock));
        model.addAttribute("task", task);
        model.addAttribute("reports", plans.reports(id));
        model.addAttribute("askedBy", commitments.ofTask(user.countyCode(), id));
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("canReport", task.leaf() && user.departmentId() != null
                && user.departmentId().equals(task.leadDepartmentId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("progress", PlanService.plain(task.progress()).toPlainString(),
                    "status", task.status().name(), "text", "", "problems", ""));
        }
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "plan/task";
    }

    @GetMapping("/tasks/evidence/{id}")
    ResponseEntity<byte[]> evidence(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        PlanService.EvidenceFile f = plans.evidence(user.countyCode(), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.filename(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    @PostMapping("/tasks/{id}/reports")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String progress, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String problems,
                  @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (!progress.isBlank() && !progress.strip().matches("\\d{1,3}(\\.\\d{1,2})?")) {
                throw new InvalidInputException("progress", "进度应为 0 到 100 之间的数字（最多两位小数）");
            }
            BigDecimal p = progress.isBlank() ? null : new BigDecimal(progress.strip());
            List<PlanService.Evidence> files = new java.util.ArrayList<>();
            for (MultipartFile f : evidence == null ? List.<MultipartFile>of() : evidence) {
                if (!f.isEmpty()) {
                    files.add(new PlanService.Evidence(f.getOriginalFilename(), f.getBytes()));
                }
            }
            plans.report(user.countyCode(), id, user.departmentId(),
                    new PlanService.ProgressInput(p, status, text, problems, files), user.username(), LocalDate.now(clock));
            redirect.addFlashAttribute("notice", "进展已报送");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.byField());
            redirect.addFlashAttribute("form", Map.of("progress", progress, "status", status, "text", text, "problems", problems));
            redirect.addFlashAttribute("notice", "未报送：" + String.join("；", e.byField().values()));
            redirect.addFlashAttribute("noticeKind", "error");
        } catch (org.ronghe.problem.Refusal e) {
            if (e.kind() != org.ronghe.problem.Refusal.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("notice", "未报送：" + e.detail());
            redirect.addFlashAttribute("noticeKind", "error");
        }
        return "redirect:/tasks/" + id;
    }

    static boolean supervises(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.SUPERVISION || user.role() == Role.LEADER
                || user.role() == Role.CPPCC_OFFICE;
    }

    static boolean canImport(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.SUPERVISION;
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
