package org.ronghe.account;

import org.ronghe.tenancy.CountySettings;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform can be administered: at a start with no enabled administrator in the default county,
 * creates the account {@code admin} (or, if it exists, re-enables it as administrator) with a new random password
 * that must be changed at first sign-in. {@link AdministratorBanner} prints it once, framed, at the end of
 * start-up (standard output only, never to the log files). There is no fixed default password; restarting is also
 * the way back in if every administrator was disabled.
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
        boolean restore = accounts.find(USERNAME).isPresent();
        String password = restore ? accounts.restoreAdministrator(USERNAME)
                : accounts.createWithGeneratedPassword(
                        new UserAccounts.NewAccount(county.code(), USERNAME, "系统管理员", Role.ADMIN, null, null));
        AdministratorBanner.hold(USERNAME, password, restore);
    }
}
