package org.ronghe.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.department.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Passwords the platform generates (account creation, an administrator's reset) open only the change-password
 * page until their user chooses their own; pages redirect there, the API refuses with problem+json.
 */
@IntegrationTest
class PasswordChangeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountAdministration administration;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DepartmentDirectory departments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aGeneratedPasswordOpensOnlyTheChangePageUntilItIsChanged() throws Exception {
        String generated = administration.create("140581",
                new AccountForm("first.login", "首次登录", Role.LEADER, null, null));
        assertThat(mustChange("first.login")).isTrue();
        String members = "/api/departments/" + departments.resolve("140581", "高平市财政局").orElseThrow().id()
                + "/members";

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("first.login")
                        .password(generated))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        for (String page : new String[] {"/", "/proposals", "/tasks", "/public/replies", "/no-such-page"}) {
            mvc.perform(get(page).session(session).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(post("/proposals").session(session).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get(members).session(session))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.type").value("urn:ronghe:problem:password-change-required"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("/account/password")));
        // an API client with HTTP Basic gets the same answer, not a redirect to a page it cannot use
        mvc.perform(get(members).with(httpBasic("first.login", generated)))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("请先修改密码"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("修改密码")));
        // what stays reachable: the change page with its notice, static assets
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("首次登录或密码被重置后，请先修改密码")))
                .andExpect(content().string(Matchers.containsString("当前密码（系统生成的密码）")));
        mvc.perform(get("/css/ronghe.css").session(session)).andExpect(status().isOk());

        // the generated password cannot be kept, and the usual rule applies
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", generated).param("newPassword", generated)
                        .param("confirmPassword", generated))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("新密码不能与系统生成的密码相同")))
                .andExpect(content().string(Matchers.containsString("首次登录或密码被重置后，请先修改密码")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", generated).param("newPassword", "shortone1")
                        .param("confirmPassword", "shortone1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("新密码至少需要10个字符")));
        assertThat(mustChange("first.login")).isTrue();

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", generated).param("newPassword", "gaoping2025first")
                        .param("confirmPassword", "gaoping2025first"))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", Matchers.containsString("密码已修改")));
        assertThat(mustChange("first.login")).isFalse();

        // the same session goes on, now with everything its role allows
        mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("首次登录")));
        mvc.perform(get("/tasks").session(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        mvc.perform(get(members).session(session)).andExpect(status().isOk());
        mvc.perform(get(members).with(httpBasic("first.login", "gaoping2025first"))).andExpect(status().isOk());
        mvc.perform(get(members).with(httpBasic("first.login", generated))).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorsResetAsksForANewPasswordAgain() throws Exception {
        String generated = administration.create("140581",
                new AccountForm("reset.again", "再次重置", Role.LEADER, null, null));
        accounts.changePassword("reset.again", generated, "gaoping2025reset");
        assertThat(mustChange("reset.again")).isFalse();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("reset.again")
                        .password("gaoping2025reset"))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/tasks").session(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());

        long id = accounts.find("reset.again").orElseThrow().id();
        String flashed = (String) mvc.perform(post("/admin/users/" + id + "/password").with(csrf())
                        .with(user(accounts.find("demo-admin").orElseThrow())))
                .andExpect(redirectedUrl("/admin/users"))
                .andReturn().getFlashMap().get("notice");
        assertThat(flashed).contains("下次登录时须修改");
        String reset = flashed.replaceAll(".*新密码：([A-Za-z0-9]{16}).*", "$1");
        assertThat(reset).hasSize(16);
        assertThat(mustChange("reset.again")).isTrue();
        mvc.perform(get("/admin/users").with(user(accounts.find("demo-admin").orElseThrow())))
                .andExpect(content().string(Matchers.containsString("（待改密码）")));

        // the open session ended with the reset; the new password opens only the change page
        MockHttpSession after = (MockHttpSession) mvc.perform(formLogin("/login").user("reset.again")
                        .password(reset))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/tasks").session(after).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/departments/" + departments.resolve("140581", "高平市财政局").orElseThrow().id()
                        + "/members").with(httpBasic("reset.again", reset)))
                .andExpect(status().isForbidden());
    }

    @Test
    void settingAndClearingTheObligationIsAuditedWithoutThePassword() throws Exception {
        String generated = administration.create("140581",
                new AccountForm("audited.change", "审计改密", Role.LEADER, null, null));
        long id = accounts.find("audited.change").orElseThrow().id();
        accounts.changePassword("audited.change", generated, "gaoping2025audit");
        String reset = accounts.resetPassword("140581", id);
        accounts.changePassword("audited.change", reset, "gaoping2026audit");

        var events = jdbc.sql("""
                        select action, old_value ->> 'passwordMustChange' as was, new_value ->> 'passwordMustChange' as now
                        from audit_event where entity_type = 'app_user' and entity_id = :id order by id""")
                .param("id", String.valueOf(id)).query((rs, n) -> Map.of("action", rs.getString("action"),
                        "was", String.valueOf(rs.getString("was")), "now", String.valueOf(rs.getString("now"))))
                .list();
        assertThat(events).containsExactly(
                Map.of("action", "ACCOUNT_CREATED", "was", "null", "now", "true"),
                Map.of("action", "PASSWORD_CHANGED", "was", "true", "now", "false"),
                Map.of("action", "PASSWORD_RESET", "was", "false", "now", "true"),
                Map.of("action", "PASSWORD_CHANGED", "was", "true", "now", "false"));
        for (String secret : new String[] {generated, reset, "gaoping2025audit", "gaoping2026audit"}) {
            assertThat(jdbc.sql("""
                            select count(*) from audit_event
                            where summary like :s or old_value::text like :s or new_value::text like :s""")
                    .param("s", "%" + secret + "%").query(Long.class).single()).as("audit rows").isZero();
        }
    }

    @Test
    void demoAccountsKeepTheirDocumentedPasswordWithoutBeingAskedToChangeIt() throws Exception {
        assertThat(mustChange("demo-leader")).isFalse();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("demo-leader")
                        .password(DemoAccounts.PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/tasks").session(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
    }

    private boolean mustChange(String username) {
        return jdbc.sql("select password_must_change from app_user where username = :u").param("u", username)
                .query(Boolean.class).single();
    }
}
