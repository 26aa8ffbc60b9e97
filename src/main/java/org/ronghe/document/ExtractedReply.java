package org.ronghe.document;

import java.util.List;
import java.util.Map;

/**
 * The fields of a reply letter (答复函) as found in its text. A field the letter does not have is {@code null}
 * (lists: empty), never a guess from the wrong place.
 *
 * @param docNumber      发文字号 as printed, e.g. {@code 高发改发〔2025〕85号}
 * @param issuerMark     发文机关标志 (letterhead text), e.g. {@code 高平市发展改革和科技局文件}
 * @param issuer         issuing organ, e.g. {@code 高平市发展改革和科技局}
 * @param signatureOrg   organ named at the signature, only when it differs from {@code issuer}
 * @param proposalNumber 提案号/建议号: {@code 第52号} as printed, or the bare code when printed without 号
 *                       ({@code TA0010})
 * @param proposalKind   {@code CPPCC} (政协提案) or {@code NPC} (人大代表建议)
 * @param session        届次 as printed, e.g. {@code 高平市第七届政治协商会议第五次会议}
 * @param proposer       proposer (person(s), party branch or group) without 委员/代表
 * @param proposalTitle  title of the proposal, e.g. {@code 关于推进我市城乡产业融合发展建议的建议}
 * @param addressee      主送 line without its colon
 * @param category       办理结果类别 {@code A}, {@code B}, {@code C} or {@code D}
 * @param signer         签发人 / 领导签字, or {@code null} when the line is blank or missing
 * @param handlers       承办人员 / 联系人 names
 * @param phone          contact phone as printed
 * @param date           成文日期, ISO {@code yyyy-MM-dd} (never a web page's publish date)
 * @param copyTo         抄送 recipients
 * @param sections       heading tree (一、 / （一） / 1. / （1）)
 * @param commitments    top-level items of the 下一步 / 下步工作打算 / 今后 part, or {@code null} when there is none
 * @param indicators     reported figures
 * @param spans          where each scalar field came from, by field name
 */
public record ExtractedReply(String docNumber, String issuerMark, String issuer, String signatureOrg,
                             String proposalNumber, String proposalKind, String session, String proposer,
                             String proposalTitle, String addressee, String category, String signer,
                             List<String> handlers, String phone, String date, List<String> copyTo,
                             List<Section> sections, List<Commitment> commitments, List<Indicator> indicators,
                             Map<String, Span> spans) {

    /**
     * One heading with its text.
     *
     * @param level    1 for 一、, 2 for （一）, 3 for 1., 4 for （1）
     * @param number   the numbering as printed, e.g. {@code （一）}
     * @param title    the heading (up to the first 。 when the heading runs on into its paragraph)
     * @param text     the text under the heading up to the next heading of any level
     * @param span     where the heading starts and its part ends
     * @param children sub-headings
     */
    public record Section(int level, String number, String title, String text, Span span, List<Section> children) {
    }

    /**
     * A promise the reply makes.
     *
     * @param title the numbered sub-heading, or {@code null} when the commitment is a sentence
     * @param text  the sub-heading's text, or the sentence
     * @param span  where it stands
     */
    public record Commitment(String title, String text, Span span) {
    }

    /**
     * A reported figure.
     *
     * @param name   what is measured, e.g. {@code 常住人口城镇化率}
     * @param value  the number as printed, e.g. {@code 57.90}
     * @param unit   unit as printed, e.g. {@code %}, {@code 亿元}, {@code 万人次}, {@code 万m²}
     * @param period year or period it refers to, e.g. {@code 2024年}, {@code 今年上半年}, or {@code null}
     * @param change change reported with it, e.g. {@code 增长6.5%}, {@code 提高1.69个百分点}, or {@code null}
     * @param span   where the figure stands
     */
    public record Indicator(String name, String value, String unit, String period, String change, Span span) {
    }

    /** @return number of commitments, or {@code null} when the reply has no next-steps part */
    public Integer commitmentsCount() {
        return commitments == null ? null : commitments.size();
    }
}
