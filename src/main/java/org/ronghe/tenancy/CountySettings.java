package org.ronghe.tenancy;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The county this deployment serves by default, bound from {@code ronghe.county.*}.
 *
 * @param code     6-digit county code (default {@code 140581}, 高平市)
 * @param seedFile classpath CSV with the default county's units, imported at first start when the county is
 *                 missing (default {@code regions/140581.csv}, NBS 2023 edition)
 * @param zone     the time zone of the county's day (default {@code Asia/Shanghai}, China Standard Time): deadlines,
 *                 filing days, windows and "today" are judged by it, whatever the server's own zone
 */
@ConfigurationProperties("ronghe.county")
public record CountySettings(@DefaultValue("140581") String code,
                             @DefaultValue("regions/140581.csv") String seedFile,
                             @DefaultValue("Asia/Shanghai") String zone) {

    /** Validates the code and the zone. */
    public CountySettings {
        if (!code.matches("\\d{6}")) {
            throw new IllegalArgumentException("ronghe.county.code 应为6位数字: " + code);
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("ronghe.county.zone 应为时区名称，如 Asia/Shanghai: " + zone);
        }
    }

    /** @return the county's 12-digit division code ({@code code + "000000"}) */
    public String divisionCode() {
        return code + "000000";
    }

    /** @return the time zone of the county's day */
    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
