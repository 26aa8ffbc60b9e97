package org.ronghe.problem;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
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
import tools.jackson.core.JacksonException;

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

    /** The platform's own refusals: their status, title and Chinese detail as written by the domain code. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        return ResponseEntity.status(refusal.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refusal.getBody());
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
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(),
                f.getDefaultMessage() == null ? "取值无效" : f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(),
                g.getDefaultMessage() == null ? "取值无效" : g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String field = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new FieldProblem(field == null ? "" : field,
                    err.getDefaultMessage() == null ? "取值无效" : err.getDefaultMessage())));
        }
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /** A path or query value of the wrong type, e.g. {@code /api/departments/abc}: 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() != null && Number.class.isAssignableFrom(
                org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(ex.getRequiredType())) ? "应为整数" : "格式不正确";
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field == null ? "" : field,
                expected + "，实为“" + TextInput.quote(String.valueOf(ex.getValue())) + "”"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.getParameterName(), "缺少此参数"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.getRequestPartName(),
                "缺少此上传项（multipart 字段）"))));
    }

    /** Unreadable JSON (syntax, wrong type, unknown enum value): 400 naming the field when Jackson knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, "取值的类型或格式不正确"))));
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem("body",
                "请求体不是有效的 JSON，或缺少请求体"))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail pd && (pd.getTitle() == null || isEnglishDefault(pd))) {
            pd.setTitle(ProblemTitles.title(statusCode.value()));
            pd.setDetail(ProblemTitles.explanation(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static boolean isEnglishDefault(ProblemDetail pd) {
        return pd.getTitle().equals(HttpStatus.valueOf(pd.getStatus()).getReasonPhrase());
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        return new InvalidInputException(errors.isEmpty() ? List.of(new FieldProblem("", "输入有误")) : errors).getBody();
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(ProblemTitles.title(status.value()));
        return pd;
    }
}
