package org.ronghe.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The container's error page ({@code /error}): a Chinese HTML page for people, problem+json for API paths and
 * for clients that do not accept HTML. Exception details are never shown, except the Chinese field messages of an
 * {@link InvalidInputException} and the Chinese reason of the platform's own refusals (403, 404, 409, 503; see
 * {@link Refusal}), which are written for the user: on the page, and as the problem+json body.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ErrorAttributes errors;

    ErrorPageController(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = statusOf(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String accept = request.getHeader("Accept");
        boolean api = uri != null && uri.startsWith("/api/");
        boolean html = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        Throwable error = errors.getError(new ServletWebRequest(request));
        InvalidInputException invalid = error instanceof InvalidInputException e ? e : null;
        // a refusal the platform wrote for people (403/404/409/503 with a Chinese detail) says why
        ProblemDetail refusal = error instanceof Refusal r ? r.getBody() : null;
        if (api || !html) {
            ProblemDetail pd = invalid != null ? invalid.getBody() : refusal;
            if (pd == null) {
                pd = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), ProblemTitles.explanation(status));
                pd.setTitle(ProblemTitles.title(status));
            }
            if (uri != null) {
                pd.setInstance(java.net.URI.create(uri.replace(" ", "%20")));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("errorTitle", ProblemTitles.title(status));
        String reason = refusal != null ? refusal.getDetail() : null;
        model.addAttribute("explanation", request.getAttribute(WebErrors.CSRF_REFUSED) != null
                ? "页面已过期或请求来源无法验证（CSRF 校验失败）。请刷新页面后重新操作。"
                : invalid != null ? String.join("；", invalid.byField().values())
                : reason != null ? reason : ProblemTitles.explanation(status));
        return "problem/error";
    }

    private static int statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i && HttpStatus.resolve(i) != null) {
            return i;
        }
        // /error opened directly, not through an error dispatch
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null ? 404 : 500;
    }
}
