package org.ronghe.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Renders a {@link ReplyLetter} as an official document (GB/T 9704-2012) in one of three formats. DOCX names its
 * fonts and embeds none, so it is written without reading any font; PDF and OFD need every role's font
 * ({@link FontRoles#require}) and are refused with {@link FontUnavailableException} when one cannot be used.
 */
public final class ReplyRenderer {

    /** Output formats. */
    public enum Format {
        /** Word document (editable; Apache POI). */
        DOCX,
        /** PDF with embedded fonts (Apache PDFBox). */
        PDF,
        /** OFD, GB/T 33190-2016 (ofdrw). */
        OFD;

        /**
         * @param name {@code docx}, {@code pdf} or {@code ofd}, any case
         * @return the format
         * @throws IllegalArgumentException for any other name
         */
        public static Format parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("格式应为 docx、pdf 或 ofd，实为 " + name);
            }
        }
    }

    /** Longest letter rendered, in pages: a reply is a few pages; anything far longer is not a letter. */
    public static final int MAX_PAGES = 200;

    private final Supplier<FontRoles> fonts;

    /** @param fonts the fonts to lay out and embed */
    public ReplyRenderer(FontRoles fonts) {
        this(() -> fonts);
    }

    /** @param fonts gives the fonts to lay out and embed, asked only when a PDF or OFD is rendered */
    public ReplyRenderer(Supplier<FontRoles> fonts) {
        this.fonts = fonts;
    }

    /**
     * @param letter the letter
     * @param format the format
     * @param out    where the document goes
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the letter lays out to more than {@link #MAX_PAGES} pages
     * @throws FontUnavailableException if the format is PDF or OFD and a role's font cannot be used
     */
    public void render(ReplyLetter letter, Format format, OutputStream out) throws IOException {
        if (format == Format.DOCX && letter.paragraphs().size() > MAX_PAGES * 20) {
            throw new IllegalArgumentException("答复函过长，请检查原文是否为答复函");
        }
        if (format == Format.DOCX) {
            new DocxReplyWriter().write(letter, out);
            return;
        }
        FontRoles roles = fonts.get().require();
        switch (format) {
            case PDF -> new PdfReplyWriter(roles).write(layout(roles, letter), letter.title(), out);
            case OFD -> new OfdReplyWriter(roles).write(layout(roles, letter), out);
            default -> throw new IllegalStateException(format.name());
        }
    }

    private static List<Gbt9704Layout.Page> layout(FontRoles roles, ReplyLetter letter) {
        List<Gbt9704Layout.Page> pages = new Gbt9704Layout(roles).layout(letter);
        if (pages.size() > MAX_PAGES) {
            throw new IllegalArgumentException("答复函排版后超过 " + MAX_PAGES + " 页，请检查原文是否为答复函");
        }
        return pages;
    }

    /**
     * @param e a failure while rendering
     * @return a short Chinese reason for people (an unusable font names its setting; other failures are not
     *         shown in detail)
     */
    public static String reason(Exception e) {
        String m = e.getMessage();
        return m != null && m.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? m : "排版或写入失败";
    }
}
