package org.ronghe.proposal;

import org.ronghe.problem.Refusal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;


/**
 * States of a proposal and the one table of legal transitions (the handling rules of the CPPCC 提案工作条例 and the
 * county's rules in {@code docs/modules/proposal.md}). Every change of state goes through {@link #check}.
 */
public enum ProposalStatus {
    /** 已提交: waiting for the filing decision. */
    SUBMITTED("已提交"),
    /** 已立案: accepted with a number. */
    FILED("已立案"),
    /** 不予立案: refused, possibly converted to 意见建议. */
    REJECTED("不予立案"),
    /** 已并案: handled together with another proposal; its proposer still gets that reply. */
    MERGED("已并案"),
    /** 已交办: sent to handling units. */
    ASSIGNED("已交办"),
    /** 已答复: answered (replies imported from letters arrive in this state). */
    REPLIED("已答复");

    /** Filing actions and the states they lead to. */
    public enum Action {
        /** 立案. */
        ACCEPT("立案", FILED),
        /** 不予立案. */
        REJECT("不予立案", REJECTED),
        /** 并案. */
        MERGE("并案", MERGED),
        /** 标记重点提案 (the state does not change). */
        MARK_KEY("标记重点提案", FILED),
        /** 交办 (again, after a unit returned it). */
        ASSIGN("交办", ASSIGNED),
        /** 答复签发: the last reply the proposal waits for is released. */
        REPLY("答复", REPLIED),
        /** 重新办理: the proposer was not satisfied with the reply. */
        REHANDLE("重新办理", ASSIGNED);

        private final String label;
        private final ProposalStatus target;

        Action(String label, ProposalStatus target) {
            this.label = label;
            this.target = target;
        }

        /** @return Chinese name */
        public String label() {
            return label;
        }

        /** @return the state after the action */
        public ProposalStatus target() {
            return target;
        }
    }

    private static final Map<ProposalStatus, Set<Action>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(Action.ACCEPT, Action.REJECT, Action.MERGE),
            FILED, EnumSet.of(Action.MARK_KEY, Action.ASSIGN),
            ASSIGNED, EnumSet.of(Action.MARK_KEY, Action.ASSIGN, Action.REPLY),
            REJECTED, EnumSet.noneOf(Action.class),
            MERGED, EnumSet.noneOf(Action.class),
            REPLIED, EnumSet.of(Action.REHANDLE));

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    /** @return Chinese name */
    public String label() {
        return label;
    }

    /**
     * @param action an action
     * @return whether it is allowed in this state
     */
    public boolean allows(Action action) {
        return ALLOWED.get(this).contains(action);
    }

    /**
     * @param action the action wanted
     * @throws Refusal 409 (conflict, type illegal-transition) naming the state and the action if it is not allowed
     */
    public void check(Action action) {
        if (!allows(action)) {
            throw Refusal.conflict("提案当前为“" + label + "”，不能" + action.label(), "illegal-transition")
                    .with("proposalStatus", name()).with("action", action.name());
        }
    }
}
