package org.ronghe.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.department.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Server-side access control: login, CSRF, roles and unit boundaries. */
@IntegrationTest
class AccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DepartmentDirectory departments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void wrongPasswordIsRefusedAndTheRightOneAccepted() throws Exception {
        mvc.perform(formLogin("/login").user("demo-unit").password("wrong-password"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password(DemoAccounts.PASSWORD))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("demo-unit").password(DemoAccounts.PASSWORD))
                .andExpect(authenticated().withUsername("demo-unit").withRoles("UNIT_STAFF"));
    }

    @Test
    void repeatedFailuresLockAUsernameEvenForTheRightPassword(@Autowired AccountAdministration admin)
            throws Exception {
        admin.create("140581", new AccountForm("guessed.user", "被猜密码", Role.LEADER, null, null));
        String password = accounts.resetPassword("140581", accounts.find("guessed.user").orElseThrow().id());
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            mvc.perform(formLogin("/login").user("guessed.user").password("guess-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("guessed.user").password(password))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            mvc.perform(formLogin("/login").user("no-such-user").password("guess-" + i));
        }
        mvc.perform(formLogin("/login").user("no-such-user").password("x"))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void loginWithoutOrWithAForgedCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "demo-unit").param("password", DemoAccounts.PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", "demo-unit").param("password", DemoAccounts.PASSWORD)
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
    }

    @Test
    void stateChangesWithAForgedCsrfTokenAreRefused() throws Exception {
        CurrentUser admin = accounts.find("demo-admin").orElseThrow();
        long id = departments.resolve("140581", "高平市民政局").orElseThrow().id();
        mvc.perform(post("/admin/departments/" + id).param("name", "被篡改").with(user(admin))
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(departments.find(id).orElseThrow().name()).isEqualTo("高平市民政局");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'demo-unit'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(DemoAccounts.PASSWORD);
    }

    @Test
    void aUnitsStaffCannotReadAnotherUnitsRoster() throws Exception {
        CurrentUser devReform = accounts.find("demo-unit").orElseThrow();
        CurrentUser agriculture = accounts.find("demo-unit-agri").orElseThrow();
        long devReformUnit = devReform.departmentId();
        long agricultureUnit = agriculture.departmentId();

        mvc.perform(get("/api/departments/" + devReformUnit + "/members").with(user(devReform)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'demo-unit')].phone").value("13900000001"));
        mvc.perform(get("/api/departments/" + agricultureUnit + "/members").with(user(devReform)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/departments/" + agricultureUnit + "/members").with(user(devReform))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/departments/" + devReformUnit + "/members").with(user(agriculture)))
                .andExpect(status().isForbidden());
    }

    @Test
    void countyWideRolesReadEveryRosterWithPhonesMaskedForNonAdministrators() throws Exception {
        long devReformUnit = accounts.find("demo-unit").orElseThrow().departmentId();
        mvc.perform(get("/api/departments/" + devReformUnit + "/members")
                        .with(user(accounts.find("demo-leader").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'demo-unit')].phone").value("139****0001"));
        mvc.perform(get("/api/departments/" + devReformUnit + "/members")
                        .with(user(accounts.find("demo-admin").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'demo-unit')].phone").value("13900000001"));
        mvc.perform(get("/api/departments/" + devReformUnit + "/members")
                        .with(user(accounts.find("demo-proposer").orElseThrow())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousApiCallsGet401ProblemJsonAndPagesRedirectToLogin() throws Exception {
        mvc.perform(get("/api/departments/1/members"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("请先登录"));
        mvc.perform(get("/departments").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/regions/140581001000").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()); // region facts are public statistics
    }

    @Test
    void apiClientsMayUseHttpBasicWithoutCsrf() throws Exception {
        mvc.perform(get("/api/audit").with(httpBasic("demo-admin", DemoAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").isNumber());
        mvc.perform(get("/api/audit").with(httpBasic("demo-admin", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/audit").with(httpBasic("demo-leader", DemoAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyRoleHasADemoAccountAndTheFirstAdministratorExists() {
        for (Role role : Role.values()) {
            assertThat(accounts.anyWithRole(role)).as(role.name()).isTrue();
        }
        CurrentUser admin = accounts.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.getPassword()).startsWith("{bcrypt}");
    }

    @Test
    void administratorBrowsesTheAuditTrailOthersCannot() throws Exception {
        // the first start records many events (seed letter, demo session), so look for account creations by filter
        mvc.perform(get("/admin/audit").param("action", "ACCOUNT_CREATED").with(user(accounts.find("demo-admin").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ACCOUNT_CREATED")))
                .andExpect(content().string(Matchers.containsString("账号")));
        mvc.perform(get("/admin/audit").with(user(accounts.find("demo-office").orElseThrow())))
                .andExpect(status().isForbidden());
    }
}
