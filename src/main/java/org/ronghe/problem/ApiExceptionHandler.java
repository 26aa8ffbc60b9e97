package org.ronghe.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception raised by a JSON API controller into RFC 9457 problem+json with a Chinese title.
 * Access-control exceptions are passed on to Spring Security (401/403); anything unexpected becomes a 500
 * problem carrying only an error id that is logged with the stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void passToSecurity(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        log.info("Data integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "与已有数据冲突（重复或被引用），未作修改");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "记录已被他人修改，请刷新后重试");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unhandled API error {}", errorId, e);
        ProblemDetail pd = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTitles.explanation(500));
        pd.setProperty("errorId", errorId);
        return pd;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(Map.of("field", f.getField(),
                "message", f.getDefaultMessage() == null ? "取值无效" : f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                "message", g.getDefaultMessage() == null ? "取值无效" : g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String field = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(Map.of("field", field == null ? "" : field,
                    "message", err.getDefaultMessage() == null ? "取值无效" : err.getDefaultMessage())));
        }
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail pd && (pd.getTitle() == null || isEnglishDefault(pd))) {
            pd.setTitle(ProblemTitles.title(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static boolean isEnglishDefault(ProblemDetail pd) {
        return pd.getTitle().equals(HttpStatus.valueOf(pd.getStatus()).getReasonPhrase());
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, errors.stream()
                .map(e -> e.get("field") + "：" + e.get("message")).reduce((a, b) -> a + "；" + b).orElse("输入有误"));
        pd.setTitle("输入有误");
        pd.setType(URI.create("urn:ronghe:problem:invalid-input"));
        pd.setProperty("errors", errors);
        return pd;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(ProblemTitles.title(status.value()));
        return pd;
    }
}
