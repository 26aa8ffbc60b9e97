package org.ronghe.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ronghe.IntegrationTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The generated administrator password is shown once, framed, on standard output at the end of start-up, and never
 * logged; the administrator it opens must change it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdministratorBannerTests {

    private static final Pattern PASSWORD = Pattern.compile("密码 Password +(\\S+) +#");

    @Autowired
    FirstAdministrator firstAdministrator;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void aRestoredAdministratorsPasswordIsPrintedOnceToStandardOutputAndNeverLogged(CapturedOutput output)
            throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        List<Long> administrators = jdbc.sql("select id from app_user where role = 'ADMIN' and enabled")
                .query(Long.class).list();
        int start = output.getOut().length(); // the shared context may have started within this test
        String password;
        try {
            // every administrator disabled behind the platform's back: the next start restores admin
            jdbc.sql("update app_user set enabled = false where id in (:ids)").param("ids", administrators).update();
            firstAdministrator.ensureAdministrator();
            assertThat(output.getOut().substring(start)).as("nothing before start-up ends")
                    .doesNotContain("Password");
            new AdministratorBanner(null, new String[0]).ready(context, Duration.ZERO);

            String out = output.getOut().substring(start);
            Matcher shown = PASSWORD.matcher(out);
            assertThat(shown.find()).as(out).isTrue();
            password = shown.group(1);
            assertThat(password).hasSize(16);
            assertThat(out).contains("########", "ADMINISTRATOR RESTORED", "用户名 Username", "admin",
                    "登录地址 Open", "http://localhost:" + port + "/login",
                    "首次登录后必须修改此密码 (password must be changed at first sign-in)");
            assertThat(out.indexOf(password)).as("printed once").isEqualTo(out.lastIndexOf(password));
            assertThat(output.getOut().indexOf(password)).as("printed once").isEqualTo(start + out.indexOf(password));
            assertThat(output.getErr()).doesNotContain(password);
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains(password));
            Path logFile = Path.of(environment.getProperty("logging.file.name"));
            assertThat(logFile).exists();
            assertThat(Files.readString(logFile, StandardCharsets.UTF_8)).doesNotContain(password);

            // shown once: a second call prints nothing
            int before = output.getOut().length();
            new AdministratorBanner(null, new String[0]).ready(context, Duration.ZERO);
            assertThat(output.getOut().substring(before)).doesNotContain("Password");
        } finally {
            root.detachAppender(logged);
            jdbc.sql("update app_user set enabled = true where id in (:ids)").param("ids", administrators).update();
        }

        assertThat(jdbc.sql("select password_must_change from app_user where username = 'admin'")
                .query(Boolean.class).single()).isTrue();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password(password))
                .andExpect(authenticated().withRoles("ADMIN")).andReturn().getRequest().getSession();
        mvc.perform(get("/admin/users").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void theAddressFollowsPortContextPathAndTls() {
        MockEnvironment env = new MockEnvironment().withProperty("local.server.port", "9090")
                .withProperty("server.servlet.context-path", "/ronghe/");
        assertThat(AdministratorBanner.loginUrl(env)).isEqualTo("http://localhost:9090/ronghe/login");
        env.withProperty("server.address", "10.1.2.3").withProperty("server.ssl.bundle", "web");
        assertThat(AdministratorBanner.loginUrl(env)).isEqualTo("https://10.1.2.3:9090/ronghe/login");
        assertThat(AdministratorBanner.loginUrl(new MockEnvironment())).isEqualTo("http://localhost:8080/login");
    }

    @Test
    void aFailedStartStillShowsThePasswordOfTheStoredAccount(CapturedOutput output) {
        AdministratorBanner.hold("admin", "Abcdefgh23456789", false);
        new AdministratorBanner(null, new String[0]).failed(context, new IllegalStateException("port in use"));
        assertThat(output.getOut()).contains("FIRST ADMINISTRATOR CREATED", "Abcdefgh23456789",
                "启动失败 (START-UP FAILED)");
    }

    @Test
    void theFrameLinesUpWithChineseText() {
        String banner = AdministratorBanner.render(new AdministratorBanner.Credentials("admin", "x", false),
                "http://localhost:8080/login", true);
        List<String> lines = banner.strip().lines().toList();
        assertThat(lines).hasSizeGreaterThan(8);
        assertThat(lines).extracting(AdministratorBanner::columns).containsOnly(AdministratorBanner.columns(lines.get(0)));
        assertThat(lines).allMatch(line -> line.startsWith("#") && line.endsWith("#"));
    }
}
