package org.ronghe.problem;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads a day typed in a form, a query parameter or a JSON field as ISO {@code yyyy-MM-dd}, refusing it by name. */
public final class DateInput {

    private static final String MESSAGE = "日期应写作 2026-06-30";

    private DateInput() {
    }

    /**
     * @param text  the text, or {@code null}
     * @param field the field's name, for the error
     * @return the day, or {@code null} when the text is absent or blank
     * @throws InvalidInputException naming {@code field} when the text is not a {@code yyyy-MM-dd} day
     */
    public static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, MESSAGE);
        }
    }

    /**
     * As {@link #day(String, String)}, with today in China (Asia/Shanghai) for an absent or blank text.
     *
     * @throws InvalidInputException naming {@code field} when the text is not a {@code yyyy-MM-dd} day
     */
    public static LocalDate dayOrToday(String text, String field) {
        LocalDate day = day(text, field);
        return day != null ? day : LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /**
     * @param body  a JSON body
     * @param field the field holding the day as a string
     * @return the day, or {@code null} when absent or blank
     * @throws InvalidInputException naming {@code field} when it is not a string or not a {@code yyyy-MM-dd} day
     */
    public static LocalDate day(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v != null && !(v instanceof String)) {
            throw new InvalidInputException(field, MESSAGE);
        }
        return day((String) v, field);
    }
}
