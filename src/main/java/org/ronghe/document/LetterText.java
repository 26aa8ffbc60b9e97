package org.ronghe.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A letter's text prepared for matching, with every view mapped back to the original characters.
 *
 * <ul>
 *   <li>{@code original}: the text as read;</li>
 *   <li>{@code folded}: the same length, character for character: full-width ASCII forms become half-width
 *       (：→:, （→(, ＡＢ→AB, ０→0), the ideographic space a space, and traditional characters simplified where the
 *       mapping is one to one — so a pattern found in {@code folded} has the same indices in {@code original};</li>
 *   <li>{@code lines}: the non-blank lines of {@code folded}, trimmed, with their offsets;</li>
 *   <li>{@code compact}: {@code folded} without any whitespace, for values a letter splits over lines, with a map
 *       from each compact index back to the original index.</li>
 * </ul>
 */
final class LetterText {

    /** One non-blank line. */
    record Line(int index, String text, int start) {

        int end() {
            return start + text.length();
        }

        /** The line without any whitespace, e.g. {@code 联 系 人：唐建平} → {@code 联系人:唐建平}. */
        String tight() {
            return text.replaceAll("\\s+", "");
        }
    }

    final String original;
    final String folded;
    final List<Line> lines;
    final String compact;
    private final int[] compactToOriginal;

    LetterText(String original, String simplified) {
        this.original = original;
        this.folded = fold(simplified.length() == original.length() ? simplified : original);
        this.lines = splitLines(folded);
        StringBuilder sb = new StringBuilder(folded.length());
        int[] map = new int[folded.length() + 1];
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0') {
                map[sb.length()] = i;
                sb.append(c);
            }
        }
        map[sb.length()] = folded.length();
        this.compact = sb.toString();
        this.compactToOriginal = java.util.Arrays.copyOf(map, sb.length() + 1);
    }

    /** @return the original index of a compact index (the end index maps after the last character) */
    int fromCompact(int compactIndex) {
        return compactToOriginal[compactIndex];
    }

    /** @return the span in the original text of a compact range {@code [start, end)} */
    Span compactSpan(int start, int end) {
        int s = fromCompact(start);
        int e = end == 0 ? s : fromCompact(end - 1) + 1;
        return new Span(s, e);
    }

    /**
     * @return the original text of a span with line breaks (and the spaces around them) removed — or turned into
     *         one space between two Latin letters or digits — and other runs of whitespace collapsed to one space,
     *         trimmed: the value "as printed, whitespace aside"
     */
    String value(Span span) {
        return original.substring(span.start(), span.end())
                .replaceAll("(?<=[A-Za-z0-9])[ \\t\\u3000\\u00A0]*\\R[ \\t\\u3000\\u00A0]*(?=[A-Za-z0-9])", " ")
                .replaceAll("[ \\t\\u3000\\u00A0]*\\R[ \\t\\u3000\\u00A0]*", "")
                .replaceAll("[ \\t\\u3000\\u00A0]+", " ").strip();
    }

    private static String fold(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                out[i] = ' ';
            } else if (c == '\uFE30' || c == '\uFE13') {
                out[i] = ':';
            }
        }
        return new String(out);
    }

    private static List<Line> splitLines(String s) {
        List<Line> lines = new ArrayList<>();
        int pos = 0;
        int n = s.length();
        while (pos <= n) {
            int end = pos;
            while (end < n && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                end++;
            }
            int a = pos;
            int b = end;
            while (a < b && Character.isWhitespace(s.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            if (b > a) {
                lines.add(new Line(lines.size(), s.substring(a, b), a));
            }
            if (end >= n) {
                break;
            }
            pos = end + 1;
            if (s.charAt(end) == '\r' && pos < n && s.charAt(pos) == '\n') {
                pos++;
            }
        }
        return lines;
    }
}
