package org.ronghe.account;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Shows the password the platform generated for the first (or a restored) administrator, framed, as the last
 * thing of start-up: after Spring Boot's "Started RongheApplication" line and after every
 * {@code ApplicationReadyEvent} listener, so it is not lost among the start-up lines. It goes to standard output
 * only, never through the logging system, so it never reaches {@code ronghe.log}; the password is forgotten once
 * shown.
 *
 * <p>A start that fails after the account was stored (for example because the port is taken) shows it too,
 * because the next start finds an administrator and generates no new password.
 *
 * <p>Registered in {@code META-INF/spring.factories}: a run listener's {@code ready} runs after all application
 * listeners have handled {@code ApplicationReadyEvent}, whichever order they declare.
 */
class AdministratorBanner implements SpringApplicationRunListener {

    private static final AtomicReference<Credentials> PENDING = new AtomicReference<>();

    AdministratorBanner(SpringApplication application, String[] args) {
    }

    /**
     * Keeps generated credentials until start-up ends.
     *
     * @param username the administrator's login name
     * @param password the generated password in clear
     * @param restored whether an existing account was restored rather than created
     */
    static void hold(String username, String password, boolean restored) {
        PENDING.set(new Credentials(username, password, restored));
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        show(System.out, context.getEnvironment(), false);
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        if (context != null) {
            show(System.out, context.getEnvironment(), true);
        }
    }

    /**
     * Prints held credentials, if any, once.
     *
     * @param out         standard output
     * @param environment the application's environment (server port, context path, address, TLS)
     * @param failed      whether start-up failed
     */
    static void show(PrintStream out, Environment environment, boolean failed) {
        Credentials credentials = PENDING.getAndSet(null);
        if (credentials == null) {
            return;
        }
        out.println(render(credentials, loginUrl(environment), failed));
        out.flush();
    }

    /** @return the address of the login page as this server is reached on its own machine */
    static String loginUrl(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String address = environment.getProperty("server.address", "");
        String host = !StringUtils.hasText(address) || address.equals("0.0.0.0") || address.equals("::")
                || address.equals("[::]") ? "localhost"
                : address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true)
                && (StringUtils.hasText(environment.getProperty("server.ssl.bundle"))
                || StringUtils.hasText(environment.getProperty("server.ssl.key-store"))
                || StringUtils.hasText(environment.getProperty("server.ssl.certificate")));
        String contextPath = environment.getProperty("server.servlet.context-path", "").strip();
        if (contextPath.endsWith("/")) {
            contextPath = contextPath.substring(0, contextPath.length() - 1);
        }
        if (!contextPath.isEmpty() && !contextPath.startsWith("/")) {
            contextPath = "/" + contextPath;
        }
        return (tls ? "https" : "http") + "://" + host + ":" + port + contextPath + "/login";
    }

    static String render(Credentials credentials, String url, boolean failed) {
        List<String> lines = new ArrayList<>();
        lines.add(credentials.restored()
                ? "融合 Ronghe：没有可用的系统管理员，已恢复账号 (ADMINISTRATOR RESTORED)"
                : "融合 Ronghe：已创建系统管理员账号 (FIRST ADMINISTRATOR CREATED)");
        lines.add("");
        lines.add(label("登录地址 Open") + url);
        lines.add(label("用户名 Username") + credentials.username());
        lines.add(label("密码 Password") + credentials.password());
        lines.add("");
        lines.add("首次登录后必须修改此密码 (password must be changed at first sign-in)。");
        lines.add("密码只显示这一次，不写入日志 (shown only once, never logged)：请立即记下。");
        if (failed) {
            lines.add("");
            lines.add("启动失败 (START-UP FAILED)：排除错误后重新启动，此账号和密码仍然有效。");
        }
        int width = lines.stream().mapToInt(AdministratorBanner::columns).max().orElse(0);
        String rule = "#".repeat(width + 6);
        StringBuilder banner = new StringBuilder("\n\n").append(rule).append('\n');
        banner.append(framed("", width));
        for (String line : lines) {
            banner.append(framed(line, width));
        }
        banner.append(framed("", width)).append(rule).append("\n");
        return banner.toString();
    }

    private static String label(String label) {
        return label + " ".repeat(Math.max(1, 18 - columns(label)));
    }

    private static String framed(String line, int width) {
        return "#  " + line + " ".repeat(width - columns(line)) + "  #\n";
    }

    /** @return how many terminal columns the text takes: Chinese characters and full-width punctuation take two */
    static int columns(String text) {
        return text.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** Generated credentials waiting to be shown; {@link #toString()} leaves the password out. */
    record Credentials(String username, String password, boolean restored) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", restored=" + restored + "]";
        }
    }
}
