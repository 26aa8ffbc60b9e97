package org.ronghe.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.ronghe.problem.WebErrors;

/**
 * Web security: form login with sessions for people, HTTP Basic for API clients, CSRF protection for every
 * state-changing browser request, and access rules checked on the server for every request. API paths answer
 * 401/403 as problem+json; pages redirect to the login page or show the Chinese 403 page. A user with a generated
 * password reaches nothing but the change-password page until they change it ({@link PasswordChangeGate}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    /**
     * CSRF protects credentials a browser sends on its own (the session cookie). API calls that authenticate with
     * an explicit {@code Authorization: Basic} header carry their own credential (the API never sends a Basic
     * challenge, so browsers never cache one), so they need no CSRF token. A request that also carries a session
     * cookie is treated like any browser request and needs the token.
     */
    private static final RequestMatcher API_WITH_EXPLICIT_CREDENTIALS = request -> {
        String authorization = request.getHeader("Authorization");
        return API.matches(request) && request.getRequestedSessionId() == null
                && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            UserAccounts accounts) throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> !API.matches(request)); // API calls never open a session
        http.authenticationManager(authenticationManager)
                .addFilterBefore(new SessionAccountCheck(accounts), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeGate(), SessionAccountCheck.class)
                .requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/public/**", "/webjars/**", "/css/**", "/js/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/regions", "/regions/*", "/api/regions", "/api/regions/*",
                                "/api/departments",
                                "/api/departments/resolve", "/api/departments/*").permitAll()
                        .requestMatchers("/admin/**", "/api/admin/**", "/api/audit/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(API_WITH_EXPLICIT_CREDENTIALS))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(problemEntryPoint(), API)
                        .accessDeniedHandler(accessDenied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; object-src 'none'; frame-ancestors 'self'; "
                                        + "base-uri 'self'; form-action 'self'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }

    /** Password checks of form login and HTTP Basic, limited by {@link LoginThrottle}. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
                                                LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    private static AuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(java.util.Map.of(LockedException.class.getName(), "/login?locked"));
        return handler;
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, e) -> writeProblem(request, response, 401, "unauthorized", "请先登录",
                "需要登录后访问（浏览器会话或 HTTP Basic 认证）");
    }

    /** 403 as problem+json for the API; for pages the Chinese error page, which explains CSRF refusals. */
    private static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            boolean csrf = e instanceof CsrfException;
            if (API.matches(request)) {
                writeProblem(request, response, 403, csrf ? "csrf" : "forbidden", "无权访问", csrf
                        ? "缺少或无效的 CSRF 令牌：浏览器会话请带上页面中的令牌，程序调用请使用 HTTP Basic 认证"
                        : "您的账号没有访问此内容的权限");
                return;
            }
            if (csrf) {
                request.setAttribute(WebErrors.CSRF_REFUSED, Boolean.TRUE);
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    static void writeProblem(HttpServletRequest request, HttpServletResponse response, int status,
                                     String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:ronghe:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + jsonEscape(request.getRequestURI()) + "\"}");
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
