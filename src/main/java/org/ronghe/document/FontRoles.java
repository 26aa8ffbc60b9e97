package org.ronghe.document;

import java.io.File;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The typefaces GB/T 9704-2012 names (小标宋, 仿宋, 黑体, 楷体, and 宋体 for page numbers), each mapped to a TrueType
 * font file. Defaults are free fonts from Debian packages; each can be replaced with the system property
 * {@code ronghe.font.<role>} (e.g. {@code -Dronghe.font.fangsong=/usr/share/fonts/fzfs.ttf}), a collection member
 * given as {@code file.ttc#PostScriptName}.
 *
 * <table>
 *   <caption>Default fonts</caption>
 *   <tr><th>role</th><th>font</th><th>Debian package</th></tr>
 *   <tr><td>小标宋, 宋体</td><td>AR PL SungtiL GB</td><td>fonts-arphic-gbsn00lp</td></tr>
 *   <tr><td>仿宋</td><td>cwTeX 仿宋</td><td>fonts-cwtex-fs</td></tr>
 *   <tr><td>黑体, fallback</td><td>Droid Sans Fallback</td><td>fonts-droid-fallback</td></tr>
 *   <tr><td>楷体</td><td>AR PL KaitiM GB</td><td>fonts-arphic-gkai00mp</td></tr>
 * </table>
 * Characters a role's font lacks are set in the 宋体 font, and failing that in the fallback font.
 */
public final class FontRoles {

    /** A typeface role. */
    public enum Role {
        /** 小标宋: letterhead and title. */
        XIAOBIAOSONG("xiaobiaosong", "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
        /** 仿宋: body text. */
        FANGSONG("fangsong", "/usr/share/fonts/truetype/cwtex/cwfs.ttf"),
        /** 黑体: first-level headings. */
        HEITI("heiti", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        /** 楷体: second-level headings. */
        KAITI("kaiti", "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"),
        /** 宋体: page numbers. */
        SONGTI("songti", "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
        /** Characters missing from a role's font. */
        FALLBACK("fallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

        private final String key;
        private final String defaultLocation;

        Role(String key, String defaultLocation) {
            this.key = key;
            this.defaultLocation = defaultLocation;
        }

        /** @return the font location for this role: system property {@code ronghe.font.<key>} or the default */
        public String location() {
            return System.getProperty("ronghe.font." + key, defaultLocation);
        }
    }

    private final Map<Role, TrueTypeFont> fonts = new EnumMap<>(Role.class);
    private final Map<Role, String> locations = new EnumMap<>(Role.class);

    private FontRoles() {
    }

    /**
     * Loads every role's font.
     *
     * @return the fonts
     * @throws IOException if a font file is missing or not TrueType; the message names the role, the file and the
     *                     Debian package that provides the default
     */
    public static FontRoles load() throws IOException {
        FontRoles roles = new FontRoles();
        for (Role role : Role.values()) {
            String location = role.location();
            roles.locations.put(role, location);
            roles.fonts.put(role, open(role, location));
        }
        return roles;
    }

    /** @return the font of a role */
    TrueTypeFont font(Role role) {
        return fonts.get(role);
    }

    /** @return the file of a role's font ({@code #name} of a collection member removed) */
    File file(Role role) {
        return new File(locations.get(role).replaceFirst("#.*$", ""));
    }

    /** @return the family name of a role's font, as word processors know it */
    String family(Role role) {
        try {
            TrueTypeFont f = fonts.get(role);
            return f.getNaming() != null && f.getNaming().getFontFamily() != null
                    ? f.getNaming().getFontFamily() : f.getName();
        } catch (IOException e) {
            return role.name();
        }
    }

    /**
     * @param role a role
     * @param codePoint a character
     * @return the role whose font draws the character: the role itself, {@link Role#SONGTI} or
     *         {@link Role#FALLBACK}; {@code null} if no font has it
     */
    Role drawing(Role role, int codePoint) {
        if (Character.isWhitespace(codePoint) || has(role, codePoint)) {
            return role;
        }
        // 仿宋 and 楷体 fonts of Big5 origin lack simplified characters, the 黑体 font lacks Latin letters: the 宋 of
        // the letterhead is the closer face
        if (role != Role.SONGTI && has(Role.SONGTI, codePoint)) {
            return Role.SONGTI;
        }
        return has(Role.FALLBACK, codePoint) ? Role.FALLBACK : null;
    }

    /**
     * @param codePoint a character
     * @return whether any configured font can draw it
     */
    boolean canDraw(int codePoint) {
        return Character.isWhitespace(codePoint) || has(Role.SONGTI, codePoint) || has(Role.FALLBACK, codePoint);
    }

    private boolean has(Role role, int codePoint) {
        try {
            return fonts.get(role).getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return the advance of a character in millimetres at a size in points, using the drawing font
     */
    double advanceMm(Role role, int codePoint, double sizePt) {
        Role r = drawing(role, codePoint);
        if (r == null) {
            return sizePt * Gbt9704Layout.MM_PER_PT;
        }
        try {
            TrueTypeFont f = fonts.get(r);
            int gid = f.getUnicodeCmapLookup().getGlyphId(codePoint);
            double units = f.getAdvanceWidth(gid);
            return units / f.getUnitsPerEm() * sizePt * Gbt9704Layout.MM_PER_PT;
        } catch (IOException e) {
            return sizePt * Gbt9704Layout.MM_PER_PT;
        }
    }

    private static TrueTypeFont open(Role role, String location) throws IOException {
        String[] parts = location.split("#", 2);
        File file = new File(parts[0]);
        if (!file.isFile()) {
            throw new IOException("缺少" + role.name() + "字体文件 " + file
                    + "（请安装 Debian 字体包 fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-cwtex-fs fonts-droid-fallback，"
                    + "或用 -Dronghe.font." + role.key + "=文件 指定）");
        }
        if (parts.length == 2) {
            TrueTypeCollection ttc = new TrueTypeCollection(file);
            TrueTypeFont f = ttc.getFontByName(parts[1]);
            if (f == null) {
                throw new IOException(file + " 中没有字体 " + parts[1]);
            }
            return f;
        }
        return new TTFParser().parse(new RandomAccessReadBufferedFile(file));
    }
}
