package org.ronghe.problem;

import java.util.List;
import java.util.Map;

/**
 * Input refused before any side effect ({@link Refusal.Kind#INVALID}): HTTP 400 problem+json with an {@code errors}
 * array of {@code {field, message}}; web forms catch it and show the messages beside the fields.
 */
public class InvalidInputException extends Refusal {

    /** @param problems every invalid field (at least one) */
    public InvalidInputException(List<FieldProblem> problems) {
        super(Kind.INVALID, detail(problems), problems, null, null);
        getBody().setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    }

    /**
     * @param field   the invalid field
     * @param message what is wrong, in Chinese
     */
    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    @Override
    public String getMessage() {
        return "输入有误：" + problems().stream().map(p -> p.field() + " " + p.message()).toList();
    }

    private static String detail(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem");
        }
        // people read the detail: the Chinese messages only (each names its field); programs use "errors"
        return problems.stream().map(FieldProblem::message).distinct().reduce((a, b) -> a + "；" + b).orElse("");
    }
}
