package org.ronghe.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;

/**
 * A plan as an Excel workbook (.xlsx, Apache POI): one sheet, one row per task, the same columns for export and
 * import, so an exported plan imports back as the same plan. Columns: 编号, 任务, 牵头单位, 配合单位 (、-separated),
 * 开始日期, 完成时限 (date cells or {@code yyyy-MM-dd} text), 权重, 状态 (未开始/推进中/已完成/滞后/暂缓), 进度(%),
 * 里程碑 ({@code 2025-06-30 完成选址；2025-12-31 建成投用}). Reading checks the cells' forms; names of departments and
 * the tree's shape are checked by {@link PlanService}.
 */
public final class PlanWorkbook {

    /** The column headers, in order. */
    public static final List<String> HEADERS = List.of("编号", "任务", "牵头单位", "配合单位", "开始日期", "完成时限", "权重",
            "状态", "进度(%)", "里程碑");

    private static final Pattern MILESTONE = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2})\\s*(.+)");

    private PlanWorkbook() {
    }

    /**
     * A sheet row read from a workbook.
     *
     * @param row  the row number as Excel shows it (1 is the header)
     * @param task the task it describes
     */
    public record Line(int row, TaskRow task) {
    }

    /**
     * @param tasks the plan's tasks in outline order
     * @return the workbook's bytes
     */
    public static byte[] write(List<TaskRow> tasks) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("重点任务");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
            }
            int n = 1;
            for (TaskRow t : tasks) {
                Row r = sheet.createRow(n++);
                r.createCell(0).setCellValue(t.code());
                r.createCell(1).setCellValue(t.title());
                r.createCell(2).setCellValue(t.lead() == null ? "" : t.lead());
                r.createCell(3).setCellValue(String.join("、", t.cooperators()));
                dateCell(r, 4, t.start(), date);
                dateCell(r, 5, t.due(), date);
                r.createCell(6).setCellValue(t.weight().doubleValue());
                r.createCell(7).setCellValue(t.status().label());
                r.createCell(8).setCellValue(t.progress().doubleValue());
                r.createCell(9).setCellValue(String.join("；", t.milestones().stream()
                        .map(m -> m.due() + " " + m.title()).toList()));
            }
            sheet.setColumnWidth(1, 50 * 256);
            sheet.setColumnWidth(2, 24 * 256);
            sheet.setColumnWidth(3, 30 * 256);
            sheet.setColumnWidth(4, 12 * 256);
            sheet.setColumnWidth(5, 12 * 256);
            sheet.setColumnWidth(9, 40 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dateCell(Row r, int column, LocalDate value, CellStyle style) {
        Cell c = r.createCell(column);
        if (value != null) {
            c.setCellValue(value);
            c.setCellStyle(style);
        }
    }

    /**
     * A sheet as read: its rows (a bad cell read as its default, so the plan's shape can still be checked) and the
     * problems of its cells.
     *
     * @param lines    the rows in sheet order
     * @param problems one per bad cell, naming the row and column
     */
    public record Parsed(List<Line> lines, List<FieldProblem> problems) {
    }

    /**
     * Reads every task row; blank rows are skipped.
     *
     * @param bytes an .xlsx (or .xls) workbook whose first sheet has {@link #HEADERS} in its first row
     * @return the rows, in sheet order
     * @throws InvalidInputException with one problem per bad cell, each naming the row and column (field
     *                               {@code file} when the file is not a workbook or has the wrong headers)
     */
    public static List<Line> read(byte[] bytes) {
        Parsed parsed = parse(bytes);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        return parsed.lines();
    }

    /**
     * Reads every task row, collecting the cells' problems instead of stopping at them.
     *
     * @param bytes an .xlsx (or .xls) workbook whose first sheet has {@link #HEADERS} in its first row
     * @return the rows and the problems of their cells
     * @throws InvalidInputException naming {@code file} when the file is not a workbook, has the wrong headers or no
     *                               task
     */
    public static Parsed parse(byte[] bytes) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            Row head = sheet.getRow(0);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < HEADERS.size(); i++) {
                found.add(head == null ? "" : text(head.getCell(i)));
            }
            if (!found.equals(HEADERS)) {
                throw new InvalidInputException("file", "第1行应为表头：" + String.join("、", HEADERS) + "（请使用导出的模板）");
            }
            List<FieldProblem> problems = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r == null || blank(r)) {
                    continue;
                }
                int rowNo = i + 1;
                Cells cells = new Cells(r, rowNo, problems);
                String code = cells.text(0);
                String title = cells.text(1);
                if (code.isEmpty()) {
                    cells.problem(0, "编号不能为空");
                }
                if (title.isEmpty()) {
                    cells.problem(1, "任务不能为空");
                } else if (title.codePointCount(0, title.length()) > 300) {
                    cells.problem(1, "任务最多 300 字");
                }
                String lead = cells.text(2);
                List<String> cooperators = Arrays.stream(cells.text(3).split("[、，,；;\\s]+"))
                        .filter(s -> !s.isBlank()).toList();
                LocalDate start = cells.date(4);
                LocalDate due = cells.date(5);
                BigDecimal weight = cells.number(6, BigDecimal.ONE);
                if (weight != null && weight.signum() <= 0) {
                    cells.problem(6, "权重应大于 0");
                }
                String statusText = cells.text(7);
                TaskStatus status = statusText.isEmpty() ? TaskStatus.NOT_STARTED : TaskStatus.parse(statusText).orElse(null);
                if (status == null) {
                    cells.problem(7, "状态应为 未开始、推进中、已完成、滞后 或 暂缓");
                }
                BigDecimal progress = cells.number(8, BigDecimal.ZERO);
                if (progress != null && (progress.signum() < 0 || progress.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    cells.problem(8, "进度应在 0 到 100 之间");
                }
                List<TaskRow.Milestone> milestones = new ArrayList<>();
                for (String part : cells.text(9).split("[；;\\n]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    Matcher m = MILESTONE.matcher(part.strip());
                    LocalDate d = m.matches() ? parseDate(m.group(1)) : null;
                    if (d == null) {
                        cells.problem(9, "里程碑应写作“2025-06-30 完成选址”，多个用“；”分隔：" + part.strip());
                    } else {
                        milestones.add(new TaskRow.Milestone(d, m.group(2).strip()));
                    }
                }
                lines.add(new Line(rowNo, new TaskRow(code, title, lead.isEmpty() ? null : lead, cooperators, start, due,
                        weight == null ? BigDecimal.ONE : weight, status == null ? TaskStatus.NOT_STARTED : status,
                        progress == null ? BigDecimal.ZERO : progress, milestones)));
            }
            if (lines.isEmpty()) {
                throw new InvalidInputException("file", "表中没有任务");
            }
            return new Parsed(lines, problems);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "无法读取 Excel 文件（应为 .xlsx）");
        }
    }

    /** @return the problem's field for a cell, e.g. {@code C5} */
    static String ref(int column, int row) {
        return (char) ('A' + column) + String.valueOf(row);
    }

    private static boolean blank(Row r) {
        for (int i = 0; i < HEADERS.size(); i++) {
            if (!text(r.getCell(i)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        return switch (c.getCellType()) {
            case STRING -> c.getStringCellValue().strip();
            case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            case FORMULA -> c.getCachedFormulaResultType() == CellType.STRING ? c.getStringCellValue().strip()
                    : BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    private static LocalDate parseDate(String s) {
        String[] p = s.strip().replace('/', '-').replace('.', '-').split("-");
        try {
            return p.length == 3 ? LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reads the cells of one row, adding a problem naming the cell for each bad value. */
    private record Cells(Row row, int rowNo, List<FieldProblem> problems) {

        String text(int column) {
            return PlanWorkbook.text(row.getCell(column));
        }

        void problem(int column, String message) {
            problems.add(new FieldProblem(ref(column, rowNo),
                    "第" + rowNo + "行 " + (char) ('A' + column) + "列（" + HEADERS.get(column) + "）：" + message));
        }

        LocalDate date(int column) {
            Cell c = row.getCell(column);
            if (c != null && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
                return c.getLocalDateTimeCellValue().toLocalDate();
            }
            String t = text(column);
            if (t.isEmpty()) {
                return null;
            }
            LocalDate d = parseDate(t.replace("年", "-").replace("月", "-").replace("日", ""));
            if (d == null) {
                problem(column, "日期应写作 2025-06-30：" + t);
            }
            return d;
        }

        BigDecimal number(int column, BigDecimal absent) {
            String t = text(column).replace("%", "").replace("％", "");
            if (t.isEmpty()) {
                return absent;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException | DateTimeParseException e) {
                problem(column, "应为数字：" + t);
                return null;
            }
        }
    }
}
