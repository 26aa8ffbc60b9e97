#!/usr/bin/python3
"""Builds the fonts Ronghe ships for GB/T 9704-2012 公文 (src/main/resources/fonts) from Debian's font packages.

Each font is subset to a Chinese national character set plus the punctuation and symbols 公文 use, its PostScript
(CFF) outlines are converted to TrueType (glyf) outlines so Apache PDFBox and ofdrw can embed it, and it is renamed,
as the SIL Open Font License 1.1 requires of a Modified Version, keeping the original copyright and licence strings.
See README.md beside this script and NOTICE at the repository root.

Run with Debian's Python (python3-fonttools 4.38): /usr/bin/python3 scripts/fonts/build-fonts.py [OUTPUT_DIR]
"""

import hashlib
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

# Where Debian installs the sources (fonts-noto-cjk, fonts-lxgw-wenkai); the variables point elsewhere, e.g. at an
# unpacked .deb.
NOTO = os.environ.get("RONGHE_NOTO_DIR", "/usr/share/fonts/opentype/noto")
LXGW = os.environ.get("RONGHE_LXGW_DIR", "/usr/share/fonts/truetype/lxgw-wenkai")

# Largest distance, in font units (1000 to the em), between a cubic curve and its quadratic replacement.
MAX_CURVE_ERROR = 1.0

# Symbols 公文 and tables use beyond the national sets (kept where the source font has them): ASCII, Latin-1,
# General Punctuation, letterlike symbols, number forms (Roman numerals), arrows, enclosed alphanumerics
# (①–⑳, ⑴–⒇, ⒈–⒛), box drawing, geometric shapes, CJK symbols and punctuation, enclosed CJK (㈠–㈩),
# halfwidth and fullwidth forms.
EXTRA_RANGES = [(0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F),
                (0x2190, 0x21FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x303F),
                (0x3200, 0x32FF), (0xFF00, 0xFFEF)]


def national_set(name):
    """Every character of GB 2312 (rows 0xA1-0xF7) or GBK (0x81-0xFE x 0x40-0xFE), in every mapping Python
    knows for the same code (gb2312, gbk and gb18030 differ on a few punctuation marks, e.g. 0xA1A4 is U+30FB or
    U+00B7, 0xA1AA U+2015 or U+2014); GBK's user-defined areas (private-use code points) left out."""
    defining, leads, trails = ("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)) if name == "GB2312" \
        else ("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
    chars = set()
    for hi in leads:
        for lo in trails:
            code = bytes([hi, lo])
            try:
                code.decode(defining)
            except UnicodeDecodeError:
                continue
            for codec in ("gb2312", "gbk", "gb18030"):
                try:
                    text = code.decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(text) == 1 and not 0xE000 <= ord(text) <= 0xF8FF:
                    chars.add(ord(text))
    return chars


def gb2312_hanzi():
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def repertoire(name):
    chars = national_set(name)
    for first, last in EXTRA_RANGES:
        chars.update(range(first, last + 1))
    return chars


def open_member(path, postscript_name):
    if not path.endswith(".ttc"):
        return TTFont(path, recalcTimestamp=False)
    collection = TTCollection(path, recalcTimestamp=False)
    for font in collection.fonts:
        if font["name"].getDebugName(6) == postscript_name:
            return font
    sys.exit(f"{path} has no font {postscript_name}")


def cff_to_glyf(font):
    """Replaces the CFF table by glyf/loca with the same outlines as quadratic curves (cu2qu)."""
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # PostScript outlines run counter-clockwise, TrueType ones clockwise
        glyph_set[name].draw(Cu2QuPen(pen, MAX_CURVE_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxTwilightPoints",
                  "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\0\1\0\0"


def rename(font, spec):
    """Names the font as ours (OFL 1.1 condition 3): Windows-platform names only, copyright, trademark, designer,
    URLs and licence kept from the original; the description says what was changed."""
    name = font["name"]
    kept = {i: name.getDebugName(i) for i in (0, 7, 8, 9, 11, 12, 13, 14)}
    version = name.getDebugName(5)
    name.names = []
    en, zh = 0x409, 0x804
    records = {
        0: kept[0], 1: spec["family"], 2: spec["style"],
        3: f"{spec['postscript']};{version.replace('Version ', '')};Ronghe",
        4: spec["full"], 5: f"{version}; Ronghe subset {spec['set']}", 6: spec["postscript"],
        7: kept[7], 8: kept[8], 9: kept[9],
        10: (f"Modified by the Ronghe project from {spec['original']}: subset to {spec['set']} and 公文 punctuation"
             + (", PostScript outlines converted to TrueType" if spec["converted"] else "") + ", renamed."),
        11: kept[11], 12: kept[12], 13: kept[13], 14: kept[14],
    }
    for name_id, value in records.items():
        if value:
            name.setName(value, name_id, 3, 1, en)
    name.setName(spec["family_zh"], 1, 3, 1, zh)
    name.setName(spec["style"], 2, 3, 1, zh)
    name.setName(spec["full_zh"], 4, 3, 1, zh)


def build(spec, out_dir):
    font = open_member(spec["source"], spec["member"])
    upstream_names = {font["name"].getDebugName(1), font["name"].getDebugName(6)}
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=repertoire(spec["set"]))
    subsetter.subset(font)
    # Unicode variation sequences (cmap format 14) select glyphs the subset does not keep, and PDFBox ignores them
    font["cmap"].tables = [t for t in font["cmap"].tables if t.format != 14]
    converted = "CFF " in font
    if converted:
        cff_to_glyf(font)
    spec = dict(spec, converted=converted, original=font["name"].getDebugName(4) or spec["member"])
    rename(font, spec)
    for reserved in spec["reserved"] | upstream_names:
        for record in font["name"].names:
            if record.nameID in (1, 4, 6, 16, 17) and reserved in record.toUnicode():
                sys.exit(f"{spec['file']}: name {record.nameID} still carries {reserved!r}")
    path = os.path.join(out_dir, spec["file"])
    font.save(path)
    return path


FONTS = [
    dict(file="RongheSong-Regular.ttf", source=f"{NOTO}/NotoSerifCJK-Regular.ttc", member="NotoSerifCJKsc-Regular",
         set="GBK", family="Ronghe Song", style="Regular", full="Ronghe Song", postscript="RongheSong-Regular",
         family_zh="融合宋体", full_zh="融合宋体", reserved={"Noto", "Source"}),
    dict(file="RongheSong-Bold.ttf", source=f"{NOTO}/NotoSerifCJK-Bold.ttc", member="NotoSerifCJKsc-Bold",
         set="GB2312", family="Ronghe Song", style="Bold", full="Ronghe Song Bold", postscript="RongheSong-Bold",
         family_zh="融合宋体", full_zh="融合宋体 Bold", reserved={"Noto", "Source"}),
    dict(file="RongheHei-Regular.ttf", source=f"{NOTO}/NotoSansCJK-Regular.ttc", member="NotoSansCJKsc-Regular",
         set="GB2312", family="Ronghe Hei", style="Regular", full="Ronghe Hei", postscript="RongheHei-Regular",
         family_zh="融合黑体", full_zh="融合黑体", reserved={"Noto", "Source"}),
    dict(file="RongheKai-Regular.ttf", source=f"{LXGW}/LXGWWenKai-Regular.ttf", member="LXGWWenKai-Regular",
         set="GB2312", family="Ronghe Kai", style="Regular", full="Ronghe Kai", postscript="RongheKai-Regular",
         family_zh="融合楷体", full_zh="融合楷体", reserved={"LXGW", "霞鹜", "Klee"}),
]


def check(path, spec):
    """Every GB 2312 hanzi must have a glyph with an outline; reports what of the repertoire the font lacks."""
    font = TTFont(path)
    cmap = font.getBestCmap()
    glyf = font["glyf"]
    empty = [cp for cp in gb2312_hanzi() if cp not in cmap or glyf[cmap[cp]].numberOfContours == 0]
    if empty:
        sys.exit(f"{path}: {len(empty)} GB 2312 hanzi without a glyph: {''.join(map(chr, empty[:40]))}")
    national = national_set(spec["set"])
    missing = sorted(cp for cp in national if cp not in cmap)
    hanzi = [cp for cp in national if 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF]
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print(f"{spec['file']}: {os.path.getsize(path):,} bytes, {len(font.getGlyphOrder())} glyphs, "
          f"{len(cmap)} characters; {spec['set']}: {len(national) - len(missing)} of {len(national)} characters "
          f"({len(hanzi)} hanzi), lacking {' '.join('U+%04X' % cp for cp in missing) or 'none'}; sha256 {digest}")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "main", "resources", "fonts")
    os.makedirs(out_dir, exist_ok=True)
    only = os.environ.get("RONGHE_FONTS")  # e.g. RONGHE_FONTS=RongheKai-Regular.ttf to build one
    for spec in FONTS:
        if only and spec["file"] not in only.split(","):
            continue
        check(build(spec, out_dir), spec)


if __name__ == "__main__":
    main()
