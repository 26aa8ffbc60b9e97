package org.ronghe.plan;

import java.time.LocalDate;
import java.time.ZoneId;

/** Today in China time, the day deadlines and report months are judged by. */
final class PlanClock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private PlanClock() {
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
