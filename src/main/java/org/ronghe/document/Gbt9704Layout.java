package org.ronghe.document;

import java.util.ArrayList;
import java.util.List;

import org.ronghe.document.FontRoles.Role;

/**
 * Lays a {@link ReplyLetter} out on A4 pages following GB/T 9704-2012 《党政机关公文格式》, producing positioned text
 * and rules that the PDF and OFD writers draw. All lengths are millimetres from the page's top-left corner.
 *
 * <ul>
 *   <li>5.2.1 / 5.2.2: A4, top margin 37 mm, binding margin 28 mm, type area 156 × 225 mm;</li>
 *   <li>5.2.3: 22 lines of 28 characters of size-3 (16 pt) 仿宋;</li>
 *   <li>7.2.3: 发文机关标志 red 小标宋, centred, its top 35 mm below the type area's top;</li>
 *   <li>7.2.4: 发文字号 two lines below it, centred; a red rule as wide as the type area 4 mm below the number;</li>
 *   <li>7.3.1 / 7.3.2: title in size-2 (22 pt) 小标宋 two lines below the rule, centred; addressee one line below,
 *       flush left;</li>
 *   <li>7.3.3: body 仿宋 with a two-character first-line indent; 一、 headings 黑体, （一） headings 楷体;</li>
 *   <li>7.3.5.2: without a seal, the signature sits two characters from the right, the date on the next line
 *       starting two characters further right (both moved left if the date is longer);</li>
 *   <li>7.3.7: 附注 one line below the date, indented two characters, in parentheses;</li>
 *   <li>7.4.2: 抄送 in size-4 (14 pt) 仿宋 on the last lines of the last page between thin rules, one character
 *       in from each side;</li>
 *   <li>7.5: page numbers size-4 宋体 "— 1 —", 7 mm below the type area, odd pages right and even pages left, one
 *       character in.</li>
 * </ul>
 */
public final class Gbt9704Layout {

    /** Millimetres per typographic point. */
    public static final double MM_PER_PT = 25.4 / 72;
    /** Page width and height (A4). */
    public static final double PAGE_W = 210;
    /** Page height (A4). */
    public static final double PAGE_H = 297;
    /** Left (binding) margin and top margin of the type area. */
    public static final double LEFT = 28;
    /** Top margin. */
    public static final double TOP = 37;
    /** Type area width and height. */
    public static final double TYPE_W = 156;
    /** Type area height. */
    public static final double TYPE_H = 225;
    /** Body lines per page and characters per line. */
    public static final int LINES = 22;
    /** Characters per line. */
    public static final int CHARS = 28;
    /** Distance between body lines. */
    public static final double PITCH = TYPE_H / LINES;
    /** Width of one character cell of body text. */
    public static final double CELL = TYPE_W / CHARS;
    /** Body text size (三号). */
    public static final double BODY_PT = 16;
    /** Title size (二号). */
    public static final double TITLE_PT = 22;
    /** Size of 抄送 and page numbers (四号). */
    public static final double SMALL_PT = 14;
    /** The red of letterhead and rule. */
    public static final int RED = 0xE60012;
    /** Black. */
    public static final int BLACK = 0x000000;

    /**
     * A run of text in one font at one position.
     *
     * @param x         left edge, mm
     * @param baseline  baseline, mm from the page top
     * @param role      typeface role
     * @param sizePt    size in points
     * @param color     RGB
     * @param text      the characters
     * @param spacingMm extra space after each character (0: the font's own advances; positive in justified lines)
     */
    public record Text(double x, double baseline, Role role, double sizePt, int color, String text, double spacingMm) {
    }

    /** A straight rule. */
    public record Rule(double x1, double y1, double x2, double y2, double thicknessMm, int color) {
    }

    /** One page of ink. */
    public record Page(int number, List<Text> texts, List<Rule> rules) {
    }

    private final FontRoles fonts;
    private final List<Page> pages = new ArrayList<>();
    private List<Text> texts;
    private List<Rule> rules;
    private int line;

    /** @param fonts the fonts whose metrics place the characters */
    public Gbt9704Layout(FontRoles fonts) {
        this.fonts = fonts;
    }

    /**
     * @param letter what to lay out
     * @return the pages, each with its page number
     */
    public List<Page> layout(ReplyLetter letter) {
        letter = drawable(letter);
        newPage();
        if (letter.category() != null) {
            run(LEFT + TYPE_W - width(Role.HEITI, letter.category() + "类", BODY_PT), TOP + 6, Role.HEITI,
                    letter.category() + "类", BODY_PT, 0);
        }
        double markPt = letterheadPt(letter.issuerMark());
        double markBaseline = TOP + 35 + markPt * MM_PER_PT * 0.88;
        centred(markBaseline, Role.XIAOBIAOSONG, markPt, RED, letter.issuerMark());
        double y = markBaseline + 2 * PITCH;
        if (letter.docNumber() != null) {
            centred(y, Role.FANGSONG, BODY_PT, BLACK, letter.docNumber());
        }
        double ruleY = y + 4;
        rules.add(new Rule(LEFT, ruleY, LEFT + TYPE_W, ruleY, 0.5, RED));
        double titleBaseline = ruleY + 2 * PITCH - 1;
        double lastTitleBaseline = titleBaseline;
        for (String titleLine : wrap(Role.XIAOBIAOSONG, TITLE_PT, letter.title(), TYPE_W, 0)) {
            centred(titleBaseline, Role.XIAOBIAOSONG, TITLE_PT, BLACK, titleLine);
            lastTitleBaseline = titleBaseline;
            titleBaseline += TITLE_PT * MM_PER_PT * 1.5;
        }
        // the addressee one (empty) line below the title's last line
        line = (int) Math.floor((lastTitleBaseline - TOP) / PITCH) + 2;
        if (!letter.addressee().isBlank()) {
            bodyLine(Role.FANGSONG, letter.addressee() + "：", 0);
        }
        for (ReplyLetter.Paragraph p : letter.paragraphs()) {
            paragraph(p);
        }
        line++;
        signature(letter);
        if (letter.note() != null) {
            line++;
            List<String> noteLines = wrap(Role.FANGSONG, BODY_PT, letter.note(), TYPE_W, 2 * CELL);
            for (int i = 0; i < noteLines.size(); i++) {
                bodyLine(Role.FANGSONG, noteLines.get(i), i == 0 ? 2 * CELL : 0);
            }
        }
        if (!letter.copyTo().isEmpty()) {
            copyTo(letter.copyTo());
        }
        pageNumbers();
        return List.copyOf(pages);
    }

    /**
     * Size of the letterhead: as large as 36 pt while it fits on one line of the type area (GB/T 9704-2012 7.2.3
     * leaves the size to the issuer, "以醒目、美观、庄重为原则").
     *
     * @param mark the letterhead text
     * @return size in points
     */
    public static double letterheadPt(String mark) {
        int chars = Math.max(1, mark.codePointCount(0, mark.length()));
        return Math.min(36, Math.floor(TYPE_W / (MM_PER_PT * chars * 1.04)));
    }

    /**
     * Replaces characters no configured font has (emoji, rare extension characters) by 〓 (GB 2312's geta mark,
     * the customary stand-in for a missing character), so every character drawn has a glyph.
     */
    private ReplyLetter drawable(ReplyLetter l) {
        return new ReplyLetter(drawable(l.issuerMark()), drawable(l.docNumber()), drawable(l.category()),
                drawable(l.title()), drawable(l.addressee()), l.paragraphs().stream()
                .map(p -> new ReplyLetter.Paragraph(p.kind(), drawable(p.heading()), drawable(p.text()))).toList(),
                drawable(l.signatureOrg()), l.date(), drawable(l.note()), l.copyTo().stream().map(this::drawable).toList());
    }

    private String drawable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (fonts.canDraw(cp)) {
                sb.appendCodePoint(cp);
            } else if (!Character.isISOControl(cp)) {
                sb.append('〓');
            }
        });
        return sb.toString();
    }

    private void paragraph(ReplyLetter.Paragraph p) {
        if (p.text().equals("此致")) {
            ensureLines(2); // 此致 stays on the page of its 敬礼
        }
        double indent = p.kind() == ReplyLetter.Kind.FLUSH_LEFT ? 0 : 2 * CELL;
        Role headRole = switch (p.kind()) {
            case HEADING_1 -> Role.HEITI;
            case HEADING_2 -> Role.KAITI;
            default -> Role.FANGSONG;
        };
        String head = p.heading() != null ? p.heading() : p.kind() == ReplyLetter.Kind.HEADING_1
                || p.kind() == ReplyLetter.Kind.HEADING_2 ? p.text() : "";
        List<String> lines = wrap(Role.FANGSONG, BODY_PT, p.text(), TYPE_W, indent);
        int remainingHead = head.length();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            double x = LEFT + (i == 0 ? indent : 0);
            // justify every line but a paragraph's last, so both edges of the text block are straight
            double slack = TYPE_W - (x - LEFT) - width(Role.FANGSONG, l, BODY_PT);
            int gaps = l.codePointCount(0, l.length()) - 1;
            double extra = i < lines.size() - 1 && slack > 0 && slack < 3 * CELL && gaps > 0 ? slack / gaps : 0;
            ensureLine();
            double baseline = baseline(line);
            if (remainingHead > 0) {
                String h = l.substring(0, Math.min(remainingHead, l.length()));
                x = run(x, baseline, headRole, h, BODY_PT, extra);
                remainingHead -= h.length();
                l = l.substring(h.length());
            }
            run(x, baseline, Role.FANGSONG, l, BODY_PT, extra);
            line++;
        }
    }

    private void signature(ReplyLetter letter) {
        String org = letter.signatureOrg() == null ? "" : letter.signatureOrg();
        String date = letter.dateText();
        double orgW = width(Role.FANGSONG, org, BODY_PT);
        double dateW = width(Role.FANGSONG, date, BODY_PT);
        double orgX = LEFT + TYPE_W - 2 * CELL - orgW;
        double dateX = orgX + 2 * CELL;
        if (dateX + dateW > LEFT + TYPE_W - 2 * CELL) {
            dateX = LEFT + TYPE_W - 2 * CELL - dateW;
            orgX = Math.min(orgX, dateX - 2 * CELL + (dateW - orgW) / 2);
        }
        ensureLines(2);
        run(orgX, baseline(line), Role.FANGSONG, org);
        line++;
        run(dateX, baseline(line), Role.FANGSONG, date);
        line++;
    }

    private void copyTo(List<String> copyTo) {
        String text = "抄送：" + String.join("，", copyTo) + "。";
        List<String> lines = wrap(Role.FANGSONG, SMALL_PT, text, TYPE_W - 2 * CELL, 0);
        int needed = lines.size() + 1;
        if (line + needed > LINES) {
            newPage();
        }
        int first = LINES - lines.size();
        double top = TOP + first * PITCH;
        rules.add(new Rule(LEFT, top + 0.5, LEFT + TYPE_W, top + 0.5, 0.25, BLACK));
        for (int i = 0; i < lines.size(); i++) {
            run(LEFT + CELL, baseline(first + i), Role.FANGSONG, lines.get(i), SMALL_PT, 0);
        }
        double bottom = TOP + LINES * PITCH;
        rules.add(new Rule(LEFT, bottom, LEFT + TYPE_W, bottom, 0.25, BLACK));
    }

    private void pageNumbers() {
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            String label = "— " + page.number() + " —";
            double w = width(Role.SONGTI, label, SMALL_PT);
            double cell = SMALL_PT * MM_PER_PT;
            double x = page.number() % 2 == 1 ? LEFT + TYPE_W - cell - w : LEFT + cell;
            double baseline = TOP + TYPE_H + 7 + SMALL_PT * MM_PER_PT * 0.8;
            page.texts().add(new Text(x, baseline, Role.SONGTI, SMALL_PT, BLACK, label, 0));
        }
    }

    // ---- placing text ------------------------------------------------------------------------------------

    private void bodyLine(Role role, String text, double indent) {
        ensureLine();
        run(LEFT + indent, baseline(line), role, text);
        line++;
    }

    private double run(double x, double baseline, Role role, String text) {
        return run(x, baseline, role, text, BODY_PT, 0);
    }

    /**
     * Places a run: each full-width character in its own grid cell, other characters in runs at their natural
     * widths, each in the font that has it. Returns the x after the run.
     */
    private double run(double x, double baseline, Role role, String text, double sizePt, double extra) {
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isFullWidth(cp)) {
                placeChar(x, baseline, fonts.drawing(role, cp), sizePt, BLACK, new String(Character.toChars(cp)),
                        advance(role, cp, sizePt));
                x += advance(role, cp, sizePt) + extra;
                i += len;
                continue;
            }
            Role drawing = fonts.drawing(role, cp);
            int j = i;
            while (j < text.length() && !isFullWidth(text.codePointAt(j))
                    && fonts.drawing(role, text.codePointAt(j)) == drawing) {
                j += Character.charCount(text.codePointAt(j));
            }
            String part = text.substring(i, j);
            texts.add(new Text(x, baseline, drawing, sizePt, BLACK, part, extra));
            x += width(role, part, sizePt) + extra * part.codePointCount(0, part.length());
            i = j;
        }
        return x;
    }

    /** A full-width character centred in its cell, whatever the drawing font's own advance. */
    private void placeChar(double x, double baseline, Role drawing, double sizePt, int color, String ch, double cell) {
        double natural = fonts.advanceMm(drawing, ch.codePointAt(0), sizePt);
        texts.add(new Text(x + (cell - natural) / 2, baseline, drawing, sizePt, color, ch, 0));
    }

    private void centred(double baseline, Role role, double sizePt, int color, String text) {
        double x = LEFT + (TYPE_W - width(role, text, sizePt)) / 2;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            double a = advance(role, cp, sizePt);
            placeChar(x, baseline, fonts.drawing(role, cp), sizePt, color, new String(Character.toChars(cp)), a);
            x += a;
            i += Character.charCount(cp);
        }
    }

    /** Breaks text into lines of at most {@code width} (the first line shortened by {@code firstIndent}). */
    List<String> wrap(Role role, double sizePt, String text, double width, double firstIndent) {
        return LineBreaker.wrap(text, width, firstIndent, false, unit -> width(role, unit, sizePt));
    }

    double width(Role role, String text, double sizePt) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += advance(role, cp, sizePt);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Full-width characters take one grid cell (scaled to the size); others their font advance. */
    private double advance(Role role, int cp, double sizePt) {
        if (isFullWidth(cp)) {
            return sizePt == BODY_PT ? CELL : sizePt * MM_PER_PT;
        }
        return fonts.advanceMm(role, cp, sizePt);
    }

    private static boolean isFullWidth(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                || cp == 0x2014 || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2026
                || cp == 0x00B7;
    }

    // ---- pages and lines ---------------------------------------------------------------------------------

    private double baseline(int lineIndex) {
        return TOP + lineIndex * PITCH + PITCH * 0.72;
    }

    private void ensureLine() {
        ensureLines(1);
    }

    private void ensureLines(int n) {
        if (line + n > LINES) {
            newPage();
        }
    }

    private void newPage() {
        texts = new ArrayList<>();
        rules = new ArrayList<>();
        pages.add(new Page(pages.size() + 1, texts, rules));
        line = 0;
    }
}
