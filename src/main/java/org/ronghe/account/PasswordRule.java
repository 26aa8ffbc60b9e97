package org.ronghe.account;

/**
 * Password strength rule for passwords people choose: at least 10 characters and at most 72 bytes in UTF-8 (the
 * most bcrypt uses: about 72 letters and digits or 24 Chinese characters), at least one letter and one digit.
 * Follows the identification requirements of GB/T 22239-2019 (网络安全等级保护基本要求) 8.1.4.1 a): passwords must
 * have complexity requirements and be changed periodically.
 */
final class PasswordRule {

    static final int MIN = 10;
    static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    /**
     * @param password candidate password
     * @return {@code null} if acceptable, otherwise what is wrong, in Chinese
     */
    static String check(String password) {
        if (password == null || password.length() < MIN) {
            return "新密码至少需要" + MIN + "个字符";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "新密码不能超过" + MAX_BYTES + "个字节（约72个字母数字或24个汉字）";
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return "新密码需同时包含字母和数字";
        }
        return null;
    }
}
