package org.ronghe.plan;

import java.time.LocalDate;

/** Today in China time, the day deadlines and report months are judged by. */
final class PlanClock {

    private PlanClock() {
    }

    static LocalDate today() {
        return org.ronghe.tenancy.CountyClock.today();
    }
}
