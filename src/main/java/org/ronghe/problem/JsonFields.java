package org.ronghe.problem;

import java.math.BigDecimal;

/**
 * Reads typed fields of a JSON body parsed as a map, refusing a value of the wrong JSON type with the field named
 * instead of failing: numbers whatever JSON gave (integer, decimal, or a number too large for a {@code double},
 * which arrives as infinity), and text.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * @param value   the field's value as parsed from JSON ({@code null} when absent)
     * @param field   the field's name, for the error
     * @param message the Chinese message when it is not a usable number
     * @return the number, or {@code null} when absent
     * @throws InvalidInputException naming {@code field} for text, booleans, arrays, objects, infinities and NaN
     */
    public static BigDecimal decimal(Object value, String field, String message) {
        return number(value, field, message);
    }

    /**
     * @param body  the JSON body
     * @param field the field's name
     * @param label its Chinese name, for the error
     * @return the field's text, or {@code null} when absent
     * @throws InvalidInputException naming {@code field} when the value is not a JSON string
     */
    public static String text(java.util.Map<String, Object> body, String field, String label) {
        Object v = body.get(field);
        if (v != null && !(v instanceof String)) {
            throw new InvalidInputException(field, label + "应为文字");
        }
        return (String) v;
    }

    private static BigDecimal number(Object value, String field, String message) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && (d.isInfinite() || d.isNaN())
                || value instanceof Float f && (f.isInfinite() || f.isNaN())) {
            throw new InvalidInputException(field, message);
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, message);
            }
        }
        throw new InvalidInputException(field, message);
    }
}
