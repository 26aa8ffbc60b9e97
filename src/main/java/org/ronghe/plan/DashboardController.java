package org.ronghe.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ronghe.account.CurrentUser;
import org.ronghe.indicator.IndicatorService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The county dashboard ({@code /dashboard}), its data as Excel and as JSON ({@code /api/dashboard}). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class DashboardController {

    private final Dashboard dashboard;
    private final Clock clock;
    private final PlanService plans;

    DashboardController(Dashboard dashboard, PlanService plans, Clock clock) {
        this.clock = clock;
        this.dashboard = dashboard;
        this.plans = plans;
    }

    @GetMapping("/dashboard")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("v", dashboard.view(user.countyCode(), LocalDate.now(clock)));
        return "plan/dashboard";
    }

    @GetMapping("/api/dashboard")
    @ResponseBody
    @io.swagger.v3.oas.annotations.Operation(summary = "县级总览看板数据", description = "指标及各期数值、各计划领域进度、"
            + "按牵头单位的红黄绿灯任务数、逾期/滞后/未报送任务、按单位的承诺事项数")
    Dashboard.View api(@AuthenticationPrincipal CurrentUser user) {
        return dashboard.view(user.countyCode(), LocalDate.now(clock));
    }

    @GetMapping("/dashboard.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user) {
        Dashboard.View v = dashboard.view(user.countyCode(), LocalDate.now(clock));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = sheet(book, "指标", List.of("指标", "单位", "最新期别", "数值", "同比", "变化单位", "目标完成(%)", "来源"));
            int n = 1;
            for (IndicatorService.Overview o : v.indicators()) {
                IndicatorService.Reading r = o.latest();
                Row row = s.createRow(n++);
                row.createCell(0).setCellValue(o.indicator().name());
                row.createCell(1).setCellValue(o.indicator().unit());
                if (r != null) {
                    row.createCell(2).setCellValue(r.periodLabel());
                    row.createCell(3).setCellValue(r.value().doubleValue());
                    if (r.change() != null) {
                        row.createCell(4).setCellValue(r.change().doubleValue());
                        row.createCell(5).setCellValue(r.changeUnit());
                    }
                    if (r.targetShare() != null) {
                        row.createCell(6).setCellValue(r.targetShare().doubleValue());
                    }
                    row.createCell(7).setCellValue(r.source());
                }
            }
            s = sheet(book, "领域进度", List.of("计划", "编号", "领域", "进度(%)", "状态"));
            n = 1;
            for (PlanService.TaskNode t : v.areas()) {
                Row row = s.createRow(n++);
                row.createCell(0).setCellValue(t.planTitle());
                row.createCell(1).setCellValue(t.code());
                row.createCell(2).setCellValue(t.title());
                row.createCell(3).setCellValue(t.progress().doubleValue());
                row.createCell(4).setCellValue(t.status().label());
            }
            s = sheet(book, "单位任务", List.of("牵头单位", "红灯（逾期或滞后）", "黄灯（未报送）", "绿灯"));
            n = 1;
            for (Dashboard.DepartmentLights l : v.lights()) {
                Row row = s.createRow(n++);
                row.createCell(0).setCellValue(l.department());
                row.createCell(1).setCellValue(l.red());
                row.createCell(2).setCellValue(l.amber());
                row.createCell(3).setCellValue(l.green());
            }
            s = sheet(book, "需督办任务", List.of("计划", "编号", "任务", "牵头单位", "完成时限", "状态", "进度(%)", "提示"));
            n = 1;
            for (PlanService.TaskNode t : plans.board(user.countyCode(), null, LocalDate.now(clock))) {
                Row row = s.createRow(n++);
                row.createCell(0).setCellValue(t.planTitle());
                row.createCell(1).setCellValue(t.code());
                row.createCell(2).setCellValue(t.title());
                row.createCell(3).setCellValue(t.leadDepartment());
                row.createCell(4).setCellValue(t.due() == null ? "" : t.due().toString());
                row.createCell(5).setCellValue(t.status().label());
                row.createCell(6).setCellValue(t.progress().doubleValue());
                row.createCell(7).setCellValue(t.overdue() ? "已逾期" : t.reportMissed() ? "上月未报送" : "滞后");
            }
            s = sheet(book, "承诺事项", List.of("答复单位", "跟踪中", "已逾期", "已办结"));
            n = 1;
            for (Dashboard.CommitmentCount c : v.commitments()) {
                Row row = s.createRow(n++);
                row.createCell(0).setCellValue(c.department());
                row.createCell(1).setCellValue(c.open());
                row.createCell(2).setCellValue(c.overdue());
                row.createCell(3).setCellValue(c.done());
            }
            book.write(out);
            return PlanWebController.xlsx(out.toByteArray(), "县级总览看板.xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook book, String name, List<String> headers) {
        Sheet s = book.createSheet(name);
        Row head = s.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
        }
        s.setColumnWidth(0, 30 * 256);
        return s;
    }
}
