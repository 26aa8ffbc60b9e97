package org.ronghe.account;

import java.util.List;

import org.ronghe.department.Department;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.privacy.Masking;
import org.ronghe.problem.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A unit's staff roster (成员名单): a non-public item of the unit. Readable by the unit's own staff and by the
 * county-wide roles (see {@link AccessPolicy}); refused to other units' staff and to proposers. Phone numbers
 * are shown in full to administrators and to the unit itself, masked to everyone else.
 */
@Controller
class UnitMembersController {

    private final DepartmentDirectory departments;
    private final UserAccounts accounts;
    private final AccessPolicy access;

    UnitMembersController(DepartmentDirectory departments, UserAccounts accounts, AccessPolicy access) {
        this.departments = departments;
        this.accounts = accounts;
        this.access = access;
    }

    @GetMapping("/departments/{id}/members")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Department unit = readable(id, user);
        model.addAttribute("unit", unit);
        model.addAttribute("members", visibleMembers(unit, user));
        return "account/members";
    }

    Department readable(long id, CurrentUser user) {
        Department unit = departments.find(id).orElseThrow(() -> new NotFoundException("单位", id));
        access.checkReadUnitItem(user, unit.countyCode(), unit.id(), false);
        return unit;
    }

    List<UserAccounts.Member> visibleMembers(Department unit, CurrentUser user) {
        boolean fullPhones = user.role() == Role.ADMIN
                || (user.departmentId() != null && user.departmentId() == unit.id());
        return accounts.members(unit.id()).stream()
                .map(m -> fullPhones ? m : new UserAccounts.Member(m.username(), m.displayName(), m.role(),
                        Masking.phone(m.phone()), m.enabled()))
                .toList();
    }
}
