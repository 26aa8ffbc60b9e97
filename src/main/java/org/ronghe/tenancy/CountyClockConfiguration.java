package org.ronghe.tenancy;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's one clock: {@link Clock} of the county's day ({@link CountySettings#zone()}, China Standard Time by
 * default). Every decision about "today" or "now" — deadlines, windows, reminders, land rules, statistics, the
 * timestamps of records — takes its time from this bean, never from the machine's zone
 * ({@code LocalDate.now()}), so a server set to UTC (or any zone) judges the same day as the county does.
 * Tests replace it with a clock they set.
 */
@Configuration(proxyBeanMethods = false)
class CountyClockConfiguration {

    @Bean
    Clock countyClock(CountySettings county) {
        return Clock.system(county.zoneId());
    }
}
