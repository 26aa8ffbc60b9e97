package org.ronghe.problem;

import java.math.BigDecimal;

/**
 * Reads a number from a JSON body field, whatever JSON gave (integer, decimal, or a number too large for a
 * {@code double}, which arrives as infinity), refusing with the field named instead of failing.
 */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /**
     * @param value   the field's value as parsed from JSON ({@code null} when absent)
     * @param field   the field's name, for the error
     * @param message the Chinese message when it is not a usable number
     * @return the number, or {@code null} when absent
     * @throws InvalidInputException naming {@code field} for text, booleans, arrays, objects, infinities and NaN
     */
    public static BigDecimal decimal(Object value, String field, String message) {
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
