package org.ronghe.proposal;

import java.util.List;

import org.ronghe.document.ExtractedReply;

/**
 * A reply letter's fields as staff confirm them for import (extracted, then corrected where needed).
 *
 * @param docNumber      发文字号, or blank
 * @param issuerMark     发文机关标志, or blank
 * @param issuer         发文机关 (required)
 * @param signatureOrg   署名机关 when it differs, or blank
 * @param proposalNumber 提案号/建议号 (required), e.g. {@code TA0010} or {@code 第52号}
 * @param proposalKind   {@code CPPCC} or {@code NPC} (required)
 * @param session        届次 as printed (required)
 * @param proposer       提案者, or blank
 * @param proposalTitle  提案标题, or blank
 * @param addressee      主送, or blank
 * @param category       办理结果类别 A–D, or blank
 * @param signer         签发人, or blank
 * @param handlers       承办人员
 * @param phone          联系电话, or blank
 * @param date           成文日期, ISO {@code yyyy-MM-dd} (required)
 * @param copyTo         抄送
 * @param letterText     the letter's full text (required; its commitments and figures are taken from it)
 * @param sourceFile     the uploaded file's name, or blank
 */
public record ReplyImport(String docNumber, String issuerMark, String issuer, String signatureOrg,
                          String proposalNumber, String proposalKind, String session, String proposer,
                          String proposalTitle, String addressee, String category, String signer,
                          List<String> handlers, String phone, String date, List<String> copyTo,
                          String letterText, String sourceFile) {

    /**
     * @param r          what the extractor found
     * @param text       the letter's text
     * @param sourceFile the file's name
     * @return the fields as extracted, for staff to confirm
     */
    public static ReplyImport of(ExtractedReply r, String text, String sourceFile) {
        return new ReplyImport(r.docNumber(), r.issuerMark(), r.issuer(), r.signatureOrg(), r.proposalNumber(),
                r.proposalKind(), r.session(), r.proposer(), r.proposalTitle(), r.addressee(), r.category(),
                r.signer(), r.handlers(), r.phone(), r.date(), r.copyTo() == null ? List.of() : r.copyTo(), text,
                sourceFile);
    }
}
