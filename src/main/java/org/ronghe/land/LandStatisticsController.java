package org.ronghe.land;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ronghe.account.CurrentUser;
import org.ronghe.region.RegionDirectory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistics page of the land platform ({@code /land/statistics?on=}) and its Excel export: transferred area and
 * share by township and village, live area by form, transferee type and use, and rent quartiles (元/亩/年) of filed
 * transfers — the figures of {@link LandStatistics}, with the region names added.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class LandStatisticsController {

    private final LandStatistics statistics;
    private final Clock clock;
    private final RegionDirectory regions;

    LandStatisticsController(LandStatistics statistics, RegionDirectory regions, Clock clock) {
        this.clock = clock;
        this.statistics = statistics;
        this.regions = regions;
    }

    @GetMapping("/land/statistics")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String on, Model model) {
        LocalDate day = org.ronghe.problem.DateInput.dayOrToday(on, "on", LocalDate.now(clock));
        model.addAllAttributes(figures(user.countyCode(), day));
        model.addAttribute("on", day.toString());
        model.addAttribute("breakdowns", List.of(
                Map.of("id", "byForm", "title", "按流转方式", "rows", model.getAttribute("byForm")),
                Map.of("id", "byTransferee", "title", "按受让方类型", "rows", model.getAttribute("byTransferee")),
                Map.of("id", "byUse", "title", "按用途（粮食/非粮）", "rows", model.getAttribute("byUse"))));
        return "land/statistics";
    }

    @GetMapping("/land/statistics.xlsx")
    ResponseEntity<byte[]> excel(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String on)
            throws IOException {
        LocalDate day = org.ronghe.problem.DateInput.dayOrToday(on, "on", LocalDate.now(clock));
        Map<String, Object> f = figures(user.countyCode(), day);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet about = book.createSheet("说明");
            String[] lines = {"土地流转统计", "统计日期：" + day + "（当日有效的流转）", "面积单位：亩；流转比例 = 当日有效的流转面积 ÷ 登记的承包面积（不含林地、草地）",
                    "租金：已备案的流转，元/亩/年，按乡镇、地类和起始年份的下四分位数、中位数、上四分位数"};
            for (int i = 0; i < lines.length; i++) {
                about.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            about.setColumnWidth(0, 80 * 256);
            sheet(book, "按乡镇", List.of("乡镇", "登记承包面积（亩）", "流转面积（亩）", "流转比例（%）"), rows(f, "byTownship"),
                    List.of("name", "registered", "transferred", "share"));
            sheet(book, "按村", List.of("村", "登记承包面积（亩）", "流转面积（亩）", "流转比例（%）"), rows(f, "byVillage"),
                    List.of("name", "registered", "transferred", "share"));
            for (String[] d : new String[][] {{"byForm", "按流转方式"}, {"byTransferee", "按受让方类型"}, {"byUse", "按用途"}}) {
                sheet(book, d[1], List.of("类别", "流转宗数", "流转面积（亩）"), rows(f, d[0]), List.of("label", "transfers", "area"));
            }
            sheet(book, "租金", List.of("乡镇", "地类", "起始年份", "宗数", "下四分位数（元/亩/年）", "中位数（元/亩/年）", "上四分位数（元/亩/年）"),
                    rows(f, "rents"), List.of("name", "land_type_label", "year", "transfers", "p25", "median", "p75"));
            book.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("土地流转统计-" + day + ".xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        }
    }

    /** @return the figures of the day with names: byTownship, byVillage, byForm, byTransferee, byUse, rents */
    private Map<String, Object> figures(String countyCode, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("byTownship", named(statistics.byTownship(countyCode, day), "unit", "000"));
        f.put("byVillage", named(statistics.byVillage(countyCode, day).stream()
                .filter(r -> ((java.math.BigDecimal) r.get("transferred")).signum() > 0).toList(), "unit", ""));
        for (String[] d : new String[][] {{"byForm", "form"}, {"byTransferee", "transferee"}, {"byUse", "use"}}) {
            f.put(d[0], statistics.live(countyCode, day, d[1]).stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>(r);
                m.put("label", LandLabels.any((String) r.get("key")));
                return m;
            }).toList());
        }
        f.put("rents", named(statistics.rents(countyCode), "township", "000").stream().map(r -> {
            r.put("land_type_label", LandType.valueOf((String) r.get("land_type")).label());
            return r;
        }).toList());
        return f;
    }

    private List<Map<String, Object>> named(List<Map<String, Object>> rows, String codeKey, String pad) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            String code = (String) r.get(codeKey);
            m.put("name", regions.find(code + pad).map(x -> x.name()).orElse(code));
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> f, String key) {
        return (List<Map<String, Object>>) f.get(key);
    }

    private static void sheet(XSSFWorkbook book, String name, List<String> headers, List<Map<String, Object>> rows,
                              List<String> keys) {
        Sheet sheet = book.createSheet(name);
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < keys.size(); i++) {
                Object v = rows.get(r).get(keys.get(i));
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else {
                    row.createCell(i).setCellValue(v == null ? "" : v.toString());
                }
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            sheet.setColumnWidth(i, 16 * 256);
        }
    }
}
