package org.ronghe.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Prepares accounts at start-up, after migrations and before the web server accepts requests: first the
 * administrator ({@link FirstAdministrator}), then, in the demo profile, the demo accounts ({@link DemoAccounts}).
 */
@Component
class AccountBootstrap implements SmartInitializingSingleton {

    private final FirstAdministrator firstAdministrator;
    private final ObjectProvider<DemoAccounts> demoAccounts;

    AccountBootstrap(FirstAdministrator firstAdministrator, ObjectProvider<DemoAccounts> demoAccounts) {
        this.firstAdministrator = firstAdministrator;
        this.demoAccounts = demoAccounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        firstAdministrator.ensureAdministrator();
        demoAccounts.ifAvailable(DemoAccounts::createDemoAccounts);
    }
}
