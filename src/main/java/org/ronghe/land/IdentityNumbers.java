package org.ronghe.land;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Check digits of the identity numbers parties to a land transfer carry.
 * <ul>
 * <li>居民身份证号码, GB 11643-1999: 17 digits (6 address, 8 birth date, 3 sequence) and a check character from
 * ISO 7064 MOD 11-2: weights 2^(17−i) mod 11, check = (12 − Σ mod 11) mod 11, with 10 written X;</li>
 * <li>统一社会信用代码, GB 32100-2015: 17 characters and a check character over the 31-character alphabet
 * 0–9 and A–Y without I, O, Z, S, V: weights 3^i mod 31, check = 31 − (Σ mod 31), with 31 written 0.</li>
 * </ul>
 */
public final class IdentityNumbers {

    /** The 31 characters of GB 32100, in value order. */
    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private IdentityNumbers() {
    }

    /**
     * @param first17 the first 17 digits of an identity number
     * @return its check character (0–9 or X), GB 11643-1999 clause 7
     * @throws IllegalArgumentException if the text is not 17 digits
     */
    public static char idCheck(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /**
     * @param id    an identity number (a lower-case x is accepted)
     * @param today today by the county clock: nobody is born later
     * @return whether it is 18 characters with a real birth date (not after today) and the right check character
     */
    public static boolean isIdNumber(String id, LocalDate today) {
        if (id == null || !id.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (born.getYear() < 1900 || born.isAfter(today)) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == idCheck(id.substring(0, 17));
    }

    /**
     * @param first17 the first 17 characters of a unified social credit code
     * @return its check character, GB 32100-2015 clause 4.3
     * @throws IllegalArgumentException if a character is outside the code's alphabet
     */
    public static char usccCheck(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a code character: " + first17.charAt(i));
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return USCC_ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /**
     * @param code a unified social credit code (upper case)
     * @return whether it is 18 characters of the code's alphabet with the right check character
     */
    public static boolean isCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (USCC_ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == usccCheck(code.substring(0, 17));
    }
}
