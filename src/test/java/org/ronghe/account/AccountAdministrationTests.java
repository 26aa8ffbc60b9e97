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
import org.ronghe.TestClock;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountAdministrationTests {

    @Autowired
    TestClock clock;

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
        String password = accounts.resetPassword("140581", temp.id());
        accounts.setEnabled("140581", temp.id(), false);
        mvc.perform(formLogin("/login").user("temp.leader").password(password)).andExpect(unauthenticated());
        accounts.setEnabled("140581", temp.id(), true);
        mvc.perform(formLogin("/login").user("temp.leader").password(password)).andExpect(authenticated());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action in "
                        + "('ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET')")
                .param("id", String.valueOf(temp.id())).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void usersChangeTheirOwnPasswordWithRulesEnforced() throws Exception {
        administration.create("140581", new AccountForm("change.me", "改密码", Role.PROPOSER, null, null));
        CurrentUser me = accounts.find("change.me").orElseThrow();
        assertThat(me.id()).isPositive();
        String initial = accounts.resetPassword("140581", me.id());
        assertThatThrownBy(() -> accounts.changePassword("change.me", "wrong", "abcdef12345"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("currentPassword"));
        assertThatThrownBy(() -> accounts.changePassword("change.me", initial, "short1"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("newPassword"));
        assertThatThrownBy(() -> accounts.changePassword("change.me", initial, "onlyletterspassword"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.changePassword("change.me", initial, "密".repeat(24) + "a1"))
                .as("over bcrypt's 72 bytes").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField().get("newPassword")).contains("72"));
        // replacing the generated password keeps the user signed in (PasswordChangeTests)
        mvc.perform(post("/account/password").with(user(accounts.find("change.me").orElseThrow())).with(csrf())
                        .param("currentPassword", initial).param("newPassword", "gaoping2025ok")
                        .param("confirmPassword", "gaoping2025ok"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));
        // changing a password one chose oneself signs one out
        mvc.perform(post("/account/password").with(user(accounts.find("change.me").orElseThrow())).with(csrf())
                        .param("currentPassword", "gaoping2025ok").param("newPassword", "gaoping2026ok")
                        .param("confirmPassword", "gaoping2026ok"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/login?changed"));
        mvc.perform(formLogin("/login").user("change.me").password("gaoping2026ok")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user("change.me").password("gaoping2025ok")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("change.me").password(initial)).andExpect(unauthenticated());
    }

    @Test
    void disablingOrResettingAnAccountEndsItsOpenSessions() throws Exception {
        administration.create("140581", new AccountForm("session.admin", "会话管理员", Role.ADMIN, null, null));
        CurrentUser before = accounts.find("session.admin").orElseThrow();
        String generated = accounts.resetPassword("140581", before.id());
        // a generated password opens only the change-password page (PasswordChangeTests): choose one first
        String password = "session2025admin";
        accounts.changePassword("session.admin", generated, password);
        org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession)
                mvc.perform(formLogin("/login").user("session.admin").password(password))
                        .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

        accounts.setEnabled("140581", before.id(), false);
        mvc.perform(get("/admin/users").session(session).accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()); // to the login page: the session is over
        assertThat(session.isInvalid()).isTrue();

        accounts.setEnabled("140581", before.id(), true);
        org.springframework.mock.web.MockHttpSession second = (org.springframework.mock.web.MockHttpSession)
                mvc.perform(formLogin("/login").user("session.admin").password(password))
                        .andExpect(authenticated()).andReturn().getRequest().getSession();
        accounts.resetPassword("140581", before.id());
        mvc.perform(get("/api/audit").session(second)).andExpect(status().isUnauthorized());
    }

    @Test
    void theLastAdministratorCannotBeDisabledEvenByTwoAdministratorsAtOnce() throws Exception {
        long enabledAdmins = jdbc.sql("select count(*) from app_user where county_code = '140581' and role = 'ADMIN' and enabled")
                .query(Long.class).single();
        java.util.List<Long> ids = jdbc.sql("select id from app_user where county_code = '140581' and role = 'ADMIN' and enabled")
                .query(Long.class).list();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(ids.size());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (long id : ids) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    accounts.setEnabled("140581", id, false);
                    return true;
                } catch (InvalidInputException refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int disabled = 0;
        for (var r : results) {
            disabled += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(disabled).isEqualTo(enabledAdmins - 1);
        assertThat(accounts.anyWithRole(Role.ADMIN)).isTrue();
        for (long id : ids) {
            accounts.setEnabled("140581", id, true);
        }
    }

    @Test
    void administratorsOnlyReachAccountsOfTheirOwnCounty() {
        long other = jdbc.sql("""
                insert into app_user (county_code, username, password_hash, display_name, role, created_at)
                values ('140525', 'other.county', '{noop}x', '外县', 'LEADER', :now) returning id""")
                .param("now", clock.dateTime()).query(Long.class).single();
        assertThatThrownBy(() -> accounts.resetPassword("140581", other))
                .isInstanceOf(org.ronghe.problem.NotFoundException.class);
        assertThatThrownBy(() -> accounts.setEnabled("140581", other, false))
                .isInstanceOf(org.ronghe.problem.NotFoundException.class);
        assertThat(accounts.list("140581")).extracting(UserAccounts.AccountSummary::username)
                .doesNotContain("other.county");
    }

    @Test
    void reservedNamesProposerUnitsAndDigitlessPhonesAreRefused() {
        long unit = departments.resolve("140581", "高平市财政局").orElseThrow().id();
        assertThatThrownBy(() -> administration.create("140581", new AccountForm("system", "系统", Role.ADMIN, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField().get("username")).contains("保留"));
        assertThatThrownBy(() -> administration.create("140581",
                new AccountForm("p.unit", "提案者", Role.PROPOSER, unit, "- -")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("departmentId", "phone"));
        assertThatThrownBy(() -> administration.create("140581",
                new AccountForm("blank.name", "\u3164", Role.LEADER, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("displayName"));
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
