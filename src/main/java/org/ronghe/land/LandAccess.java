package org.ronghe.land;

import org.ronghe.account.CurrentUser;
import org.ronghe.account.Role;
import org.ronghe.department.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who may do what in the land registry: the county's agriculture bureau (the unit whose 机关代字 is
 * {@code ronghe.land.bureau}, default 高农, which keeps the 确权 data) and administrators import data and read
 * identity numbers in full; every other staff reader sees them masked.
 */
@Component
class LandAccess {

    private final DepartmentDirectory departments;
    private final String bureau;

    LandAccess(DepartmentDirectory departments, @Value("${ronghe.land.bureau:高农}") String bureau) {
        this.departments = departments;
        this.bureau = bureau;
    }

    boolean mayEdit(CurrentUser user) {
        if (user == null) {
            return false;
        }
        if (user.role() == Role.ADMIN) {
            return true;
        }
        return (user.role() == Role.UNIT_STAFF || user.role() == Role.LEADER) && user.departmentId() != null
                && departments.find(user.departmentId()).map(d -> bureau.equals(d.docCode())).orElse(false);
    }

    boolean mayReadIds(CurrentUser user) {
        return mayEdit(user);
    }

    void requireEdit(CurrentUser user) {
        if (!mayEdit(user)) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "只有农业农村部门和系统管理员可以导入确权数据");
            pd.setTitle("无权操作");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, pd, null);
        }
    }
}
