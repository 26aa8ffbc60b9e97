package org.ronghe.proposal;

import java.time.LocalDate;
import java.util.List;

/**
 * Published, inside the storing transaction, when a reply becomes final: an imported letter is stored, or a drafted
 * reply is released. Carries the commitments (承诺事项) its next-steps part states, so other modules can track them.
 *
 * @param countyCode   6-digit county code
 * @param replyId      the reply
 * @param proposalId   the proposal it answers
 * @param departmentId the replying unit, or {@code null} when the issuer is not a unit of the county
 * @param replyDate    the reply's date (成文日期)
 * @param docNumber    its 文号, or {@code null}
 * @param category     A, B, C or D, or {@code null}
 * @param commitments  the commitments in the letter's order
 */
public record ReplyRecorded(String countyCode, long replyId, long proposalId, Long departmentId, LocalDate replyDate,
                            String docNumber, String category, List<Commitment> commitments) {

    /**
     * One commitment.
     *
     * @param seq   its position, from 1
     * @param title its heading, or {@code null}
     * @param text  what is promised
     */
    public record Commitment(int seq, String title, String text) {
    }
}
