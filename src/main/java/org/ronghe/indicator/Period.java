package org.ronghe.indicator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of an indicator value: a year ({@code 2024}), a half-year ({@code 2025H1}), a quarter
 * ({@code 2025Q2}) or a month ({@code 2025-06}).
 *
 * @param code      the period as stored
 * @param frequency which kind of period it is
 */
public record Period(String code, Frequency frequency) {

    /** How often an indicator is measured. */
    public enum Frequency {
        /** 年度 */
        YEAR("年度"),
        /** 半年 */
        HALF_YEAR("半年"),
        /** 季度 */
        QUARTER("季度"),
        /** 月度 */
        MONTH("月度");

        private final String label;

        Frequency(String label) {
            this.label = label;
        }

        /** @return the Chinese name */
        public String label() {
            return label;
        }
    }

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:(H[12])|(Q[1-4])|-(0[1-9]|1[0-2]))?");

    /**
     * @param text a period as written ({@code 2024}, {@code 2025H1}, {@code 2025Q2}, {@code 2025-06}); blanks ignored
     * @return the period, or empty when the text is no period (years 1900–2100)
     */
    public static Optional<Period> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toUpperCase());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1900 || Integer.parseInt(m.group(1)) > 2100) {
            return Optional.empty();
        }
        Frequency f = m.group(2) != null ? Frequency.HALF_YEAR : m.group(3) != null ? Frequency.QUARTER
                : m.group(4) != null ? Frequency.MONTH : Frequency.YEAR;
        return Optional.of(new Period(m.group(0), f));
    }

    /** @return the year */
    public int year() {
        return Integer.parseInt(code.substring(0, 4));
    }

    /** @return the same period one year earlier (for year-on-year change) */
    public Period yearBefore() {
        return new Period((year() - 1) + code.substring(4), frequency);
    }

    /** @return the period in Chinese, e.g. 2025年上半年, 2025年第二季度, 2025年6月, 2024年 */
    public String label() {
        String y = year() + "年";
        return switch (frequency) {
            case YEAR -> y;
            case HALF_YEAR -> y + (code.endsWith("H1") ? "上半年" : "下半年");
            case QUARTER -> y + "第" + "一二三四".charAt(code.charAt(5) - '1') + "季度";
            case MONTH -> y + Integer.parseInt(code.substring(5)) + "月";
        };
    }
}
