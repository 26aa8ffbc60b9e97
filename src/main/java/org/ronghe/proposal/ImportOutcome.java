package org.ronghe.proposal;

/**
 * What importing one letter did.
 *
 * @param status       {@code CREATED}, or {@code DUPLICATE} when the same letter (same text, or same 文号 and
 *                     issuer) was imported before; nothing was written then
 * @param replyId      the new or existing reply
 * @param proposalId   the proposal it answers
 * @param departmentId the handling unit the issuer resolved to, or {@code null} if no unit of the county has that name
 */
public record ImportOutcome(Status status, long replyId, long proposalId, Long departmentId) {

    /** Result kinds. */
    public enum Status {
        /** The reply was stored. */
        CREATED,
        /** The letter was already there. */
        DUPLICATE
    }
}
