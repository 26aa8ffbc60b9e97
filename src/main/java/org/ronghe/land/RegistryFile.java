package org.ronghe.land;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.ronghe.problem.InvalidInputException;

/**
 * Reads a registry import file into rows of text cells, whatever its format: a UTF-8 CSV, or an Excel workbook
 * (.xlsx, also the older .xls; first sheet) read with Apache POI. A workbook is recognised by its content — a zip
 * (.xlsx, magic bytes {@code PK}) or an OLE2 compound file (.xls) — or by its name.
 *
 * <p>Workbook cells become the text a CSV would hold: text as written, a date cell as {@code yyyy-MM-dd}, a number
 * without a trailing {@code .0}, a boolean as 是/否, a formula as its cached value. Two cells cannot be read and are
 * reported by row and column: an error value ({@code #N/A} …), and a whole number of 16 or more digits — Excel keeps
 * only 15 significant digits of a number, so an 18-digit identity number or household code typed into a number cell
 * has already lost its last digits. Blank rows are skipped.
 */
final class RegistryFile {

    /** Longest text of one cell (a parcel's boundary in GeoJSON is the longest). */
    static final int MAX_CELL = 300_000;

    private RegistryFile() {
    }

    /**
     * One data row.
     *
     * @param number   its number as people see it: the header is row 1
     * @param cells    its cells' text, in file order
     * @param unreadable why a cell could not be read, by column name ({@code 整行} for the row as a whole)
     */
    record Line(int number, List<String> cells, Map<String, String> unreadable) {
    }

    /**
     * @param header the first row's cells
     * @param lines  the data rows, blank ones left out
     */
    record Table(List<String> header, List<Line> lines) {
    }

    /**
     * @param bytes the uploaded file
     * @param name  its name as uploaded ({@code null} when unknown)
     * @return its rows
     * @throws InvalidInputException naming {@code file} when it is neither a workbook nor UTF-8 CSV text, or cannot be
     *                               read as one
     */
    static Table read(byte[] bytes, String name) {
        return isWorkbook(bytes, name) ? workbook(bytes) : csv(utf8(bytes));
    }

    /** @return whether the file is an Excel workbook: a zip (.xlsx) or OLE2 file (.xls) by content, or by its name */
    static boolean isWorkbook(byte[] bytes, String name) {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole2 = bytes.length >= 8 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF
                && (bytes[2] & 0xff) == 0x11 && (bytes[3] & 0xff) == 0xE0;
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return zip || ole2 || lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /**
     * @param csv the file's text (a leading byte-order mark is ignored)
     * @return its rows; empty lines are skipped
     * @throws InvalidInputException naming {@code file} when the quoting is broken
     */
    static Table csv(String csv) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setTrim(true).build()
                    .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)).getRecords();
        } catch (IOException | RuntimeException e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("line: (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new InvalidInputException("file", "无法读取 CSV 文件" + (m.find() ? "（第 " + m.group(1) + " 行附近）" : "")
                    + "：请检查引号和逗号是否成对、完整，或用 Excel 另存为“CSV UTF-8（逗号分隔）”");
        }
        if (records.isEmpty()) {
            return new Table(List.of(), List.of());
        }
        List<Line> lines = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            lines.add(new Line((int) r.getRecordNumber(), r.toList(), Map.of()));
        }
        return new Table(records.get(0).toList(), lines);
    }

    /**
     * @param bytes an .xlsx or .xls workbook
     * @return the rows of its first sheet, read as far as the header row reaches
     * @throws InvalidInputException naming {@code file} when it is not a readable workbook
     */
    static Table workbook(byte[] bytes) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "工作簿中没有工作表");
            }
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            Row head = sheet.getRow(0);
            if (head != null) {
                for (int i = 0; i < Math.max(0, head.getLastCellNum()); i++) {
                    header.add(text(head.getCell(i), "", new HashMap<>()));
                }
            }
            while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
                header.remove(header.size() - 1);
            }
            List<Line> lines = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r == null) {
                    continue;
                }
                int number = i + 1;
                Map<String, String> unreadable = new LinkedHashMap<>();
                String[] cells = new String[Math.max(header.size(), r.getLastCellNum())];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = text(r.getCell(c), c < header.size() ? header.get(c) : "整行", unreadable);
                }
                if (unreadable.isEmpty() && Arrays.stream(cells).allMatch(String::isEmpty)) {
                    continue; // a blank (perhaps only formatted) row
                }
                List<String> row = new ArrayList<>(Arrays.asList(cells));
                // cells past the header may hold only blanks; anything there means the columns are shifted
                for (int c = cells.length - 1; c >= header.size(); c--) {
                    if (!row.get(c).isEmpty()) {
                        unreadable.put("整行", "第 " + (c + 1) + " 列在表头之外，却有内容“" + abbreviate(row.get(c))
                                + "”：请检查是否错列");
                        break;
                    }
                    row.remove(c);
                }
                lines.add(new Line(number, row, unreadable));
            }
            return new Table(header, lines);
        } catch (EncryptedDocumentException e) {
            throw new InvalidInputException("file", "Excel 文件设有密码，请取消密码后再导入");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "无法读取 Excel 文件：应为 .xlsx 工作簿（或另存为“CSV UTF-8（逗号分隔）”）");
        }
    }

    /** @return a cell as the text a CSV would hold; a cell that cannot be read is noted by column and reads as blank */
    private static String text(Cell c, String column, Map<String, String> unreadable) {
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case STRING -> c.getStringCellValue().strip();
            case BOOLEAN -> c.getBooleanCellValue() ? "是" : "否";
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    yield c.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double d = c.getNumericCellValue();
                if (d == Math.rint(d) && Math.abs(d) >= 1e15) {
                    unreadable.put(column, "Excel 把这一格存成了数字，只保留 15 位有效数字，长编码和身份证号的末几位已被改动："
                            + "请把该列设为“文本”格式后重新填写");
                    yield "";
                }
                yield BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
            case ERROR -> {
                unreadable.put(column, "单元格是错误值（如 #N/A、#VALUE!），请填写内容");
                yield "";
            }
            default -> "";
        };
    }

    private static String abbreviate(String s) {
        return s.codePointCount(0, s.length()) <= 20 ? s : s.substring(0, s.offsetByCodePoints(0, 20)) + "…";
    }

    /**
     * @param bytes an uploaded file
     * @return its text, read as UTF-8
     * @throws InvalidInputException naming {@code file} when it is not UTF-8 text (e.g. GBK)
     */
    static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new InvalidInputException("file", "文件既不是 Excel 工作簿（.xlsx），也不是 CSV 文本");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "文件应为 Excel 工作簿（.xlsx）或 UTF-8 编码的 CSV（这可能是 GBK 编码的 CSV："
                    + "请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”）");
        }
    }
}
