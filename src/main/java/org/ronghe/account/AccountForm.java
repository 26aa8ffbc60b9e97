package org.ronghe.account;

/**
 * Fields of a new account, as an administrator enters them.
 *
 * @param username     login name: 3–32 characters of a–z, 0–9, dot, underscore, hyphen
 * @param displayName  person's name (required, at most 50 characters)
 * @param role         role (required)
 * @param departmentId unit; required for {@link Role#UNIT_STAFF}, optional otherwise
 * @param phone        contact phone (optional; digits, spaces, {@code +} and {@code -}, at most 20 characters)
 */
public record AccountForm(String username, String displayName, Role role, Long departmentId, String phone) {

    /** @return an empty form */
    public static AccountForm blank() {
        return new AccountForm("", "", Role.UNIT_STAFF, null, "");
    }
}
