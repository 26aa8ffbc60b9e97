package org.ronghe.land;

import org.ronghe.account.CurrentUser;
import org.ronghe.account.Role;
import org.ronghe.department.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the land registry: the staff of the county's agriculture bureau (the unit whose 机关代字 is
 * {@code ronghe.land.bureau}, default 高农, which keeps the 确权 data) and administrators enter data; they and the
 * bureau's leaders read identity numbers in full; every other staff reader sees them masked.
 */
@Component
class LandAccess {

    private final DepartmentDirectory departments;
    private final String bureau;

    LandAccess(DepartmentDirectory departments, @Value("${ronghe.land.bureau:高农}") String bureau) {
        this.departments = departments;
        this.bureau = bureau;
    }

    /** The bureau's staff and administrators enter data. */
    boolean mayEdit(CurrentUser user) {
        return user != null && (user.role() == Role.ADMIN || user.role() == Role.UNIT_STAFF && ofBureau(user));
    }

    /** The bureau's staff and leaders, and administrators, read identity numbers in full. */
    boolean mayReadIds(CurrentUser user) {
        return user != null && (user.role() == Role.ADMIN
                || (user.role() == Role.UNIT_STAFF || user.role() == Role.LEADER) && ofBureau(user));
    }

    /** @return the county's agriculture bureau (the unit that keeps the registry and receives land reminders) */
    java.util.Optional<Long> bureau(String countyCode) {
        return departments.list(countyCode).stream().filter(d -> bureau.equals(d.docCode())).map(d -> d.id()).findFirst();
    }

    private boolean ofBureau(CurrentUser user) {
        return user.departmentId() != null
                && departments.find(user.departmentId()).map(d -> bureau.equals(d.docCode())).orElse(false);
    }

    void requireEdit(CurrentUser user) {
        if (!mayEdit(user)) {
            throw org.ronghe.problem.Refusal.forbidden("只有农业农村部门的承办人员和系统管理员可以办理土地登记、流转和供需信息");
        }
    }
}
