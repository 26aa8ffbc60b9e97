package org.ronghe.problem;

/**
 * One invalid input field.
 *
 * @param field   name of the field as the client sent it, e.g. {@code docCode}
 * @param message what is wrong, in Chinese, e.g. {@code 机关代字不能为空}
 */
public record FieldProblem(String field, String message) {
}
