package org.ronghe.problem;

import java.text.Normalizer;
import java.util.List;

/**
 * Cleans and checks one line of text typed by a person (names, codes, aliases) before it is stored.
 *
 * <ul>
 *   <li>invisible formatting characters (zero-width spaces and joiners, direction marks and overrides, BOM,
 *       word joiner) are removed: they make two names look identical while being different;</li>
 *   <li>no-break and ideographic spaces become ordinary spaces; leading and trailing spaces are removed;</li>
 *   <li>control characters (including NUL, line breaks and tabs), unpaired surrogates and CJK radical characters
 *       (which look like ordinary characters, e.g. ⺠ for 民) are refused;</li>
 *   <li>the length limit counts characters as people see them (Unicode code points), not UTF-16 units.</li>
 * </ul>
 */
public final class TextInput {

    /**
     * Invisible characters: every format character (Unicode category Cf: zero-width spaces and joiners, direction
     * marks, BOM, soft hyphen …), the combining grapheme joiner, variation selectors, and the blank "filler"
     * letters (Hangul fillers, braille blank, Mongolian vowel separator).
     */
    private static final String INVISIBLE =
            "[\\p{Cf}\\u034F\\uFE00-\\uFE0F\\u115F\\u1160\\u3164\\uFFA0\\u2800\\u180E\\x{E0100}-\\x{E01EF}]";

    private TextInput() {
    }

    /**
     * @param field    field name for the error
     * @param label    Chinese name of the field, e.g. {@code 单位全称}
     * @param value    raw input, may be {@code null}
     * @param maxChars largest accepted length in code points
     * @param required whether an empty value is an error
     * @param problems where problems are added
     * @return the cleaned value ({@code ""} for empty input), meaningful only if no problem was added
     */
    public static String line(String field, String label, String value, int maxChars, boolean required,
                              List<FieldProblem> problems) {
        String cleaned = clean(value);
        if (cleaned.chars().anyMatch(c -> Character.isISOControl(c))) {
            problems.add(new FieldProblem(field, label + "含有控制字符（如换行、制表符），请删除"));
        } else if (hasUnpairedSurrogate(cleaned)) {
            problems.add(new FieldProblem(field, label + "含有无效字符"));
        } else if (cleaned.codePoints().anyMatch(TextInput::isRadical)) {
            problems.add(new FieldProblem(field, label + "含有部首字符（如“⺠”），请输入正常汉字"));
        } else if (cleaned.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, label + "不能为空"));
            }
        } else if (cleaned.codePointCount(0, cleaned.length()) > maxChars) {
            problems.add(new FieldProblem(field, label + "不能超过" + maxChars + "个字符"));
        }
        return cleaned;
    }

    /**
     * Removes invisible formatting characters, turns special spaces into ordinary ones and strips the ends.
     *
     * @param value raw input, may be {@code null}
     * @return cleaned text, {@code ""} for {@code null}
     */
    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        return value.replaceAll(INVISIBLE, "").replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    /**
     * Folds text for comparing names: NFKC (full-width letters and digits become half-width), invisible
     * characters and all whitespace removed.
     *
     * @param value text, may be {@code null}
     * @return folded text, {@code ""} for {@code null}
     */
    public static String fold(String value) {
        return Normalizer.normalize(clean(value), Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /**
     * Shortens a value for quoting it in an error message.
     *
     * @param value any text
     * @return at most 40 characters, with an ellipsis when cut
     */
    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** CJK Radicals Supplement (U+2E80–U+2EFF) and Kangxi Radicals (U+2F00–U+2FDF). */
    private static boolean isRadical(int codePoint) {
        return codePoint >= 0x2E80 && codePoint <= 0x2FDF;
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
