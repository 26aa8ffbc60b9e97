package org.ronghe.land;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ronghe.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily land reminders, at 07:20 China time: tells the agriculture bureau once of every transfer not filed within
 * the county's {@code land_rule.filing_days} (default 15) days of being recorded (L08), and once of every transfer
 * ending within {@code land_rule.expiry_notice_days} (default 90), so the incumbent's priority to renew on equal
 * terms can be offered in time (L16, 农村土地经营权流转管理办法 art. 10), and once per stage of every dispute whose
 * statutory deadline is a week away or less (L17, {@link Disputes}).
 */
@Component
public class FilingWatch {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final LandAccess access;
    private final Clock clock;
    private final Disputes disputes;

    FilingWatch(JdbcClient jdbc, Notifications notifications, LandAccess access, Disputes disputes, Clock clock) {
        this.clock = clock;
        this.disputes = disputes;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.access = access;
    }

    @Scheduled(cron = "${ronghe.filing-watch.cron:0 20 7 * * *}", zone = "${ronghe.county.zone:Asia/Shanghai}")
    @Transactional // the scheduler calls this method, not run(): without it the run has no transaction
    void daily() {
        run(LocalDate.now(clock));
    }

    /**
     * @param today the day to judge by
     * @return how many new reminders were sent
     */
    @Transactional
    public int run(LocalDate today) {
        List<Map<String, Object>> late = jdbc.sql("""
                select t.id, t.county_code, t.transferee_name, t.recorded_at::date as recorded
                from land_transfer t left join land_rule r on r.county_code = t.county_code
                where t.filed_at is null and t.status = 'RECORDED'
                  and t.recorded_at::date + coalesce(r.filing_days, 15) < :today""")
                .param("today", today).query().listOfRows();
        int sent = 0;
        for (Map<String, Object> t : late) {
            String county = (String) t.get("county_code");
            Long unit = access.bureau(county).orElse(null);
            if (unit != null && notifications.send(county, unit, null, "LAND_FILING_LATE", "land_transfer:" + t.get("id"),
                    "L08：与" + t.get("transferee_name") + "的土地流转（" + t.get("recorded") + " 记录）尚未备案，请督促村集体备案并报乡镇",
                    "/land").isPresent()) {
                sent++;
            }
        }
        return sent + expiring(today) + disputes.remind(today);
    }

    private int expiring(LocalDate today) {
        int sent = 0;
        for (Map<String, Object> t : jdbc.sql("""
                select t.id, t.county_code, t.transferee_name, t.end_date from land_transfer t
                left join land_rule r on r.county_code = t.county_code
                where t.status = 'RECORDED' and t.end_date >= :today
                  and t.end_date <= :today + coalesce(r.expiry_notice_days, 90)""").param("today", today).query().listOfRows()) {
            String county = (String) t.get("county_code");
            Long unit = access.bureau(county).orElse(null);
            if (unit != null && notifications.send(county, unit, null, "LAND_TRANSFER_EXPIRING", "land_transfer:" + t.get("id"),
                    "L16：与" + t.get("transferee_name") + "的土地流转将于 " + t.get("end_date") + " 到期，请告知承包方并征询续约；"
                            + "同等条件下原受让方享有优先续约权", "/land/transfers/" + t.get("id")).isPresent()) {
                sent++;
            }
        }
        return sent;
    }
}
