package org.ronghe.proposal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ronghe.account.CurrentUser;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 年终考核: the unit scoring table of a year ({@code /statistics/scoring}), its Excel export, and the form where the
 * CPPCC office sets the formula's weights.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'LEADER')")
class ScoringController {

    private final UnitScoring scoring;
    private final Clock clock;

    ScoringController(UnitScoring scoring, Clock clock) {
        this.clock = clock;
        this.scoring = scoring;
    }

    @GetMapping("/statistics/scoring")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year, Model model) {
        int y = year(year, LocalDate.now(clock));
        Map<UnitScoring.Metric, BigDecimal> weights = scoring.weights(user.countyCode());
        model.addAttribute("year", y);
        model.addAttribute("asOf", asOf(y, LocalDate.now(clock)));
        model.addAttribute("rows", scoring.table(user.countyCode(), y, asOf(y, LocalDate.now(clock))));
        model.addAttribute("weights", weights);
        model.addAttribute("metrics", UnitScoring.Metric.values());
        model.addAttribute("rateMetrics", rateMetrics());
        model.addAttribute("formula", UnitScoring.formula(weights));
        model.addAttribute("errors", Map.of());
        return "proposal/scoring";
    }

    @PostMapping("/statistics/scoring/weights")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    String setWeights(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
                      RedirectAttributes redirect) {
        Map<String, String> input = new java.util.LinkedHashMap<>(form);
        input.remove("_csrf");
        String year = input.remove("year");
        try {
            if (year != null && !year.isBlank()) {
                year(year, LocalDate.now(clock)); // a bad year is refused before anything is saved
            }
            scoring.setWeights(user.countyCode(), input, user.username());
            redirect.addFlashAttribute("notice", "评分公式已保存");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", "未保存：" + String.join("；", e.byField().values()));
            redirect.addFlashAttribute("noticeKind", "error");
        }
        return "redirect:/statistics/scoring" + (year != null && year.matches("\\d{4}") ? "?year=" + year : "");
    }

    @GetMapping("/statistics/scoring.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year) {
        int y = year(year, LocalDate.now(clock));
        List<UnitScoring.Row> rows = scoring.table(user.countyCode(), y, asOf(y, LocalDate.now(clock)));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(y + "年度考核");
            Sheets.table(sheet, headers(), rows.stream().map(ScoringController::values).toList());
            int n = rows.size() + 1;
            sheet.createRow(n + 1).createCell(0).setCellValue(UnitScoring.formula(scoring.weights(user.countyCode()))
                    + "（比率项以 100% 计满权重分；不涉及的比率项按比例折算；截至 " + asOf(y, LocalDate.now(clock)) + "）");
            sheet.setColumnWidth(1, 30 * 256);
            book.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(y + "年度承办单位考核评分.xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the column headers of the table and its export */
    static List<String> headers() {
        List<String> h = new ArrayList<>(List.of("排名", "承办单位", "主办/分办件数", "会办件数", "已答复"));
        for (UnitScoring.Metric m : rateMetrics()) {
            h.add(m.label() + "(%)");
        }
        h.addAll(List.of("超期件数", "不满意件数", "得分"));
        return h;
    }

    /** @return one row's cells in {@link #headers()} order; a rate that does not apply is "不涉及" */
    static List<Object> values(UnitScoring.Row r) {
        List<Object> v = new ArrayList<>(List.of(r.rank(), r.department(), r.assigned(), r.coHandled(), r.replied()));
        for (UnitScoring.Metric m : rateMetrics()) {
            Double rate = r.rates().get(m);
            v.add(rate == null ? "不涉及" : rate);
        }
        v.addAll(List.of(r.overdue(), r.dissatisfied(), r.score()));
        return v;
    }

    static List<UnitScoring.Metric> rateMetrics() {
        return java.util.Arrays.stream(UnitScoring.Metric.values()).filter(m -> m.kind() == UnitScoring.Kind.RATE).toList();
    }

    /**
     * @param today today by the county clock
     * @return the day a year's figures are judged by: its last day, or today while it runs
     */
    static LocalDate asOf(int year, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return today.isBefore(end) ? today : end;
    }

    /** @return the requested year, or the current one ({@code today}'s); 2000–2100 */
    static int year(String year, LocalDate today) {
        if (year == null || year.isBlank()) {
            return today.getYear();
        }
        String y = year.strip();
        if (!y.matches("\\d{4}") || Integer.parseInt(y) < 2000 || Integer.parseInt(y) > 2100) {
            throw new InvalidInputException("year", "年度应为 2000 到 2100 之间的四位年份");
        }
        return Integer.parseInt(y);
    }
}
