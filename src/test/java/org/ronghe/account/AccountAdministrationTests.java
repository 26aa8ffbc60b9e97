package org.ronghe.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountAdministrationTests {

    @Autowired
    AccountAdministration administration;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DepartmentDirectory departments;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void administratorCreatesAUnitAccountThatCanSignInWithItsInitialPassword() throws Exception {
        long unit = departments.resolve("140581", "高平市住房和城乡建设局").orElseThrow().id();
        String password = administration.create("140581",
                new AccountForm("zhujian.li", "李住建", Role.UNIT_STAFF, unit, "0356-5220000"));
        assertThat(password).hasSize(16);
        mvc.perform(formLogin("/login").user("zhujian.li").password(password))
                .andExpect(authenticated().withRoles("UNIT_STAFF"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCOUNT_CREATED' and summary like '%zhujian.li%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invalidAccountsAreRefusedNamingEachField() {
        assertThatThrownBy(() -> administration.create("140581",
                new AccountForm("Demo Unit!", "", Role.UNIT_STAFF, null, "abc")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField())
                        .containsOnlyKeys("username", "displayName", "departmentId", "phone"));
        assertThatThrownBy(() -> administration.create("140581",
                new AccountForm("demo-unit", "重名", Role.LEADER, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField().get("username")).contains("已被使用"));
        assertThatThrownBy(() -> administration.create("140581",
                new AccountForm("ghost", "幽灵", Role.UNIT_STAFF, 999_999L, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("departmentId"));
        assertThat(accounts.find("ghost")).isEmpty();
    }

    @Test
    void disabledAccountsCannotSignInAndTheLastAdministratorStays() throws Exception {
        administration.create("140581", new AccountForm("temp.leader", "临时领导", Role.LEADER, null, null));
        CurrentUser temp = accounts.find("temp.leader").orElseThrow();
        String password = accounts.resetPassword(temp.id());
        accounts.setEnabled(temp.id(), false);
        mvc.perform(formLogin("/login").user("temp.leader").password(password)).andExpect(unauthenticated());
        accounts.setEnabled(temp.id(), true);
        mvc.perform(formLogin("/login").user("temp.leader").password(password)).andExpect(authenticated());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action in "
                        + "('ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET')")
                .param("id", String.valueOf(temp.id())).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void usersChangeTheirOwnPasswordWithRulesEnforced() throws Exception {
        administration.create("140581", new AccountForm("change.me", "改密码", Role.PROPOSER, null, null));
        CurrentUser me = accounts.find("change.me").orElseThrow();
        String initial = accounts.resetPassword(me.id());
        assertThatThrownBy(() -> accounts.changePassword("change.me", "wrong", "abcdef12345"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("currentPassword"));
        assertThatThrownBy(() -> accounts.changePassword("change.me", initial, "short1"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("newPassword"));
        assertThatThrownBy(() -> accounts.changePassword("change.me", initial, "onlyletterspassword"))
                .isInstanceOf(InvalidInputException.class);
        mvc.perform(post("/account/password").with(user(me)).with(csrf())
                        .param("currentPassword", initial).param("newPassword", "gaoping2025ok")
                        .param("confirmPassword", "gaoping2025ok"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "密码已修改"));
        mvc.perform(formLogin("/login").user("change.me").password("gaoping2025ok")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user("change.me").password(initial)).andExpect(unauthenticated());
    }

    @Test
    void accountPagesAreForAdministrators() throws Exception {
        mvc.perform(get("/admin/users").with(user(accounts.find("demo-admin").orElseThrow())))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("demo-unit-agri")));
        mvc.perform(get("/admin/users").with(user(accounts.find("demo-leader").orElseThrow())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(user(accounts.find("demo-admin").orElseThrow())).with(csrf())
                        .param("username", "x").param("displayName", "").param("role", "UNIT_STAFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("用户名应为3–32位"),
                        Matchers.containsString("姓名不能为空"), Matchers.containsString("必须选择所属单位"))));
    }
}
