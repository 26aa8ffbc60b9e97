package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.ronghe.tenancy.WorkCalendar;
import org.ronghe.audit.AuditTrail;
import org.ronghe.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily deadline job (每日催办): notifies each unit of assignments due within {@value #NEAR_DAYS} days (即将到期)
 * or past due (已超期), and records 逾期未反馈 for every proposer who did not answer a released reply within the
 * feedback window. It also tells the CPPCC office of released replies whose disclosure window (公开期限) ends within
 * {@value Disclosure#NEAR_DAYS} days or has passed without a decision. Each notice is sent once per assignment or
 * reply and kind, so the job can run any number of times.
 * Runs at 07:00 China time (property {@code ronghe.deadline-watch.cron}).
 */
@Component
public class DeadlineWatch {

    /** An assignment due within this many days is 即将到期 (as on the to-do list). */
    public static final int NEAR_DAYS = 15;

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final WorkCalendar calendar;
    private final AuditTrail audit;

    private final Disclosure disclosure;
    private final Clock clock;

    DeadlineWatch(JdbcClient jdbc, Notifications notifications, WorkCalendar calendar, AuditTrail audit,
                  Disclosure disclosure, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.disclosure = disclosure;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${ronghe.deadline-watch.cron:0 0 7 * * *}", zone = "${ronghe.county.zone:Asia/Shanghai}")
    @Transactional // the scheduler calls this method, not run(): without it the run has no transaction
    void daily() {
        Result r = run(LocalDate.now(clock));
        log.info("Deadline watch: {} near, {} overdue notices, {} missing feedback recorded, {} disclosure notices",
                r.near(), r.overdue(), r.missingFeedback(), r.disclosureNotices());
    }

    /** What one run did: notices sent and missing answers recorded. */
    public record Result(int near, int overdue, int missingFeedback, int disclosureNotices) {
    }

    /**
     * Runs the checks for every county.
     *
     * @param today the day to judge deadlines by (China time)
     * @return counts of new notices and records (0 for those made by an earlier run)
     */
    @Transactional
    public Result run(LocalDate today) {
        int near = 0;
        int overdue = 0;
        List<Map<String, Object>> due = jdbc.sql("""
                select a.id, a.county_code, a.department_id, a.proposal_id, a.due_date, p.number, p.title
                from proposal_assignment a join proposal p on p.id = a.proposal_id
                where a.state <> 'RETURNED' and a.mode <> 'CO_HANDLER' and p.status = 'ASSIGNED'
                  and a.due_date <= :limit
                  and not exists (select 1 from reply r where r.assignment_id = a.id and r.status = 'RELEASED')""")
                .param("limit", today.plusDays(NEAR_DAYS)).query().listOfRows();
        for (Map<String, Object> a : due) {
            LocalDate dueDate = ((java.sql.Date) a.get("due_date")).toLocalDate();
            boolean passed = dueDate.isBefore(today);
            String what = "提案" + a.get("number") + "《" + a.get("title") + "》";
            String message = passed ? what + "已超过办理期限（" + dueDate + "），请尽快答复"
                    : what + "将于 " + dueDate + " 到期，请按期答复";
            boolean sent = notifications.send((String) a.get("county_code"), ((Number) a.get("department_id")).longValue(),
                    null, passed ? "DEADLINE_PASSED" : "DEADLINE_NEAR", "assignment:" + a.get("id"), message,
                    "/proposals/" + a.get("proposal_id")).isPresent();
            if (sent && passed) {
                overdue++;
            } else if (sent) {
                near++;
            }
        }
        return new Result(near, overdue, recordMissingFeedback(today), noticeDisclosures(today));
    }

    /** Notifies each county's CPPCC office of replies whose disclosure window ends soon or has passed. */
    private int noticeDisclosures(LocalDate today) {
        int sent = 0;
        List<String> counties = jdbc.sql("""
                select distinct county_code from reply
                where status = 'RELEASED' and disclosed_at is null and withheld_at is null""").query(String.class).list();
        for (String county : counties) {
            List<Long> offices = jdbc.sql("""
                    select id from department where county_code = :c and unit_type = 'CPPCC_OFFICE' and active""")
                    .param("c", county).query(Long.class).list();
            for (Disclosure.Pending p : disclosure.pending(county, today)) {
                if (p.bucket().equals("待公开")) {
                    continue;
                }
                boolean passed = p.bucket().equals("已超期");
                String message = "答复函" + (p.docNumber() == null ? "" : p.docNumber()) + "（提案" + p.number() + "《"
                        + p.title() + "》）" + (passed ? "已超过公开期限（" + p.due() + "），请决定公开或不予公开"
                        : "的公开期限为 " + p.due() + "，请及时决定是否公开");
                for (Long office : offices) {
                    if (notifications.send(county, office, null, passed ? "DISCLOSURE_PASSED" : "DISCLOSURE_NEAR",
                            "reply:" + p.replyId(), message, "/disclosures").isPresent()) {
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    private int recordMissingFeedback(LocalDate today) {
        List<Map<String, Object>> open = jdbc.sql("""
                with latest as (
                    select distinct on (r.proposal_id) r.id, r.proposal_id, r.county_code, r.reply_date
                    from reply r join proposal p on p.id = r.proposal_id
                    where r.status = 'RELEASED' and p.status = 'REPLIED' order by r.proposal_id, r.id desc),
                named as (
                    select l.*, p.proposer_id from latest l join proposal p on p.id = l.proposal_id where p.proposer_id is not null
                    union
                    select l.*, c.proposer_id from latest l join proposal_co_signer c on c.proposal_id = l.proposal_id)
                select n.id, n.proposal_id, n.county_code, n.reply_date, n.proposer_id,
                       coalesce(pr.feedback_working_days, 15) as days
                from named n left join proposal_rule pr on pr.county_code = n.county_code
                where not exists (select 1 from proposal_feedback f where f.reply_id = n.id and f.proposer_id = n.proposer_id)""")
                .query().listOfRows();
        int recorded = 0;
        for (Map<String, Object> row : open) {
            String county = (String) row.get("county_code");
            LocalDate deadline = calendar.addWorkingDays(county, ((java.sql.Date) row.get("reply_date")).toLocalDate(),
                    ((Number) row.get("days")).intValue());
            if (!today.isAfter(deadline)) {
                continue;
            }
            int added = jdbc.sql("""
                    insert into proposal_feedback (county_code, proposal_id, reply_id, proposer_id, verdict, answered_by,
                                                   answered_at)
                    values (:c, :p, :r, :pr, 'NO_RESPONSE', 'system', :now) on conflict do nothing""")
                    .param("now", OffsetDateTime.now(clock)).param("c", county).param("p", row.get("proposal_id")).param("r", row.get("id"))
                    .param("pr", row.get("proposer_id")).update();
            if (added > 0) {
                audit.record(county, "FEEDBACK_MISSING", "proposal", String.valueOf(row.get("proposal_id")),
                        "反馈期限（至 " + deadline + "）已过，记为逾期未反馈", null,
                        Map.of("replyId", row.get("id"), "proposerId", row.get("proposer_id")));
                recorded++;
            }
        }
        return recorded;
    }
}
