package org.ronghe.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.ronghe.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily task reminder (任务催办): tells each lead department once of every task of theirs that has become
 * overdue, once a month of each task whose last month's report is missing, and once of each commitment past its due
 * date. Runs at 07:10 China time (property {@code ronghe.task-watch.cron}); any number of runs send each notice once.
 */
@Component
public class TaskWatch {

    private static final Logger log = LoggerFactory.getLogger(TaskWatch.class);

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final Commitments commitments;
    private final Clock clock;
    private final Notifications notifications;

    TaskWatch(JdbcClient jdbc, PlanService plans, Commitments commitments, Notifications notifications, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.plans = plans;
        this.commitments = commitments;
        this.notifications = notifications;
    }

    @Scheduled(cron = "${ronghe.task-watch.cron:0 10 7 * * *}", zone = "${ronghe.county.zone:Asia/Shanghai}")
    @Transactional // the scheduler calls this method, not run(): without it the run has no transaction
    void daily() {
        log.info("Task watch: {} notices", run(LocalDate.now(clock)));
    }

    /**
     * Runs the checks for every county.
     *
     * @param today the day to judge by (China time)
     * @return how many new notices were sent
     */
    @Transactional
    public int run(LocalDate today) {
        int sent = 0;
        String lastMonth = YearMonth.from(today).minusMonths(1).toString();
        for (String county : jdbc.sql("select distinct county_code from plan").query(String.class).list()) {
            for (PlanService.TaskNode t : plans.board(county, null, today)) {
                if (t.leadDepartmentId() == null) {
                    continue;
                }
                if (t.overdue() && send(county, t.leadDepartmentId(), "TASK_OVERDUE", "task:" + t.id(),
                        "重点任务“" + t.title() + "”已超过完成时限（" + t.due() + "），请加快推进并报送进展", "/tasks/" + t.id())) {
                    sent++;
                }
                if (t.reportMissed() && send(county, t.leadDepartmentId(), "REPORT_MISSING", "task:" + t.id() + ":" + lastMonth,
                        "重点任务“" + t.title() + "”尚未报送 " + lastMonth + " 的进展，请及时报送", "/tasks/" + t.id())) {
                    sent++;
                }
            }
        }
        for (String county : jdbc.sql("select distinct county_code from commitment where status = 'OPEN'").query(String.class).list()) {
            for (Map<String, Object> c : commitments.list(county, null, null, today)) {
                if (Boolean.TRUE.equals(c.get("overdue")) && send(county, ((Number) c.get("department_id")).longValue(),
                        "COMMITMENT_OVERDUE", "commitment:" + c.get("id"),
                        "答复" + c.get("doc_number") + "承诺的“" + (c.get("title") != null ? c.get("title") : "事项")
                                + "”已超过完成时限（" + c.get("due_date") + "），请报告落实情况", "/commitments/" + c.get("id"))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean send(String county, long department, String kind, String subject, String message, String link) {
        return notifications.send(county, department, null, kind, subject,
                message.length() > 500 ? message.substring(0, 500) : message, link).isPresent();
    }
}
