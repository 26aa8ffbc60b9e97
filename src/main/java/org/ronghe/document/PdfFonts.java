package org.ronghe.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ronghe.document.FontRoles.Role;

/**
 * The fonts of one PDF being written with Apache PDFBox: each role's font embedded as a subset of the characters
 * drawn with it, once per font file (by default 仿宋, 宋体 and the fallback share one embedded font), and text split
 * into runs by the font that has each character ({@link FontRoles#drawing}).
 */
public final class PdfFonts {

    /**
     * Characters drawn in one role's font.
     *
     * @param role the role whose font draws them
     * @param text the characters
     */
    public record Run(Role role, String text) {
    }

    private final PDDocument doc;
    private final FontRoles fonts;
    private final Map<Role, PDType0Font> byRole = new EnumMap<>(Role.class);
    private final Map<TrueTypeFont, PDType0Font> byFont = new IdentityHashMap<>();

    /**
     * @param doc   the document the fonts are embedded in
     * @param fonts the platform's fonts; every role used must be usable ({@link FontRoles#require})
     */
    public PdfFonts(PDDocument doc, FontRoles fonts) {
        this.doc = doc;
        this.fonts = fonts;
    }

    /**
     * @param role a role
     * @return its font, embedded in the document on first use
     * @throws FontUnavailableException if the role's font cannot be used
     * @throws IOException              if PDFBox cannot embed it
     */
    public PDType0Font font(Role role) throws IOException {
        PDType0Font font = byRole.get(role);
        if (font == null) {
            TrueTypeFont ttf = fonts.font(role);
            font = byFont.get(ttf);
            if (font == null) {
                font = PDType0Font.load(doc, ttf, true);
                byFont.put(ttf, font);
            }
            byRole.put(role, font);
        }
        return font;
    }

    /**
     * @param role the role the text is set in
     * @param text the text; every character must be drawable ({@link FontRoles#drawing} not {@code null})
     * @return the text in runs, each drawn by one font: the role's own, else 宋体's, else the fallback's
     */
    public List<Run> runs(Role role, String text) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        Role current = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Role drawing = fonts.drawing(role, cp);
            drawing = drawing == null ? role : drawing;
            if (current != null && drawing != current) {
                runs.add(new Run(current, text.substring(start, i)));
                start = i;
            }
            current = drawing;
            i += Character.charCount(cp);
        }
        if (current != null) {
            runs.add(new Run(current, text.substring(start)));
        }
        return runs;
    }

    /**
     * @param role   the role the text is set in
     * @param text   the text
     * @param sizePt the size in points
     * @return its width in points, each run measured in its own font
     * @throws IOException if a font cannot be read
     */
    public float width(Role role, String text, float sizePt) throws IOException {
        float width = 0;
        for (Run run : runs(role, text)) {
            width += font(run.role()).getStringWidth(run.text()) / 1000 * sizePt;
        }
        return width;
    }
}
