package org.ronghe.problem;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's parameters (query, form and multipart) once, before security and controllers, so that a
 * request whose parameters cannot be parsed is refused cleanly: malformed %-escapes, NUL characters, a malformed
 * or truncated multipart body (400), or an upload over the size limit (413). The refusal is written here, not
 * through the error page: a request whose parameters cannot be read would fail again in the error dispatch.
 * Browsers get a short Chinese page, API clients problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestParameterGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestParameterGuard.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int refusal;
        try {
            refusal = containsNul(request.getParameterMap()) ? HttpServletResponse.SC_BAD_REQUEST : 0;
        } catch (RuntimeException e) {
            refusal = isSizeLimit(e) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    : HttpServletResponse.SC_BAD_REQUEST;
            log.info("Refused request {} {}: unreadable parameters ({})", request.getMethod(),
                    request.getRequestURI(), e.toString());
        }
        if (refusal != 0) {
            writeRefusal(request, response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void writeRefusal(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        String title = ProblemTitles.title(status);
        String detail = status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE ? ProblemTitles.explanation(status)
                : "请求参数无法读取（含有非法的 % 转义、空字符，或上传内容格式损坏）。";
        String accept = request.getHeader("Accept");
        boolean html = !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
        if (html) {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>融合 · "
                    + title + "</title></head><body><h1>" + title + " " + status + "</h1><p>" + detail
                    + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:ronghe:problem:unreadable-request\",\"title\":\"" + title
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
        }
        response.flushBuffer();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private static boolean containsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (e.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
                    || name.equals("MaxUploadSizeExceededException")) {
                return true;
            }
        }
        return false;
    }
}
