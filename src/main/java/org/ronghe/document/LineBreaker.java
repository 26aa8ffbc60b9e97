package org.ronghe.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks Chinese text into lines of a given width by the usual rule of Chinese typesetting: closing punctuation never
 * starts a line but stays at the end of the one before (hanging past the width if it must). Widths are in whatever
 * unit the measure gives (mm, pt). Used for 公文 (GB/T 9704-2012 layout) and for other documents such as contracts.
 */
public final class LineBreaker {

    /** Characters that never start a line. */
    public static final String NO_LINE_START = "，。、；：？！）》」』”’%．,.;:?!)]";

    private LineBreaker() {
    }

    /**
     * @param text          the paragraph
     * @param width         the line width
     * @param firstIndent   how much of the first line is taken by an indent
     * @param keepLatinRuns whether a run of ASCII letters and digits (a credit code, a number) stays whole on one line
     *                      when it fits one
     * @param measure       the width of a piece of text, in the unit of {@code width}
     * @return the lines, at least one
     */
    public static List<String> wrap(String text, double width, double firstIndent, boolean keepLatinRuns,
                                    ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        double used = firstIndent;
        for (String unit : units(text, keepLatinRuns)) {
            double a = measure.applyAsDouble(unit);
            if (a > width) { // a run longer than a line is cut where it must
                for (int i = 0; i < unit.length(); i++) {
                    String ch = unit.substring(i, i + 1);
                    double w = measure.applyAsDouble(ch);
                    if (used + w > width + 0.01 && current.length() > 0) {
                        lines.add(current.toString());
                        current.setLength(0);
                        used = 0;
                    }
                    current.append(ch);
                    used += w;
                }
                continue;
            }
            boolean noStart = unit.codePointCount(0, unit.length()) == 1 && NO_LINE_START.indexOf(unit.codePointAt(0)) >= 0;
            if (used + a > width + 0.01 && current.length() > 0 && !noStart) {
                lines.add(current.toString());
                current.setLength(0);
                used = 0;
            }
            current.append(unit);
            used += a;
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** @return single code points, or with {@code keepLatinRuns} ASCII letter-and-digit runs kept together */
    private static List<String> units(String text, boolean keepLatinRuns) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (keepLatinRuns && cp < 128 && Character.isLetterOrDigit(cp)) {
                run.appendCodePoint(cp);
            } else {
                if (run.length() > 0) {
                    out.add(run.toString());
                    run.setLength(0);
                }
                out.add(new String(Character.toChars(cp)));
            }
            i += Character.charCount(cp);
        }
        if (run.length() > 0) {
            out.add(run.toString());
        }
        return out;
    }
}
