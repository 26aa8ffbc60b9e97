package org.ronghe.tenancy;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's day: China Standard Time (Asia/Shanghai), whatever the server's own time zone. Every county served
 * is in China, so deadlines, filing days and "today" are judged by it.
 */
public final class CountyClock {

    /** The time zone of every county served. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyClock() {
    }

    /** @return today in China */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
