package org.ronghe.account;

import org.ronghe.problem.Refusal;
import org.springframework.stereotype.Component;

/**
 * Decides who may read items owned by a unit. Every module asks this class instead of checking roles itself,
 * so the rule is written once:
 * <ul>
 *   <li>public items: everyone, including anonymous visitors;</li>
 *   <li>administrators, the CPPCC office, the supervision office and leaders: all items of their county;</li>
 *   <li>handling-unit staff: only items owned by their own unit;</li>
 *   <li>proposers: none through this rule (their own proposals are granted by the proposal module).</li>
 * </ul>
 */
@Component
public class AccessPolicy {

    /**
     * @param user              signed-in user, or {@code null} for an anonymous visitor
     * @param ownerCountyCode   6-digit county code of the item
     * @param ownerDepartmentId unit that owns the item
     * @param isPublic          whether the item has been made public
     * @return whether the user may read the item
     */
    public boolean canReadUnitItem(CurrentUser user, String ownerCountyCode, long ownerDepartmentId, boolean isPublic) {
        if (isPublic) {
            return true;
        }
        if (user == null || !user.countyCode().equals(ownerCountyCode)) {
            return false;
        }
        return switch (user.role()) {
            case ADMIN, CPPCC_OFFICE, SUPERVISION, LEADER -> true;
            case UNIT_STAFF -> user.departmentId() != null && user.departmentId() == ownerDepartmentId;
            case PROPOSER -> false;
        };
    }

    /**
     * Same as {@link #canReadUnitItem} but throws when access is refused.
     *
     * @throws Refusal with status 403 (problem+json in the API, Chinese error page in the UI)
     */
    public void checkReadUnitItem(CurrentUser user, String ownerCountyCode, long ownerDepartmentId, boolean isPublic) {
        if (!canReadUnitItem(user, ownerCountyCode, ownerDepartmentId, isPublic)) {
            throw Refusal.forbidden("只能查看本单位的非公开事项");
        }
    }
}
