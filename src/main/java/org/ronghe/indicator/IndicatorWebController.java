package org.ronghe.indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.Role;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.tenancy.CurrentCounty;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The indicator pages: {@code /indicators} (every indicator's latest value, change and target share, with trend
 * charts), {@code /indicators/{id}} (history, targets, the value and target forms), {@code /indicators.xlsx} (the
 * data behind the page) and {@code /public/indicators} (those the county publishes, no login).
 */
@Controller
class IndicatorWebController {

    private final IndicatorService indicators;
    private final CurrentCounty county;
    private final ReportedFigures figures;

    IndicatorWebController(IndicatorService indicators, CurrentCounty county, ReportedFigures figures) {
        this.indicators = indicators;
        this.county = county;
        this.figures = figures;
    }

    @GetMapping("/indicators/figures")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    String figures(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("proposals", figures.pending(user.countyCode()));
        model.addAttribute("indicators", indicators.overview(user.countyCode(), false).stream()
                .map(IndicatorService.Overview::indicator).toList());
        model.addAttribute("overseer", overseer(user));
        return "indicator/figures";
    }

    @PostMapping("/indicators/figures/{id}/confirm")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(defaultValue = "") String indicator, @RequestParam(defaultValue = "") String period,
                   @RequestParam(defaultValue = "") String value, RedirectAttributes redirect) {
        org.ronghe.problem.FormOutcome.attempt(redirect, "已确认为指标值", "未确认", () -> {
            if (!indicator.strip().matches("\\d{1,18}")) {
                throw new InvalidInputException("indicator", "请选择指标");
            }
            figures.confirm(user.countyCode(), id, Long.parseLong(indicator.strip()), period, value, user.departmentId(),
                    overseer(user), user.username());
        });
        return "redirect:/indicators/figures";
    }

    @PostMapping("/indicators/figures/{id}/dismiss")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    String dismiss(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            figures.dismiss(user.countyCode(), id, user.username());
            redirect.addFlashAttribute("notice", "已不采用");
        } catch (org.ronghe.problem.Refusal e) {
            if (e.kind() != org.ronghe.problem.Refusal.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("notice", e.detail());
        }
        return "redirect:/indicators/figures";
    }

    @GetMapping("/indicators")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("rows", indicators.overview(user.countyCode(), false));
        model.addAttribute("publicView", false);
        return "indicator/indicators";
    }

    @GetMapping("/public/indicators")
    String publicOverview(Model model) {
        model.addAttribute("rows", indicators.overview(county.code(), true));
        model.addAttribute("publicView", true);
        return "indicator/indicators";
    }

    @GetMapping("/indicators/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    String one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        IndicatorService.Overview o = indicators.one(user.countyCode(), id);
        model.addAttribute("o", o);
        model.addAttribute("targets", indicators.targets(id));
        model.addAttribute("canEdit", overseer(user) || (user.departmentId() != null
                && user.departmentId().equals(o.indicator().departmentId())));
        return "indicator/indicator";
    }

    @PostMapping("/indicators/{id}/values")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String period, @RequestParam(defaultValue = "") String value,
                  @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String source,
                  @RequestParam(defaultValue = "false") boolean atLeast, RedirectAttributes redirect) {
        org.ronghe.problem.FormOutcome.attempt(redirect, "已保存", "未保存", () -> indicators.record(user.countyCode(), id,
                new IndicatorService.ValueInput(period, value, unit, source, atLeast), user.departmentId(), overseer(user),
                user.username()));
        return "redirect:/indicators/" + id;
    }

    @PostMapping("/indicators/{id}/targets")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    String target(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String period, @RequestParam(defaultValue = "") String value,
                  RedirectAttributes redirect) {
        org.ronghe.problem.FormOutcome.attempt(redirect, "目标已保存", "未保存", () -> indicators.target(user.countyCode(),
                id, period, value, user.departmentId(), overseer(user), user.username()));
        return "redirect:/indicators/" + id;
    }

    @GetMapping("/indicators.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user) {
        List<String> headers = List.of("指标", "单位", "期别", "数值", "同比变化", "变化单位", "变化来源", "目标", "目标完成(%)",
                "数据来源", "责任单位");
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("指标");
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int n = 1;
            for (IndicatorService.Overview o : indicators.overview(user.countyCode(), false)) {
                for (IndicatorService.Reading r : o.readings()) {
                    Row row = sheet.createRow(n++);
                    row.createCell(0).setCellValue(o.indicator().name());
                    row.createCell(1).setCellValue(o.indicator().unit());
                    row.createCell(2).setCellValue(r.periodLabel());
                    row.createCell(3).setCellValue(r.value().doubleValue());
                    if (r.change() != null) {
                        row.createCell(4).setCellValue(r.change().doubleValue());
                        row.createCell(5).setCellValue(r.changeUnit());
                        row.createCell(6).setCellValue(r.changeReported() ? "来源报告" : "计算");
                    }
                    if (r.target() != null) {
                        row.createCell(7).setCellValue(r.target().doubleValue());
                    }
                    if (r.targetShare() != null) {
                        row.createCell(8).setCellValue(r.targetShare().doubleValue());
                    }
                    row.createCell(9).setCellValue(r.source());
                    row.createCell(10).setCellValue(o.indicator().department() == null ? "" : o.indicator().department());
                }
            }
            sheet.setColumnWidth(0, 36 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename("指标数据.xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean overseer(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.SUPERVISION;
    }
}
