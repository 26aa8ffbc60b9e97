package org.ronghe.proposal;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Writes a table to an Excel sheet: a header row, then one row per record, numbers as numeric cells. */
final class Sheets {

    private Sheets() {
    }

    /**
     * @param sheet   an empty sheet
     * @param headers the column headers
     * @param rows    each record's cells in header order; {@link Number}s become numeric cells, the rest text
     */
    static void table(Sheet sheet, List<String> headers, List<List<Object>> rows) {
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
        }
        int n = 1;
        for (List<Object> v : rows) {
            Row row = sheet.createRow(n++);
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) instanceof Number num) {
                    row.createCell(i).setCellValue(num.doubleValue());
                } else {
                    row.createCell(i).setCellValue(String.valueOf(v.get(i)));
                }
            }
        }
    }
}
