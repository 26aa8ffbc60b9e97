package org.ronghe.region;

/**
 * One rejected line of an import file.
 *
 * @param line    1-based physical line number in the file (0 for problems of the file as a whole)
 * @param field   column name the problem is in ({@code code}, {@code name}, {@code level}, {@code parent_code}),
 *                or {@code null} for the whole line or file
 * @param message what is wrong, in Chinese
 */
public record ImportProblem(long line, String field, String message) {

    /** @return the problem as one Chinese line, e.g. {@code 第12行 code：应为12位数字} */
    public String describe() {
        String where = line > 0 ? "第" + line + "行" : "文件";
        return where + (field != null ? " " + field : "") + "：" + message;
    }
}
