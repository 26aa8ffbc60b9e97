package org.ronghe.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored reply with its proposal.
 *
 * @param id             reply id
 * @param countyCode     6-digit county code
 * @param proposalId     proposal id
 * @param proposalKind   {@code CPPCC} or {@code NPC}
 * @param session        届次
 * @param proposalNumber 提案号
 * @param proposalTitle  提案标题, or {@code null}
 * @param proposer       提案者, or {@code null}
 * @param departmentId   handling unit, or {@code null} when the issuer is not a unit of the county
 * @param departmentName its name, or {@code null}
 * @param docNumber      发文字号, or {@code null}
 * @param issuerMark     发文机关标志, or {@code null}
 * @param issuer         发文机关
 * @param signatureOrg   署名机关, or {@code null}
 * @param addressee      主送, or {@code null}
 * @param category       办理类别, or {@code null}
 * @param signer         签发人, or {@code null}
 * @param handlers       承办人员
 * @param phone          联系电话, or {@code null}
 * @param replyDate      成文日期
 * @param copyTo         抄送
 * @param letterText     the letter's text
 * @param sourceFile     imported file name, or {@code null}
 * @param importedBy     who imported it
 * @param importedAt     when
 */
public record StoredReply(long id, String countyCode, long proposalId, String proposalKind, String session,
                          String proposalNumber, String proposalTitle, String proposer, Long departmentId,
                          String departmentName, String docNumber, String issuerMark, String issuer,
                          String signatureOrg, String addressee, String category, String signer, List<String> handlers,
                          String phone, LocalDate replyDate, List<String> copyTo, String letterText,
                          String sourceFile, String importedBy, OffsetDateTime importedAt) {

    /** A stated commitment: {@code title} is the numbered heading or {@code null}. */
    public record Commitment(int seq, String title, String text) {
    }

    /** A reported figure as printed. */
    public record Figure(int seq, String name, String valueText, String unit, String period, String change) {
    }

    /** @return {@code 政协提案} or {@code 人大建议} */
    public String kindLabel() {
        return "CPPCC".equals(proposalKind) ? "政协提案" : "人大建议";
    }
}
