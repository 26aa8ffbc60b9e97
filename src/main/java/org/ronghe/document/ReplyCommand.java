package org.ronghe.document;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code reply} command line, run without the web server or the database:
 *
 * <pre>
 * java -jar ronghe.jar reply parse FILE...
 * java -jar ronghe.jar reply render FILE --format docx|pdf|ofd --out OUT
 * </pre>
 *
 * {@code parse} prints one JSON object per file and line (JSON Lines) with the extracted fields and {@code "file"}. A
 * file that cannot be read (missing, empty, over 20 MB, unsupported type, damaged) gives one line on standard error
 * and the others are still parsed; the exit code is then 2, otherwise 0. {@code render} parses one letter and writes
 * it as a GB/T 9704-2012 公文. Wrong usage also exits with 2, and so does a PDF or OFD whose font cannot be used
 * (one line naming the setting {@code ronghe.font.<role>}, a system property here); DOCX reads no font.
 */
public final class ReplyCommand {

    /** Exit code when every file was parsed. */
    public static final int OK = 0;
    /** Exit code when a file could not be read, or the command was used wrongly. */
    public static final int FAILED = 2;

    private static final String USAGE = "用法: java -jar ronghe.jar reply parse FILE...\n"
            + "      java -jar ronghe.jar reply render FILE --format docx|pdf|ofd --out OUT";

    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where the JSON lines go
     * @param err where per-file errors and usage messages go
     */
    public ReplyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the arguments after {@code reply}, e.g. {@code parse a.txt b.docx}
     * @return {@link #OK} or {@link #FAILED}
     */
    public int run(List<String> args) {
        if (args.size() >= 2 && args.get(0).equals("render")) {
            return render(args.subList(1, args.size()));
        }
        if (args.isEmpty() || !args.get(0).equals("parse") || args.size() < 2) {
            err.println(USAGE);
            return FAILED;
        }
        JsonMapper json = JsonMapper.builder().build();
        LetterReader reader = new LetterReader();
        ReplyExtractor extractor = new ReplyExtractor();
        int code = OK;
        for (String name : args.subList(1, args.size())) {
            try {
                String text = reader.read(Path.of(name));
                out.println(json.writeValueAsString(asJson(name, extractor.extract(text))));
            } catch (UnreadableLetterException e) {
                err.println(name + ": " + e.getMessage());
                code = FAILED;
            } catch (RuntimeException e) {
                err.println(name + ": 无法解析（" + e.getClass().getSimpleName() + "）");
                code = FAILED;
            }
        }
        out.flush();
        return code;
    }

    private int render(List<String> args) {
        String file = null;
        String format = null;
        String outFile = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--format") && i + 1 < args.size()) {
                format = args.get(++i);
            } else if (a.equals("--out") && i + 1 < args.size()) {
                outFile = args.get(++i);
            } else if (file == null && !a.startsWith("--")) {
                file = a;
            } else {
                err.println(USAGE);
                return FAILED;
            }
        }
        if (file == null || format == null || outFile == null) {
            err.println(USAGE);
            return FAILED;
        }
        Path target = Path.of(outFile).toAbsolutePath();
        if (java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !java.nio.file.Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            err.println(file + ": 输出路径 " + outFile + " 已存在且不是普通文件（目录、设备或链接），未写入");
            return FAILED;
        }
        if (target.getParent() == null || !java.nio.file.Files.isDirectory(target.getParent())) {
            err.println(file + ": 输出目录不存在：" + target.getParent());
            return FAILED;
        }
        Path temp = null;
        try {
            ReplyRenderer.Format f = ReplyRenderer.Format.parse(format);
            String text = new LetterReader().read(Path.of(file));
            ReplyLetter letter = ReplyLetters.fromText(text, new ReplyExtractor().extract(text));
            temp = java.nio.file.Files.createTempFile(target.getParent(), ".ronghe-render", ".tmp");
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(temp)) {
                // DOCX names its fonts and reads none: fonts are loaded only for PDF and OFD
                new ReplyRenderer(FontRoles::load).render(letter, f, out);
            }
            try {
                java.nio.file.Files.setPosixFilePermissions(temp,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            java.nio.file.Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            return OK;
        } catch (UnreadableLetterException | IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
        } catch (FontUnavailableException e) {
            err.println(file + ": 无法生成 " + format.toUpperCase(java.util.Locale.ROOT) + "，" + e.getMessage()
                    + "。请改正该设置（-D设置=字体文件），或去掉它以使用随平台提供的字体；DOCX 不需要字体，仍可生成");
        } catch (java.nio.file.AccessDeniedException e) {
            err.println(file + ": 无法写入 " + outFile + "（没有权限）");
        } catch (java.io.IOException | RuntimeException e) {
            err.println(file + ": 无法生成公文（" + ReplyRenderer.reason(e) + "）");
        } finally {
            if (temp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(temp);
                } catch (java.io.IOException e) {
                    // nothing more to do
                }
            }
        }
        return FAILED;
    }

    /**
     * The JSON shape of an extraction: {@code file}, the scalar and list fields, {@code commitmentsCount},
     * {@code commitments}, {@code indicators}, {@code sections} and {@code spans} ({@code [start, end]} per field).
     *
     * @param file the file name as given
     * @param r    the extraction
     * @return an ordered map ready for a JSON writer
     */
    public static Map<String, Object> asJson(String file, ExtractedReply r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("docNumber", r.docNumber());
        m.put("issuerMark", r.issuerMark());
        m.put("issuer", r.issuer());
        m.put("signatureOrg", r.signatureOrg());
        m.put("proposalNumber", r.proposalNumber());
        m.put("proposalKind", r.proposalKind());
        m.put("session", r.session());
        m.put("proposer", r.proposer());
        m.put("proposalTitle", r.proposalTitle());
        m.put("addressee", r.addressee());
        m.put("category", r.category());
        m.put("signer", r.signer());
        m.put("handlers", r.handlers());
        m.put("phone", r.phone());
        m.put("date", r.date());
        m.put("copyTo", r.copyTo());
        m.put("commitmentsCount", r.commitmentsCount());
        m.put("commitments", r.commitments() == null ? null : r.commitments().stream()
                .map(c -> ordered("title", c.title(), "text", c.text(), "span", span(c.span()))).toList());
        m.put("indicators", r.indicators().stream().map(i -> ordered("name", i.name(), "value", i.value(),
                "unit", i.unit(), "period", i.period(), "change", i.change(), "span", span(i.span()))).toList());
        m.put("sections", sections(r.sections()));
        Map<String, Object> spans = new LinkedHashMap<>();
        r.spans().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> spans.put(e.getKey(), span(e.getValue())));
        m.put("spans", spans);
        return m;
    }

    private static List<Map<String, Object>> sections(List<ExtractedReply.Section> sections) {
        return sections.stream().map(s -> ordered("level", s.level(), "number", s.number(), "title", s.title(),
                "text", s.text(), "span", span(s.span()), "children", sections(s.children()))).toList();
    }

    private static int[] span(Span s) {
        return new int[] {s.start(), s.end()};
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
