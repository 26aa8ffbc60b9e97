package org.ronghe.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input refused before any side effect. Rendered as HTTP 400 problem+json with an {@code errors} array of
 * {@code {field, message}}; web forms catch it and show the messages beside the fields.
 */
public class InvalidInputException extends ErrorResponseException {

    private final transient List<FieldProblem> problems;

    /** @param problems every invalid field (at least one) */
    public InvalidInputException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, body(problems), null);
        this.problems = List.copyOf(problems);
    }

    /**
     * @param field   the invalid field
     * @param message what is wrong, in Chinese
     */
    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** @return every invalid field */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** @return messages by field name, for form templates (first message per field) */
    public Map<String, String> byField() {
        java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
        problems.forEach(p -> map.putIfAbsent(p.field(), p.message()));
        return map;
    }

    @Override
    public String getMessage() {
        return "输入有误：" + problems.stream().map(p -> p.field() + " " + p.message()).toList();
    }

    private static ProblemDetail body(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem");
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                // people read the detail: the Chinese messages only (each names its field); programs use "errors"
                problems.stream().map(FieldProblem::message).distinct().reduce((a, b) -> a + "；" + b).orElse(""));
        pd.setTitle("输入有误");
        pd.setType(URI.create("urn:ronghe:problem:invalid-input"));
        pd.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return pd;
    }
}
