package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.NameRecord;
import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;
import org.ronghe.document.FontRoles.Role;

/**
 * The fonts shipped with the platform cover what 公文 are written in: every role's font has an outline for each of the
 * 6,763 hanzi of GB 2312-80 and for the punctuation and figures of GB/T 15834-2011 《标点符号用法》 and GB/T 15835-2011
 * 《出版物上数字用法》 as 公文 use them; the 宋 font (仿宋 role) all hanzi of GBK. The fonts carry their new names and
 * the original copyright and licence (SIL OFL 1.1).
 */
class FontCoverageTests {

    /** Punctuation, figures and symbols of 公文 (full-width forms as GB/T 15834 prints them). */
    static final String PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉〔〕【】「」『』—―…·・～"
            + "０１２３４５６７８９％．／－＋＝＜＞ＡＢＣＸＹＺａｂｃ"
            + "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⒈⒉⒊㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
            + "℃№‰§×÷±≤≥≠≈√∶〇〓□■○●△▲◇◆☆★→←↑↓"
            + "0123456789%.,;:?!()[]/-+=ABCXYZabcxyz";

    /**
     * @return the hanzi of GB 2312-80, rows 16 to 87 (bytes 0xB0A1–0xF7FE decoded with Java's GB2312 charset), in
     *         code order
     */
    static List<Integer> gb2312Hanzi() {
        CharsetDecoder decoder = Charset.forName("GB2312").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Integer> hanzi = new ArrayList<>();
        for (int hi = 0xB0; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                try {
                    String s = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) hi, (byte) lo})).toString();
                    hanzi.add(s.codePointAt(0));
                } catch (CharacterCodingException e) {
                    // the five unassigned positions at the end of row 55
                }
            }
        }
        return hanzi;
    }

    /** @return the hanzi of GBK (lead bytes 0x81–0xFE, trail bytes 0x40–0xFE, Java's GBK charset) */
    static List<Integer> gbkHanzi() {
        CharsetDecoder decoder = Charset.forName("GBK").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Integer> hanzi = new ArrayList<>();
        for (int hi = 0x81; hi <= 0xFE; hi++) {
            for (int lo = 0x40; lo <= 0xFE; lo++) {
                try {
                    int cp = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) hi, (byte) lo})).toString().codePointAt(0);
                    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isIdeographic(cp)) {
                        hanzi.add(cp);
                    }
                } catch (CharacterCodingException e) {
                    // not a GBK code
                }
            }
        }
        return hanzi;
    }

    @Test
    void gb2312HasExactly6763Hanzi() {
        List<Integer> hanzi = gb2312Hanzi();
        assertThat(hanzi).hasSize(6763).doesNotHaveDuplicates();
        assertThat(new String(new int[] {hanzi.get(0), hanzi.get(6762)}, 0, 2)).isEqualTo("啊齄");
        assertThat(hanzi).allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    @Test
    void everyRolesShippedFontDrawsEveryGb2312HanziAndThePunctuationOf公文() throws IOException {
        FontRoles fonts = FontRoles.load(setting -> null);
        assertThat(fonts.problems()).isEmpty();
        List<Integer> wanted = new ArrayList<>(gb2312Hanzi());
        PUNCTUATION.codePoints().forEach(wanted::add);
        Map<Role, String> missing = new TreeMap<>();
        for (Role role : Role.values()) {
            assertThat(fonts.isShipped(role)).isTrue();
            TrueTypeFont font = fonts.font(role);
            StringBuilder lacking = new StringBuilder();
            for (int cp : wanted) {
                int gid = font.getUnicodeCmapLookup().getGlyphId(cp);
                GlyphData glyph = gid > 0 ? font.getGlyph().getGlyph(gid) : null;
                if (glyph == null || glyph.getNumberOfContours() == 0) {
                    lacking.appendCodePoint(cp);
                }
                assertThat(fonts.drawing(role, cp)).as("%s U+%04X", role, cp).isEqualTo(role);
            }
            if (!lacking.isEmpty()) {
                missing.put(role, lacking.toString());
            }
        }
        assertThat(missing).as("characters without an outline, by role").isEmpty();
    }

    @Test
    void theSongFontOfTheBodyCoversEveryHanziOfGbk() throws IOException {
        FontRoles fonts = FontRoles.load(setting -> null);
        List<Integer> gbk = gbkHanzi();
        assertThat(gbk).hasSizeGreaterThan(20_900);
        StringBuilder lacking = new StringBuilder();
        for (int cp : gbk) {
            if (!fonts.has(Role.FANGSONG, cp)) {
                lacking.appendCodePoint(cp);
            }
        }
        assertThat(lacking.toString()).isEmpty();
        // the rarer characters of people's names, outside GB 2312
        assertThat("喆堃昇玥赟".codePoints().allMatch(cp -> fonts.has(Role.FANGSONG, cp))).isTrue();
    }

    @Test
    void oneFileServesTheBodyThePageNumbersAndTheFallbackAndIsReadOnce() {
        FontRoles fonts = FontRoles.load(setting -> null);
        assertThat(fonts.font(Role.SONGTI)).isSameAs(fonts.font(Role.FANGSONG));
        assertThat(fonts.font(Role.FALLBACK)).isSameAs(fonts.font(Role.FANGSONG));
        assertThat(fonts.font(Role.XIAOBIAOSONG)).isNotSameAs(fonts.font(Role.FANGSONG));
        assertThat(FontRoles.load(setting -> null).font(Role.FANGSONG)).as("shipped fonts are read once a process")
                .isSameAs(fonts.font(Role.FANGSONG));
    }

    @Test
    void theShippedFontsAreRenamedAndKeepTheOriginalCopyrightAndLicence() throws IOException {
        FontRoles fonts = FontRoles.load(setting -> null);
        Map<Role, String> names = Map.of(Role.XIAOBIAOSONG, "RongheSong-Bold", Role.FANGSONG, "RongheSong-Regular",
                Role.HEITI, "RongheHei-Regular", Role.KAITI, "RongheKai-Regular");
        for (Map.Entry<Role, String> e : names.entrySet()) {
            TrueTypeFont font = fonts.font(e.getKey());
            NamingTable naming = font.getNaming();
            assertThat(font.getName()).isEqualTo(e.getValue());
            assertThat(naming.getFontFamily()).startsWith("Ronghe ").doesNotContain("Noto", "Source", "LXGW");
            assertThat(windows(naming, NameRecord.NAME_COPYRIGHT, 0x409)).containsAnyOf("Adobe", "LXGW");
            assertThat(windows(naming, 13, 0x409)).as("licence description").contains("Open Font License");
            assertThat(windows(naming, 10, 0x409)).as("description").contains("Modified by the Ronghe project");
            assertThat(fonts.family(e.getKey())).isEqualTo(naming.getFontFamily());
        }
        assertThat(windows(fonts.font(Role.KAITI).getNaming(), NameRecord.NAME_FONT_FAMILY_NAME, 0x804))
                .isEqualTo("融合楷体");
        assertThat(FontCoverageTests.class.getResource("/fonts/OFL.txt")).isNotNull();
    }

    private static String windows(NamingTable naming, int nameId, int language) {
        return naming.getName(nameId, NameRecord.PLATFORM_WINDOWS, NameRecord.ENCODING_WINDOWS_UNICODE_BMP, language);
    }
}
