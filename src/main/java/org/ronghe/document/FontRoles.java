package org.ronghe.document;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The typefaces GB/T 9704-2012 《党政机关公文格式》 names (7.2.3 and 7.3.2 小标宋, 7.3.3 仿宋 body with 黑体 and 楷体
 * headings, 7.5 宋体 page numbers), each mapped to a TrueType font.
 *
 * <p>By default every role uses a font shipped inside the platform ({@code src/main/resources/fonts}, read from the
 * class path, so also from inside the Spring Boot jar), so rendering needs no font packages. All are subsets of fonts
 * under the SIL Open Font License 1.1, renamed as that licence requires; {@code NOTICE} at the repository root says
 * where each comes from and what was changed.
 *
 * <table>
 *   <caption>Shipped fonts</caption>
 *   <tr><th>role</th><th>file</th><th>made from</th><th>characters</th></tr>
 *   <tr><td>小标宋</td><td>RongheSong-Bold.ttf</td><td>Noto Serif CJK SC Bold</td><td>GB 2312</td></tr>
 *   <tr><td>仿宋, 宋体, fallback</td><td>RongheSong-Regular.ttf</td><td>Noto Serif CJK SC Regular</td>
 *       <td>GBK</td></tr>
 *   <tr><td>黑体</td><td>RongheHei-Regular.ttf</td><td>Noto Sans CJK SC Regular</td><td>GB 2312</td></tr>
 *   <tr><td>楷体</td><td>RongheKai-Regular.ttf</td><td>LXGW WenKai Regular</td><td>GB 2312</td></tr>
 * </table>
 *
 * <p><b>The 仿宋 role is set in a 宋 face</b> until a free 仿宋 covering GB 2312 can be shipped: the free 仿宋 fonts at
 * hand either lack simplified characters (cwTeX 仿宋) or could not be obtained. An office with a licensed 仿宋 points
 * {@code ronghe.font.fangsong} at it, e.g. 方正仿宋_GBK.
 *
 * <p>Each role can be set to another font file with the setting {@code ronghe.font.<role>} (the roles' keys are
 * {@code xiaobiaosong}, {@code fangsong}, {@code heiti}, {@code kaiti}, {@code songti}, {@code fallback}): a TrueType
 * file, a member of a collection as {@code file.ttc#PostScriptName}, or {@code classpath:path}. The command line
 * reads system properties ({@link #load()}); the web application reads its Spring environment, so also environment
 * variables such as {@code RONGHE_FONT_FANGSONG}. A font file several roles use is read once.
 *
 * <p>Loading never fails: a role whose font cannot be read (missing file, not TrueType, collection member absent,
 * embedding not permitted, no Chinese characters) is recorded as a {@link Problem}, and {@link #require} refuses
 * to draw with it by {@link FontUnavailableException}, naming the setting. Characters a role's font lacks are drawn
 * in the 宋体 font, and failing that in the fallback font.
 */
public final class FontRoles {

    /** Prefix of locations read from the class path. */
    public static final String CLASSPATH = "classpath:";

    /** A typeface role. */
    public enum Role {
        /** 小标宋: letterhead and title. */
        XIAOBIAOSONG("xiaobiaosong", "小标宋", "RongheSong-Bold.ttf"),
        /** 仿宋: body text. */
        FANGSONG("fangsong", "仿宋", "RongheSong-Regular.ttf"),
        /** 黑体: first-level headings. */
        HEITI("heiti", "黑体", "RongheHei-Regular.ttf"),
        /** 楷体: second-level headings. */
        KAITI("kaiti", "楷体", "RongheKai-Regular.ttf"),
        /** 宋体: page numbers. */
        SONGTI("songti", "宋体", "RongheSong-Regular.ttf"),
        /** Characters missing from a role's font. */
        FALLBACK("fallback", "后备", "RongheSong-Regular.ttf");

        private final String key;
        private final String label;
        private final String shippedFile;

        Role(String key, String label, String shippedFile) {
            this.key = key;
            this.label = label;
            this.shippedFile = shippedFile;
        }

        /** @return the setting that chooses this role's font, e.g. {@code ronghe.font.fangsong} */
        public String setting() {
            return "ronghe.font." + key;
        }

        /** @return the role's Chinese name, e.g. 仿宋 */
        public String label() {
            return label;
        }

        /** @return where the shipped font of this role is, e.g. {@code classpath:fonts/RongheSong-Regular.ttf} */
        public String shipped() {
            return CLASSPATH + "fonts/" + shippedFile;
        }
    }

    /**
     * A role whose configured font cannot be used.
     *
     * @param role     the role
     * @param location the configured location
     * @param reason   why, in Chinese (e.g. 文件不存在)
     */
    public record Problem(Role role, String location, String reason) {

        /** @return one line for the operator: role, setting, file and reason */
        public String message() {
            return role.label() + "字体不可用：" + role.setting() + "=" + location + "，" + reason;
        }

        /** @return the same for people using the platform, without the server's file path */
        public String publicMessage() {
            return role.label() + "字体不可用：设置 " + role.setting() + " 所指的字体无法使用（" + reason + "）";
        }
    }

    /** Shipped fonts, read once per process: they cannot change while it runs. */
    private static final Map<String, TrueTypeFont> SHIPPED = new ConcurrentHashMap<>();

    private final Map<Role, TrueTypeFont> fonts = new EnumMap<>(Role.class);
    private final Map<Role, String> locations = new EnumMap<>(Role.class);
    private final Map<Role, Problem> problems = new EnumMap<>(Role.class);

    private FontRoles() {
    }

    /**
     * Loads every role's font, each from its system property {@code ronghe.font.<role>} or the shipped font.
     *
     * @return the fonts, with a {@link Problem} for each role whose configured font cannot be used
     */
    public static FontRoles load() {
        return load(System::getProperty);
    }

    /**
     * Loads every role's font.
     *
     * @param settings the value of a setting by name (e.g. {@code ronghe.font.fangsong}), {@code null} or blank
     *                 when not set
     * @return the fonts, with a {@link Problem} for each role whose configured font cannot be used
     */
    public static FontRoles load(Function<String, String> settings) {
        FontRoles roles = new FontRoles();
        Map<String, Object> read = new HashMap<>(); // location → TrueTypeFont or the reason it cannot be used
        Map<String, TrueTypeCollection> collections = new HashMap<>();
        for (Role role : Role.values()) {
            String configured = settings.apply(role.setting());
            String location = configured == null || configured.isBlank() ? role.shipped() : configured.strip();
            roles.locations.put(role, location);
            Object font = read.computeIfAbsent(location, l -> {
                try {
                    return checked(open(l, collections));
                } catch (IOException | RuntimeException e) {
                    return e.getMessage() != null && e.getMessage().codePoints().anyMatch(FontRoles::isHan)
                            ? e.getMessage() : "无法作为 TrueType 字体读取";
                }
            });
            if (font instanceof TrueTypeFont ttf) {
                roles.fonts.put(role, ttf);
            } else {
                roles.problems.put(role, new Problem(role, location, (String) font));
            }
        }
        return roles;
    }

    /** @return every role whose configured font cannot be used, in role order */
    public List<Problem> problems() {
        return List.copyOf(problems.values());
    }

    /**
     * @param roles the roles a document needs; none means all
     * @return these fonts
     * @throws FontUnavailableException if the font of one of them cannot be used
     */
    public FontRoles require(Role... roles) {
        List<Problem> found = new ArrayList<>();
        for (Role role : roles.length == 0 ? Role.values() : roles) {
            if (problems.containsKey(role)) {
                found.add(problems.get(role));
            }
        }
        if (!found.isEmpty()) {
            throw new FontUnavailableException(found);
        }
        return this;
    }

    /** @return where a role's font comes from: a file, {@code file#member} or {@code classpath:…} */
    public String location(Role role) {
        return locations.get(role);
    }

    /** @return whether a role uses the shipped font (its setting is not set) */
    public boolean isShipped(Role role) {
        return locations.get(role).equals(role.shipped());
    }

    /**
     * @return the family name of a role's font as word processors know it ({@code null} if it cannot be used)
     */
    public String family(Role role) {
        TrueTypeFont f = fonts.get(role);
        if (f == null) {
            return null;
        }
        try {
            return f.getNaming() != null && f.getNaming().getFontFamily() != null
                    ? f.getNaming().getFontFamily() : f.getName();
        } catch (IOException e) {
            return role.name();
        }
    }

    /** @return the font of a role */
    TrueTypeFont font(Role role) {
        TrueTypeFont f = fonts.get(role);
        if (f == null) {
            throw new FontUnavailableException(List.of(problems.get(role)));
        }
        return f;
    }

    /**
     * @param role a role
     * @param codePoint a character
     * @return the role whose font draws the character: the role itself, {@link Role#SONGTI} or
     *         {@link Role#FALLBACK}; {@code null} if no font has it
     */
    public Role drawing(Role role, int codePoint) {
        if (Character.isWhitespace(codePoint) || has(role, codePoint)) {
            return role;
        }
        // a configured 仿宋 or 楷体 may lack characters, a 黑体 Latin letters: the 宋 of the page numbers is the
        // closer face
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

    /**
     * @param role      a role
     * @param codePoint a character
     * @return whether the role's font has a glyph for it ({@code false} if the font cannot be used)
     */
    public boolean has(Role role, int codePoint) {
        TrueTypeFont f = fonts.get(role);
        if (f == null) {
            return false;
        }
        try {
            return f.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
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

    private static TrueTypeFont open(String location, Map<String, TrueTypeCollection> collections)
            throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            TrueTypeFont cached = SHIPPED.get(resource);
            if (cached != null) {
                return cached;
            }
            try (InputStream in = FontRoles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("在类路径中不存在");
                }
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
                TrueTypeFont raced = SHIPPED.putIfAbsent(resource, font);
                return raced != null ? raced : font;
            }
        }
        String[] parts = location.split("#", 2);
        File file = new File(parts[0]);
        if (!file.exists()) {
            throw new IOException("文件不存在");
        }
        if (!file.isFile() || !file.canRead()) {
            throw new IOException("不是可读的文件");
        }
        if (parts.length == 2) {
            TrueTypeCollection ttc = collections.get(parts[0]);
            if (ttc == null) {
                try {
                    ttc = new TrueTypeCollection(file);
                } catch (IOException e) {
                    throw new IOException("不是 TrueType 字体集（.ttc）");
                }
                collections.put(parts[0], ttc);
            }
            TrueTypeFont f = ttc.getFontByName(parts[1]);
            if (f == null) {
                throw new IOException("字体集中没有名为 " + parts[1] + " 的字体");
            }
            return f;
        }
        try {
            return new TTFParser().parse(new RandomAccessReadBufferedFile(file));
        } catch (IOException e) {
            throw new IOException("不是 TrueType 字体文件");
        }
    }

    /**
     * Refuses what PDFBox and ofdrw cannot draw with: outlines not in a {@code glyf} table (OpenType/CFF), no
     * Unicode character map, no Chinese characters, or embedding not permitted by the font's licence bits
     * (OpenType specification, OS/2 table, {@code fsType}: usage permissions 2 "Restricted License embedding",
     * bit 8 "No subsetting", bit 9 "Bitmap embedding only"; the tests PDFBox makes before embedding).
     */
    private static TrueTypeFont checked(TrueTypeFont f) throws IOException {
        try {
            if (!f.getTableMap().containsKey("glyf") || f.getGlyph() == null) {
                throw new IOException("不是 TrueType 轮廓（OpenType/CFF 字体须先转换为 TrueType）");
            }
            if (f.getUnicodeCmapLookup(false) == null) {
                throw new IOException("没有 Unicode 字符映射");
            }
            if (f.getUnicodeCmapLookup().getGlyphId('一') <= 0) {
                throw new IOException("不含汉字（没有“一”字）");
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().codePoints().anyMatch(FontRoles::isHan)
                    ? e : new IOException("无法作为 TrueType 字体读取");
        }
        OS2WindowsMetricsTable os2 = f.getOS2Windows();
        if (os2 != null) {
            int fsType = os2.getFsType();
            if ((fsType & 0x000F) == OS2WindowsMetricsTable.FSTYPE_RESTRICTED) {
                throw new IOException("字体许可不允许嵌入文档（OS/2 fsType：Restricted License embedding）");
            }
            if ((fsType & OS2WindowsMetricsTable.FSTYPE_BITMAP_ONLY) != 0) {
                throw new IOException("字体许可只允许嵌入点阵（OS/2 fsType：Bitmap embedding only）");
            }
            if ((fsType & OS2WindowsMetricsTable.FSTYPE_NO_SUBSETTING) != 0) {
                throw new IOException("字体许可不允许子集嵌入（OS/2 fsType：No subsetting）");
            }
        }
        return f;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
