package org.ronghe.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link ReplyLetter} of an existing letter from its text and extraction: the title as printed, the
 * body paragraphs re-joined where the text broke them in odd places, headings classified by their numbering, the
 * signature, date, contact note and 抄送.
 */
public final class ReplyLetters {

    private static final Pattern L1 = Pattern.compile("^[一二三四五六七八九十]{1,3}、.*");
    private static final Pattern L2 = Pattern.compile("^[(（][一二三四五六七八九十]{1,3}[)）].*");
    private static final Pattern ANY_HEADING = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\\d{1,2}[.．、](?!\\d)|[(（]\\d{1,2}[)）]).*");
    private static final Pattern SKIP = Pattern.compile(
            "^(?:签\\s*发\\s*人|领\\s*导\\s*签\\s*字|承\\s*办\\s*人\\s*员?|联\\s*系\\s*人|联\\s*系\\s*电\\s*话|联\\s*系\\s*单\\s*位|"
                    + "经\\s*办\\s*人|抄\\s*送|类\\s*别)\\s*[:：].*");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[。！？：:；;!?）)”\"]$");

    private ReplyLetters() {
    }

    /**
     * @param text      the letter's text, as given to the extractor
     * @param extracted what the extractor found in it
     * @return the letter ready to be laid out
     */
    public static ReplyLetter fromText(String text, ExtractedReply extracted) {
        LetterText t = new LetterText(text, text);
        int titleLine = extracted.spans().containsKey("proposalNumber")
                ? lineOf(t, extracted.spans().get("proposalNumber").start()) : 0;
        int addresseeLine = extracted.spans().containsKey("addressee")
                ? lineOf(t, extracted.spans().get("addressee").start()) : titleLine + 1;
        int firstTitleLine = titleLine;
        while (firstTitleLine > 0 && titleContinues(t.lines.get(firstTitleLine - 1).text())) {
            firstTitleLine--;
        }
        StringBuilder title = new StringBuilder();
        for (int i = firstTitleLine; i < addresseeLine; i++) {
            String tight = t.lines.get(i).tight();
            boolean otherPart = i > titleLine && (tight.contains(":") || tight.endsWith("文件")
                    || holdsField(t, i, extracted, "docNumber", "category", "signer", "issuerMark")
                    || tight.length() > 40);
            if (otherPart) {
                break;
            }
            title.append(original(t, i));
        }
        int end = t.lines.size();
        if (extracted.spans().containsKey("signatureOrg")) {
            end = lineOf(t, extracted.spans().get("signatureOrg").start());
        } else if (extracted.spans().containsKey("issuer") && extracted.issuerMark() == null
                && lineOf(t, extracted.spans().get("issuer").start()) > addresseeLine) {
            end = lineOf(t, extracted.spans().get("issuer").start());
        } else if (extracted.spans().containsKey("date")) {
            end = lineOf(t, extracted.spans().get("date").start());
            // the signing organ above the date, when it is the issuer itself
            if (end > addresseeLine + 1 && extracted.issuer() != null
                    && t.lines.get(end - 1).tight().equals(extracted.issuer().replaceAll("\\s+", ""))) {
                end--;
            }
        }
        List<ReplyLetter.Paragraph> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = addresseeLine + 1; i < end; i++) {
            String line = original(t, i);
            if (SKIP.matcher(t.lines.get(i).text()).matches()) {
                continue;
            }
            boolean heading = ANY_HEADING.matcher(t.lines.get(i).text()).matches();
            boolean standalone = line.equals("此致") || line.equals("敬礼") || line.equals("敬礼！")
                    || (heading && !line.contains("。") && line.length() <= 40);
            if (current.length() > 0 && (heading || standalone)) {
                paragraphs.add(paragraph(current.toString()));
                current.setLength(0);
            }
            current.append(line.replace("**", ""));
            if (ENDS_SENTENCE.matcher(line).matches() || standalone) {
                paragraphs.add(paragraph(current.toString()));
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            paragraphs.add(paragraph(current.toString()));
        }
        String signature = extracted.signatureOrg() != null ? extracted.signatureOrg() : extracted.issuer();
        String note = null;
        if (!extracted.handlers().isEmpty() || extracted.phone() != null) {
            note = "（" + (extracted.handlers().isEmpty() ? "" : "承办人员：" + String.join(" ", extracted.handlers()))
                    + (!extracted.handlers().isEmpty() && extracted.phone() != null ? "；" : "")
                    + (extracted.phone() == null ? "" : "联系电话：" + extracted.phone()) + "）";
        }
        String mark = extracted.issuerMark() != null ? extracted.issuerMark()
                : extracted.issuer() != null ? extracted.issuer() + "文件" : "";
        return new ReplyLetter(mark, extracted.docNumber(), extracted.category(), title.toString(),
                extracted.addressee() == null ? "" : extracted.addressee(), List.copyOf(paragraphs), signature,
                extracted.date() == null ? null : LocalDate.parse(extracted.date()), note,
                extracted.copyTo() == null ? List.of() : extracted.copyTo());
    }

    private static boolean holdsField(LetterText t, int lineIndex, ExtractedReply r, String... fields) {
        LetterText.Line line = t.lines.get(lineIndex);
        for (String f : fields) {
            Span s = r.spans().get(f);
            if (s != null && s.start() < line.end() && s.end() > line.start()) {
                return true;
            }
        }
        return false;
    }

    private static String original(LetterText t, int lineIndex) {
        LetterText.Line line = t.lines.get(lineIndex);
        return t.original.substring(line.start(), line.end()).strip();
    }

    private static boolean titleContinues(String previous) {
        String p = previous.strip();
        return !p.isEmpty() && !p.endsWith("号") && !p.endsWith("文件") && !p.matches(".*[:：].*") && p.length() < 30
                && (p.startsWith("关于") || p.startsWith("对"));
    }

    private static ReplyLetter.Paragraph paragraph(String text) {
        text = text.replaceAll("(?<=[\\p{IsHan}，。、；：])\\s+(?=[\\p{IsHan}])", "");
        if (L1.matcher(text).matches()) {
            return new ReplyLetter.Paragraph(ReplyLetter.Kind.HEADING_1, headingPart(text), text);
        }
        if (L2.matcher(text).matches()) {
            return new ReplyLetter.Paragraph(ReplyLetter.Kind.HEADING_2, headingPart(text), text);
        }
        if (text.startsWith("敬礼")) {
            return new ReplyLetter.Paragraph(ReplyLetter.Kind.FLUSH_LEFT, null, text);
        }
        return new ReplyLetter.Paragraph(ReplyLetter.Kind.TEXT, null, text);
    }

    /** A heading runs up to its first 。 (inclusive), or is the whole paragraph. */
    private static String headingPart(String text) {
        Matcher m = Pattern.compile("^[^。]*。").matcher(text);
        return m.find() && m.end() < text.length() ? m.group() : text;
    }

    private static int lineOf(LetterText t, int offset) {
        int found = 0;
        for (LetterText.Line line : t.lines) {
            if (line.start() <= offset) {
                found = line.index();
            }
        }
        return found;
    }
}
