package org.ronghe.account;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** JSON form of a unit's roster, with the same access rule as the page ({@link UnitMembersController}). */
@RestController
@Tag(name = "部门 Departments")
class UnitMembersApiController {

    private final UnitMembersController roster;

    UnitMembersApiController(UnitMembersController roster) {
        this.roster = roster;
    }

    @GetMapping("/api/departments/{id}/members")
    @Operation(summary = "单位成员名单", description = "本单位工作人员及全县性角色可见；其他单位 403。电话仅对管理员和本单位完整显示。")
    List<UserAccounts.Member> members(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return roster.visibleMembers(roster.readable(id, user), user);
    }
}
