package org.ronghe.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads a day typed in a form, a query parameter or a JSON field as ISO {@code yyyy-MM-dd}, refusing it by name. Days
 * outside the years 1900–2100 are refused too: no record of the platform lies there, and arithmetic on such days
 * (terms, deadlines) would overflow or leave PostgreSQL's range.
 */
public final class DateInput {

    private static final String MESSAGE = "日期应写作 2026-06-30";
    /** First and last year accepted. */
    public static final int FIRST_YEAR = 1900, LAST_YEAR = 2100;

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
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, MESSAGE);
        }
        if (!plausible(day)) {
            throw new InvalidInputException(field, "日期应在 " + FIRST_YEAR + " 年到 " + LAST_YEAR + " 年之间");
        }
        return day;
    }

    /** @return whether a day lies in the years the platform accepts ({@value #FIRST_YEAR}–{@value #LAST_YEAR}) */
    public static boolean plausible(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    /**
     * As {@link #day(String, String)}, with {@code today} (the county clock's) for an absent or blank text.
     *
     * @throws InvalidInputException naming {@code field} when the text is not a {@code yyyy-MM-dd} day
     */
    public static LocalDate dayOrToday(String text, String field, LocalDate today) {
        LocalDate day = day(text, field);
        return day != null ? day : today;
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
