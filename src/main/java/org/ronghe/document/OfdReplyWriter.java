package org.ronghe.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.Span;
import org.ronghe.document.FontRoles.Role;

/**
 * Writes laid-out pages ({@link Gbt9704Layout}) as OFD (GB/T 33190-2016, the national format for electronic
 * official documents) with ofdrw: every text run and rule is placed absolutely where the layout put it, and the
 * fonts are embedded in the package as subsets of the characters used (Apache FontBox's subsetter, written to
 * temporary files because ofdrw embeds fonts from files; roles sharing one font share one subset).
 */
public final class OfdReplyWriter {

    /** Ascent of the fonts as a share of their size: places a run's box so its baseline lands on the layout's. */
    private static final double ASCENT = 0.86;

    private final FontRoles fonts;

    /** @param fonts the fonts the layout used */
    public OfdReplyWriter(FontRoles fonts) {
        this.fonts = fonts;
    }

    /**
     * @param pages laid-out pages
     * @param out   where the OFD package goes (closed when done, as ofdrw requires)
     * @throws IOException if writing fails
     */
    public void write(List<Gbt9704Layout.Page> pages, OutputStream out) throws IOException {
        // roles sharing one font (by default 仿宋, 宋体 and the fallback) get one embedded subset
        Map<TrueTypeFont, Set<Integer>> used = new IdentityHashMap<>();
        for (Gbt9704Layout.Page page : pages) {
            for (Gbt9704Layout.Text t : page.texts()) {
                Set<Integer> chars = used.computeIfAbsent(fonts.font(t.role()), f -> new TreeSet<>());
                t.text().codePoints().forEach(chars::add);
            }
        }
        Path dir = Files.createTempDirectory("ronghe-ofd-fonts");
        try {
            Map<TrueTypeFont, Font> byFont = new IdentityHashMap<>();
            int n = 0;
            for (Map.Entry<TrueTypeFont, Set<Integer>> e : used.entrySet()) {
                Path subset = dir.resolve("font" + n++ + ".ttf");
                try (OutputStream fontOut = Files.newOutputStream(subset)) {
                    TTFSubsetter subsetter = new TTFSubsetter(e.getKey());
                    e.getValue().forEach(subsetter::add);
                    subsetter.writeToStream(fontOut);
                }
                // the PostScript name tells apart faces of one family (Ronghe Song Regular and Bold). The constructor
                // with widths takes the file as it is: the others open it with java.awt.Font, which needs the JDK's
                // font manager and so fontconfig with at least one installed font, and fails on a machine without
                byFont.put(e.getKey(), new Font(e.getKey().getName(), family(e.getKey()), subset, asciiWidths(e.getKey())));
            }
            Map<Role, Font> ofdFonts = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                Font f = byFont.get(fonts.font(role));
                if (f != null) {
                    ofdFonts.put(role, f);
                }
            }
            writePages(pages, ofdFonts, out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * @return the advances of the printable ASCII characters (U+0020–U+007E) in ems, as ofdrw spaces the glyphs of
     *         a run by them (ofdrw otherwise takes half an em for each)
     */
    private static double[] asciiWidths(TrueTypeFont f) throws IOException {
        double[] widths = new double[0x7F - 0x20];
        for (int c = 0x20; c < 0x7F; c++) {
            int gid = f.getUnicodeCmapLookup().getGlyphId(c);
            widths[c - 0x20] = gid > 0 ? (double) f.getAdvanceWidth(gid) / f.getUnitsPerEm() : 0.5;
        }
        return widths;
    }

    private static String family(TrueTypeFont f) throws IOException {
        return f.getNaming() != null && f.getNaming().getFontFamily() != null ? f.getNaming().getFontFamily()
                : f.getName();
    }

    private void writePages(List<Gbt9704Layout.Page> pages, Map<Role, Font> ofdFonts, OutputStream out)
            throws IOException {
        try (OFDDoc doc = new OFDDoc(out)) {
            PageLayout a4 = PageLayout.A4();
            a4.setMargin(0d);
            for (Gbt9704Layout.Page page : pages) {
                VirtualPage vPage = new VirtualPage(a4);
                for (Gbt9704Layout.Rule r : page.rules()) {
                    Div rule = new Div(Math.abs(r.x2() - r.x1()), Math.max(r.thicknessMm(), Math.abs(r.y2() - r.y1())));
                    rule.setBackgroundColor(rgb(r.color()));
                    rule.setPosition(Position.Absolute);
                    rule.setXY(Math.min(r.x1(), r.x2()), r.y1() - r.thicknessMm() / 2);
                    vPage.add(rule);
                }
                for (Gbt9704Layout.Text t : page.texts()) {
                    double sizeMm = t.sizePt() * Gbt9704Layout.MM_PER_PT;
                    Span span = new Span(ofdFonts.get(t.role()), sizeMm, t.text());
                    span.setColor(rgb(t.color()));
                    if (t.spacingMm() != 0) {
                        span.setLetterSpacing(t.spacingMm());
                    }
                    Paragraph p = new Paragraph();
                    p.add(span);
                    p.setLineSpace(0d);
                    p.setPadding(0d);
                    p.setMargin(0d);
                    p.setWidth(Math.max(sizeMm * 1.2, Gbt9704Layout.PAGE_W - t.x()));
                    p.setPosition(Position.Absolute);
                    p.setXY(t.x(), t.baseline() - sizeMm * ASCENT);
                    vPage.add(p);
                }
                doc.addVPage(vPage);
            }
        }
    }

    private static int[] rgb(int color) {
        return new int[] {(color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF};
    }
}
