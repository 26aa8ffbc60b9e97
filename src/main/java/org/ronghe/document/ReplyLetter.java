package org.ronghe.document;

import java.time.LocalDate;
import java.util.List;

/**
 * The content of a reply letter, ready to be laid out as a 公文 (GB/T 9704-2012).
 *
 * @param issuerMark   发文机关标志, e.g. {@code 高平市发展改革和科技局文件}
 * @param docNumber    发文字号, e.g. {@code 高发改发〔2025〕85号}, or {@code null}
 * @param category     办理结果类别 letter printed at the top right, or {@code null}
 * @param title        标题
 * @param addressee    主送机关 (without the colon)
 * @param paragraphs   正文, in order
 * @param signatureOrg 发文机关署名
 * @param date         成文日期, or {@code null}
 * @param note         附注 (contact persons and phone), or {@code null}
 * @param copyTo       抄送机关 (empty for none)
 */
public record ReplyLetter(String issuerMark, String docNumber, String category, String title, String addressee,
                          List<Paragraph> paragraphs, String signatureOrg, LocalDate date, String note,
                          List<String> copyTo) {

    /** Kinds of body paragraphs and their typefaces (GB/T 9704-2012, 7.3.3). */
    public enum Kind {
        /** 一、 heading: 黑体. */
        HEADING_1,
        /** （一） heading: 楷体. */
        HEADING_2,
        /** 1. and （1） headings, and text: 仿宋. */
        TEXT,
        /** 敬礼 and similar lines printed flush left. */
        FLUSH_LEFT
    }

    /**
     * One paragraph.
     *
     * @param kind    its kind
     * @param heading for a heading that runs on into its text, the heading part (up to and including its 。);
     *                {@code null} otherwise
     * @param text    the whole paragraph text, heading included
     */
    public record Paragraph(Kind kind, String heading, String text) {
    }

    /** @return the date as printed on a 公文: Arabic numerals without leading zeros, e.g. {@code 2025年8月27日} */
    public String dateText() {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
