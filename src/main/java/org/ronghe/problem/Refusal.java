package org.ronghe.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * The platform's one refusal: domain code throws it, with a Chinese detail written for people (naming the rule and
 * its source where a law or standard sets it), and never decides HTTP itself. At the edge it becomes RFC 9457
 * problem+json for the API ({@code ApiExceptionHandler}) and the Chinese error page or the form's field messages for
 * people ({@code ErrorPageController}, the web controllers). One title per {@link Kind}.
 *
 * <p>Input refused field by field is its subclass {@link InvalidInputException}; a record that does not exist (or is
 * not visible) is {@link NotFoundException}.
 */
public class Refusal extends RuntimeException implements ErrorResponse {

    /** Why a request is refused. */
    public enum Kind {
        /** The input is wrong (each wrong field is named). */
        INVALID(HttpStatus.BAD_REQUEST, "输入有误", "invalid-input"),
        /** The user's role or unit may not do this. */
        FORBIDDEN(HttpStatus.FORBIDDEN, "无权操作", "forbidden"),
        /** The record does not exist or is not visible to the user. */
        NOT_FOUND(HttpStatus.NOT_FOUND, "记录不存在", "not-found"),
        /** The step is not allowed in the record's present state. */
        CONFLICT(HttpStatus.CONFLICT, "不允许的操作", "conflict"),
        /** The request is right, but the installation cannot serve it until a setting is corrected. */
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "暂时无法提供", "unavailable");

        private final HttpStatus status;
        private final String title;
        private final String type;

        Kind(HttpStatus status, String title, String type) {
            this.status = status;
            this.title = title;
            this.type = type;
        }

        /** @return the HTTP status it is answered with */
        public HttpStatus status() {
            return status;
        }

        /** @return its Chinese title */
        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String detail;
    private final transient List<FieldProblem> problems;
    private final ProblemDetail body;

    /**
     * @param kind     why
     * @param detail   the reason, in Chinese, written for the person refused
     * @param problems the wrong fields (for {@link Kind#INVALID}), otherwise empty
     * @param title    the title, or {@code null} for the kind's own
     * @param type     the problem type's last part (as in {@code urn:ronghe:problem:<type>}), or {@code null} for
     *                 the kind's own
     */
    protected Refusal(Kind kind, String detail, List<FieldProblem> problems, String title, String type) {
        super(detail);
        this.kind = kind;
        this.detail = detail;
        this.problems = List.copyOf(problems);
        this.body = ProblemDetail.forStatusAndDetail(kind.status, detail);
        body.setTitle(title != null ? title : kind.title);
        body.setType(URI.create("urn:ronghe:problem:" + (type != null ? type : kind.type)));
    }

    /** @return a refusal of a step the record's present state does not allow (409 不允许的操作) */
    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, detail, List.of(), null, null);
    }

    /**
     * @param type the problem type naming the kind of conflict, e.g. {@code illegal-transition}
     * @return a refusal of a step the record's present state does not allow, with its own problem type
     */
    public static Refusal conflict(String detail, String type) {
        return new Refusal(Kind.CONFLICT, detail, List.of(), null, type);
    }

    /** @return a refusal of an action the user's role or unit may not take (403 无权操作) */
    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, detail, List.of(), null, null);
    }

    /**
     * A request that is right but that this installation cannot serve until its administrator corrects a setting
     * (e.g. a font file that cannot be read): 503 Service Unavailable (RFC 9110 15.6.4), not a 500, since nothing
     * failed unexpectedly and the same request succeeds once the setting is fixed.
     *
     * @param detail what cannot be given and which setting to fix, in Chinese
     * @return the refusal
     */
    public static Refusal unavailable(String detail) {
        return new Refusal(Kind.UNAVAILABLE, detail, List.of(), null, null);
    }

    /**
     * Adds a property to the problem body, for programs (e.g. the state a step was refused in).
     *
     * @return this refusal
     */
    public Refusal with(String property, Object value) {
        body.setProperty(property, value);
        return this;
    }

    /** @return why */
    public Kind kind() {
        return kind;
    }

    /** @return the reason in Chinese */
    public String detail() {
        return detail;
    }

    /** @return the wrong fields (empty unless the input was refused) */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** @return messages by field name, for form templates (first message per field) */
    public Map<String, String> byField() {
        Map<String, String> map = new LinkedHashMap<>();
        problems.forEach(p -> map.putIfAbsent(p.field(), p.message()));
        return map;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return kind.status;
    }

    @Override
    public HttpHeaders getHeaders() {
        return HttpHeaders.EMPTY;
    }

    /** @return the RFC 9457 body */
    @Override
    public ProblemDetail getBody() {
        return body;
    }

    /** @return the status and the reason, e.g. {@code 409 不允许的操作：…} (for logs and test messages) */
    @Override
    public String getMessage() {
        return kind.status.value() + " " + body.getTitle() + "：" + detail;
    }
}
