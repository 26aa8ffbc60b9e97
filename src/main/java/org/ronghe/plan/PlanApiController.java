package org.ronghe.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.JsonFields;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of task plans, tasks and progress reports, with the same access rules as the pages. */
@RestController
@Tag(name = "重点任务 Tasks", description = "任务计划（树）、Excel 导入导出、牵头单位报送进展、督办看板")
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class PlanApiController {

    private final PlanService plans;
    private final Clock clock;

    PlanApiController(PlanService plans, Clock clock) {
        this.clock = clock;
        this.plans = plans;
    }

    @GetMapping("/api/plans")
    @Operation(summary = "任务计划列表", description = "progress 为总体进度（%），overdue 已逾期任务数，missed 上月未报送任务数")
    List<PlanService.PlanSummary> list(@AuthenticationPrincipal CurrentUser user) {
        return plans.plans(user.countyCode(), LocalDate.now(clock));
    }

    @GetMapping("/api/plans/{id}")
    @Operation(summary = "一个计划的任务树", description = "按大纲顺序；depth 1 为领域；上级任务的 progress、status 由下级任务汇总")
    Map<String, Object> plan(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Map<String, Object> p = plans.plan(user.countyCode(), id);
        return Map.of("id", id, "title", p.get("title"), "year", p.get("year"),
                "tasks", plans.tree(user.countyCode(), id, LocalDate.now(clock)));
    }

    @GetMapping("/api/plans/{id}/export.xlsx")
    @Operation(summary = "导出计划为 Excel（与导入同一格式）")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return PlanWebController.xlsx(plans.export(user.countyCode(), id, LocalDate.now(clock)), "plan-" + id + ".xlsx");
    }

    @PostMapping(path = "/api/plans/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    @Operation(summary = "导入计划（Excel）", description = "multipart：file（.xlsx）、title、year。任一单元格有误则整表不导入，"
            + "errors 的 field 为单元格（如 C5），message 写明行、列和原因")
    Map<String, Object> importPlan(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(required = false) MultipartFile file,
                                   @RequestParam(defaultValue = "") String title,
                                   @RequestParam(defaultValue = "") String year) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请上传计划的 Excel 文件（.xlsx）");
        }
        return Map.of("id", plans.importPlan(user.countyCode(), title, year, PlanWorkbook.parse(file.getBytes()),
                user.username()));
    }

    @GetMapping("/api/tasks/board")
    @Operation(summary = "看板", description = "承办单位、领导（有所属单位时）看本单位牵头的任务；督查室等看全县逾期、滞后、未报送的任务；"
            + "light 为 red（逾期或滞后）、amber（上月未报送）、green")
    List<PlanService.TaskNode> board(@AuthenticationPrincipal CurrentUser user,
                                     @RequestParam(defaultValue = "mine") String scope) {
        return switch (scope) {
            case "mine" -> user.departmentId() == null ? List.of()
                    : plans.board(user.countyCode(), user.departmentId(), LocalDate.now(clock));
            case "flagged" -> plans.board(user.countyCode(), null, LocalDate.now(clock));
            default -> throw new InvalidInputException("scope", "scope 应为 mine（本单位）或 flagged（全县需督办）");
        };
    }

    @GetMapping("/api/tasks/{id}")
    @Operation(summary = "一项任务及其进展报告")
    Map<String, Object> task(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("task", plans.task(user.countyCode(), id, LocalDate.now(clock)), "reports", plans.reports(id));
    }

    @PostMapping(path = "/api/tasks/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "报送进展（牵头单位）", description = "progress 0–100；status 为 NOT_STARTED、IN_PROGRESS、DONE、LAGGING、"
            + "SUSPENDED（或中文）；DONE 须 progress 为 100；text 必填")
    Map<String, Object> report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, Object> body) {
        BigDecimal p = JsonFields.decimal(body.get("progress"), "progress", "进度应为 0 到 100 之间的数字");
        plans.report(user.countyCode(), id, user.departmentId(), new PlanService.ProgressInput(p,
                JsonFields.text(body, "status", "状态"), JsonFields.text(body, "text", "进展情况"),
                JsonFields.text(body, "problems", "存在问题")), user.username(), LocalDate.now(clock));
        return Map.of("task", plans.task(user.countyCode(), id, LocalDate.now(clock)));
    }

    @PostMapping(path = "/api/tasks/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "报送进展并附佐证材料（牵头单位）", description = "multipart：progress、status、text、problems 同上，"
            + "evidence 为文件（最多 5 个，PDF/JPG/PNG/DOCX/XLSX，每个不超过 10 MB）")
    Map<String, Object> reportWithEvidence(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                           @RequestParam(defaultValue = "") String progress,
                                           @RequestParam(defaultValue = "") String status,
                                           @RequestParam(defaultValue = "") String text,
                                           @RequestParam(defaultValue = "") String problems,
                                           @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence)
            throws IOException {
        if (!progress.isBlank() && !progress.strip().matches("\\d{1,3}(\\.\\d{1,2})?")) {
            throw new InvalidInputException("progress", "进度应为 0 到 100 之间的数字（最多两位小数）");
        }
        List<PlanService.Evidence> files = new java.util.ArrayList<>();
        for (MultipartFile f : evidence == null ? List.<MultipartFile>of() : evidence) {
            if (!f.isEmpty()) {
                files.add(new PlanService.Evidence(f.getOriginalFilename(), f.getBytes()));
            }
        }
        plans.report(user.countyCode(), id, user.departmentId(), new PlanService.ProgressInput(
                progress.isBlank() ? null : new BigDecimal(progress.strip()), status, text, problems, files),
                user.username(), LocalDate.now(clock));
        return Map.of("task", plans.task(user.countyCode(), id, LocalDate.now(clock)), "reports", plans.reports(id));
    }
}
