package org.ronghe.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in user whose password the platform generated ({@link CurrentUser#passwordMustChange()}: the
 * first or a restored administrator, an account an administrator created, an administrator's reset) at the
 * change-password page until they choose their own. Pages redirect there, where a notice says why; {@code /api/**}
 * answers 403 {@code application/problem+json}, also to HTTP Basic clients. Reachable meanwhile: the
 * change-password page and its form, login and logout, the error page, static assets and the health probes.
 *
 * <p>This filter is the only place the rule is enforced; it runs after authentication (session or HTTP Basic) and
 * {@link SessionAccountCheck}, before access is decided.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    /** The self-service change-password page and form. */
    static final String CHANGE_PAGE = "/account/password";

    /** Shown on the change-password page while the user must change their password. */
    static final String NOTICE = "首次登录或密码被重置后，请先修改密码。修改完成后即可使用平台的其他功能。";

    static final String API_DETAIL = "此账号的密码由系统生成（首次登录或被管理员重置），须先在浏览器中登录并在“修改密码”页面（"
            + CHANGE_PAGE + "）设置自己的密码，之后才能调用接口";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final RequestMatcher API = PATHS.matcher("/api/**");
    private static final RequestMatcher STILL_OPEN = new OrRequestMatcher(
            PATHS.matcher(CHANGE_PAGE), PATHS.matcher("/logout"), PATHS.matcher("/login"), PATHS.matcher("/error"),
            PATHS.matcher("/css/**"), PATHS.matcher("/js/**"), PATHS.matcher("/webjars/**"),
            PATHS.matcher("/favicon.ico"), PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user && user.passwordMustChange()
                && !STILL_OPEN.matches(request)) {
            if (API.matches(request)) {
                SecurityConfiguration.writeProblem(request, response, HttpServletResponse.SC_FORBIDDEN,
                        "password-change-required", "请先修改密码", API_DETAIL);
            } else {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
