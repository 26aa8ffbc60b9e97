package org.ronghe.account;

import org.ronghe.tenancy.CountySettings;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform can be administered: at a start with no enabled administrator in the default county,
 * creates the account {@code admin} (or, if it exists, re-enables it as administrator) with a new random password
 * and prints it once to the console (standard output only, never to the log files). There is no fixed default
 * password; restarting is also the way back in if every administrator was disabled.
 */
@Component
class FirstAdministrator {

    static final String USERNAME = "admin";

    private final UserAccounts accounts;
    private final CountySettings county;

    FirstAdministrator(UserAccounts accounts, CountySettings county) {
        this.accounts = accounts;
        this.county = county;
    }

    void ensureAdministrator() {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        String password;
        if (accounts.find(USERNAME).isPresent()) {
            password = accounts.restoreAdministrator(USERNAME);
        } else {
            password = accounts.randomPassword();
            accounts.create(new UserAccounts.NewAccount(county.code(), USERNAME, "系统管理员", Role.ADMIN, null, null),
                    password);
        }
        System.out.println("""

                ================================================================
                  Ronghe 已创建系统管理员账号（仅显示这一次，请立即记录并修改）
                  username: %s
                  password: %s
                ================================================================
                """.formatted(USERNAME, password));
    }
}
