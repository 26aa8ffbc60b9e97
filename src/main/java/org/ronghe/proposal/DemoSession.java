package org.ronghe.proposal;

import org.ronghe.account.DemoProfileActivator;
import org.ronghe.tenancy.CountySettings;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, opens a session that takes submissions, named as a demo so nobody mistakes it for a real
 * meeting, so proposers can try submitting right away.
 */
@Component
@Profile(DemoProfileActivator.PROFILE)
class DemoSession implements SmartInitializingSingleton {

    /** Name of the demo session. */
    static final String NAME = "（演示）政协高平市第七届委员会第六次会议";

    private final ProposalService service;
    private final CountySettings county;

    DemoSession(ProposalService service, CountySettings county) {
        this.service = service;
        this.county = county;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (service.openSessions(county.code()).stream().noneMatch(s -> NAME.equals(s.get("name")))) {
            service.openSession(county.code(), "CPPCC", NAME, "TA");
        }
    }
}
