package org.ronghe.privacy;

/**
 * Masks personal data for display. Masked values keep enough to recognise a known number but not to use it.
 */
public final class Masking {

    private Masking() {
    }

    /**
     * Masks a phone number: mobile numbers keep the first 3 and last 4 digits ({@code 139****1234}); other
     * numbers keep their last 4 digits. Separators are kept.
     *
     * @param phone phone number as entered, may be {@code null}
     * @return the masked number, or {@code null} for {@code null}
     */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            return digits.substring(0, 3) + "****" + digits.substring(7);
        }
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    /**
     * Masks a citizen identity number (GB 11643-1999, 18 characters) or unified social credit code
     * (GB 32100-2015, 18 characters): keeps the first 6 (region) and last 4 characters.
     *
     * @param id the number, may be {@code null}
     * @return the masked number, or {@code null} for {@code null}
     */
    public static String idNumber(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String s = id.strip();
        if (s.length() <= 10) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }
}
