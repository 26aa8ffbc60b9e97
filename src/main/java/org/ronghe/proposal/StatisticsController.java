package org.ronghe.proposal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
import org.springframework.web.bind.annotation.RequestParam;

/** 办理统计: the statistics page, its Excel (.xlsx) and CSV exports, and the JSON figures. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'LEADER')")
class StatisticsController {

    static final List<String> HEADERS = List.of("名称", "收到", "立案", "交办", "已答复", "按期答复", "超期",
            "A类", "B类", "C类", "反馈数", "满意率(%)", "重新办理");

    private final ProposalStatistics statistics;
    private final Clock clock;
    private final ProposalService proposals;

    StatisticsController(ProposalStatistics statistics, ProposalService proposals, Clock clock) {
        this.clock = clock;
        this.statistics = statistics;
        this.proposals = proposals;
    }

    @GetMapping("/statistics")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String session, Model model) {
        Long s = sessionId(session);
        model.addAttribute("bySession", statistics.bySession(user.countyCode(), LocalDate.now(clock)));
        model.addAttribute("byUnit", statistics.byUnit(user.countyCode(), s, LocalDate.now(clock)));
        model.addAttribute("sessions", proposals.allSessions(user.countyCode()));
        model.addAttribute("selectedSession", s);
        model.addAttribute("headers", HEADERS);
        return "proposal/statistics";
    }

    @GetMapping("/statistics.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String session) {
        Long s = sessionId(session);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(book.createSheet("按届次"), statistics.bySession(user.countyCode(), LocalDate.now(clock)));
            sheet(book.createSheet("按承办单位"), statistics.byUnit(user.countyCode(), s, LocalDate.now(clock)));
            book.write(out);
            return download(out.toByteArray(), "办理统计.xlsx",
                    MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/statistics.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String session,
                               @RequestParam(defaultValue = "unit") String table) {
        Long s = sessionId(session);
        List<ProposalStatistics.Row> rows = switch (table) {
            case "unit" -> statistics.byUnit(user.countyCode(), s, LocalDate.now(clock));
            case "session" -> statistics.bySession(user.countyCode(), LocalDate.now(clock));
            default -> throw new InvalidInputException("table", "应为 unit（按承办单位）或 session（按届次）");
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM so Excel reads UTF-8
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            csv.printRecord(HEADERS);
            for (ProposalStatistics.Row r : rows) {
                csv.printRecord(values(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out.toByteArray(), "办理统计-" + ("unit".equals(table) ? "按承办单位" : "按届次") + ".csv",
                MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    static List<Object> values(ProposalStatistics.Row r) {
        return List.of(r.name(), r.received(), r.filed(), r.assigned(), r.replied(), r.onTime(), r.overdue(),
                r.categoryA(), r.categoryB(), r.categoryC(), r.answers(),
                r.satisfactionRate() == null ? "" : r.satisfactionRate(), r.rehandled());
    }

    private static void sheet(Sheet sheet, List<ProposalStatistics.Row> rows) {
        Sheets.table(sheet, HEADERS, rows.stream().map(StatisticsController::values).toList());
        sheet.setColumnWidth(0, 40 * 256);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    static Long sessionId(String session) {
        if (session == null || session.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(session.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("session", "届次应为届次编号（数字）");
        }
    }
}
