package org.ronghe.problem;

import java.math.BigDecimal;

/** Reads an amount typed in a form (元, 亩, 斤, %): 0 or more, at most two decimals, refusing it by name. */
public final class NumberInput {

    private NumberInput() {
    }

    /**
     * @param text  the typed text
     * @param field the field's name, for the error
     * @param label its Chinese name, for the error
     * @return the amount
     * @throws InvalidInputException naming {@code field} unless the text is up to 12 digits with at most two decimals
     */
    public static BigDecimal amount(String text, String field, String label) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            throw new InvalidInputException(field, label + "应为 0 或以上的数，最多两位小数");
        }
        return new BigDecimal(t);
    }
}
