package org.ronghe.proposal;

import java.util.List;

import org.ronghe.account.AccessPolicy;
import org.ronghe.account.CurrentUser;
import org.ronghe.problem.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who reads which reply: the county-wide roles all of their county's replies, a handling unit's staff only their
 * own unit's ({@link AccessPolicy}); replies not tied to a unit of the county only the county-wide roles.
 */
@Component
class ReplyAccess {

    private final ReplyCatalog catalog;
    private final AccessPolicy policy;

    ReplyAccess(ReplyCatalog catalog, AccessPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    /**
     * @return the reply, if the user may read it
     * @throws NotFoundException if there is no such reply in the user's county
     * @throws org.springframework.web.ErrorResponseException 403 if it belongs to another unit
     */
    StoredReply readable(CurrentUser user, long id) {
        StoredReply reply = catalog.find(user.countyCode(), id).orElseThrow(() -> new NotFoundException("答复函", id));
        policy.checkReadUnitItem(user, reply.countyCode(), owner(reply), false);
        return reply;
    }

    /** @return the replies of the user's county the user may read */
    List<StoredReply> list(CurrentUser user) {
        return catalog.list(user.countyCode(), null).stream()
                .filter(r -> policy.canReadUnitItem(user, r.countyCode(), owner(r), false)).toList();
    }

    private static long owner(StoredReply r) {
        return r.departmentId() == null ? -1 : r.departmentId();
    }
}
