package org.ronghe.proposal;

import org.ronghe.problem.Refusal;


/** The two refusals of proposal handling: a step not allowed now (409) and a stranger (403). */
final class HandlingProblems {

    private HandlingProblems() {
    }

    /** @return a 409 refusal of a handling step the proposal's present state does not allow */
    static Refusal conflict(String detail) {
        return Refusal.conflict(detail, "illegal-transition");
    }

    /** @return a 403 refusal */
    static Refusal forbidden(String detail) {
        return Refusal.forbidden(detail);
    }
}
