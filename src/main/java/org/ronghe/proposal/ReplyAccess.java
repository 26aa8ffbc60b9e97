package org.ronghe.proposal;

import java.util.List;

import org.ronghe.account.AccessPolicy;
import org.ronghe.account.CurrentUser;
import org.ronghe.problem.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who reads which reply: the county-wide roles all of their county's replies, a handling unit's staff only their
 * own unit's ({@link AccessPolicy}); replies not tied to a unit of the county only the county-wide roles; a proposer
 * the released (or imported) replies to the proposals they made or co-signed.
 */
@Component
class ReplyAccess {

    private final ReplyCatalog catalog;
    private final AccessPolicy policy;
    private final ProposalCatalog proposals;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ReplyAccess(ReplyCatalog catalog, AccessPolicy policy, ProposalCatalog proposals,
                org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.catalog = catalog;
        this.policy = policy;
        this.proposals = proposals;
        this.jdbc = jdbc;
    }

    private boolean proposerMayRead(CurrentUser user, StoredReply reply) {
        return user.role() == org.ronghe.account.Role.PROPOSER
                && proposals.isProposerOf(reply.proposalId(), user.username(), user.displayName())
                && jdbc.sql("select status in ('RELEASED', 'IMPORTED') from reply where id = :id").param("id", reply.id())
                        .query(Boolean.class).single();
    }

    /**
     * @return the reply, if the user may read it
     * @throws NotFoundException if there is no such reply in the user's county
     * @throws org.ronghe.problem.Refusal 403 if it belongs to another unit
     */
    StoredReply readable(CurrentUser user, long id) {
        StoredReply reply = catalog.find(user.countyCode(), id).orElseThrow(() -> new NotFoundException("答复函", id));
        if (!proposerMayRead(user, reply)) {
            policy.checkReadUnitItem(user, reply.countyCode(), owner(reply), false);
        }
        return reply;
    }

    /** @return the replies of the user's county the user may read */
    List<StoredReply> list(CurrentUser user) {
        return catalog.list(user.countyCode(), null).stream()
                .filter(r -> policy.canReadUnitItem(user, r.countyCode(), owner(r), false) || proposerMayRead(user, r)).toList();
    }

    private static long owner(StoredReply r) {
        return r.departmentId() == null ? -1 : r.departmentId();
    }
}
