package org.ronghe.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates letters are dated with: {@code 2025年8月27日}, {@code 二〇二五年八月二十七日} (also with 0 or ○ for
 * zero), {@code 2024-06-27}, {@code 2024.6.27}, {@code 2024/6/27}, and digits run together ({@code 20200511},
 * {@code 2020511}: the reading that gives a valid date is taken, months before days).
 */
final class ChineseDates {

    private static final String CN_DIGITS = "〇零○0Ｏ一二三四五六七八九";
    static final String YEAR = "(?:(?:19|20)\\d{2}|[二][〇零○0Ｏ一二三四五六七八九]{3})";
    static final String MONTH = "(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    static final String DAY = "(?:3[01]|[12]\\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])";
    private static final Pattern WRITTEN = Pattern.compile(
            "(" + YEAR + ")\\s*年\\s*(" + MONTH + ")\\s*月\\s*(" + DAY + ")\\s*日");
    private static final Pattern NUMERIC = Pattern.compile("((?:19|20)\\d{2})[-./](\\d{1,2})[-./](\\d{1,2})");
    private static final Pattern RUN_TOGETHER = Pattern.compile("((?:19|20)\\d{2})(\\d{2,4})");

    private ChineseDates() {
    }

    /** A date found in a text, with where it stands. */
    record Found(LocalDate date, int start, int end) {
    }

    /**
     * Reads a date that makes up a whole line (the way a letter's own date is printed).
     *
     * @param line a trimmed line of folded text
     * @return the date and its range in the line, or {@code null} if the line is not just a date
     */
    static Found wholeLine(String line) {
        String t = line.strip();
        Matcher m = WRITTEN.matcher(t);
        if (m.matches()) {
            return found(m.group(1), m.group(2), m.group(3), 0, t.length());
        }
        m = NUMERIC.matcher(t);
        if (m.matches()) {
            return found(m.group(1), m.group(2), m.group(3), 0, t.length());
        }
        m = RUN_TOGETHER.matcher(t);
        if (m.matches()) {
            String rest = m.group(2);
            for (int monthDigits = 1; monthDigits <= 2 && monthDigits < rest.length(); monthDigits++) {
                Found f = found(m.group(1), rest.substring(0, monthDigits), rest.substring(monthDigits), 0, t.length());
                if (f != null && rest.length() - monthDigits <= 2) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Finds a written date ({@code …年…月…日}) at the end of a line, e.g. {@code 三州乡人民政府 2024年6月7日}.
     *
     * @param line a trimmed line
     * @return the date and its range, or {@code null}
     */
    static Found atEnd(String line) {
        Matcher m = WRITTEN.matcher(line);
        Found last = null;
        while (m.find()) {
            if (m.end() == line.length()) {
                last = found(m.group(1), m.group(2), m.group(3), m.start(), m.end());
            }
        }
        return last;
    }

    private static Found found(String y, String m, String d, int start, int end) {
        try {
            return new Found(LocalDate.of(number(y, true), number(m, false), number(d, false)), start, end);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Arabic digits, digit-by-digit Chinese numerals (years) or Chinese numbers with 十 (months, days). */
    static int number(String s, boolean digitByDigit) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        if (digitByDigit) {
            int v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + digit(c);
            }
            return v;
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return digit(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : digit(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
        return tens * 10 + ones;
    }

    private static int digit(char c) {
        int i = CN_DIGITS.indexOf(c);
        if (i < 0) {
            if (Character.isDigit(c)) {
                return c - '0';
            }
            throw new NumberFormatException("not a digit: " + c);
        }
        return i <= 4 ? 0 : i - 4;
    }
}
