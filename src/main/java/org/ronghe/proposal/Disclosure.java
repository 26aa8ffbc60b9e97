package org.ronghe.proposal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ronghe.tenancy.WorkCalendar;
import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.privacy.Masking;
import org.ronghe.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公开: publishes replies on the public pages. Published text has personal contact details removed: mobile phone
 * numbers and identity numbers are masked (PIPL art. 51; the disclosure rules in {@code docs/modules/proposal.md}),
 * while the issuing unit's office telephone stays, as the public's point of contact.
 *
 * <p>公开期限: a reply released through the handling loop awaits the CPPCC office's decision, to publish it or to
 * withhold it with a reason (不予公开), within {@code proposal_rule.disclosure_working_days} working days after its
 * reply date (default 20; shared/domain/proposals.md, "Disclosure": replies touching the public interest are
 * published within 20 working days after replying). Imported letters may be published at any time and have no
 * window.
 */
@Service
public class Disclosure {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");

    /** A pending decision due within this many days is 即将到期. */
    public static final int NEAR_DAYS = 5;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Disclosure(JdbcClient jdbc, AuditTrail audit, WorkCalendar calendar,
               org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.calendar = calendar;
        this.events = events;
    }

    /**
     * A released reply awaiting the disclosure decision.
     *
     * @param replyId      the reply
     * @param docNumber    its 文号
     * @param department   the replying unit
     * @param proposalId   the proposal answered
     * @param number       the proposal's number
     * @param title        the proposal's title
     * @param replyDate    the reply's date
     * @param due          last day of the disclosure window
     * @param bucket       待公开, 即将到期 (due within {@value #NEAR_DAYS} days) or 已超期
     */
    public record Pending(long replyId, String docNumber, String department, long proposalId, String number,
                          String title, java.time.LocalDate replyDate, java.time.LocalDate due, String bucket) {
    }

    /**
     * @param countyCode 6-digit county code
     * @param today      the day to judge the window by (China time)
     * @return released replies neither published nor withheld, the earliest due first
     */
    @Transactional(readOnly = true)
    public List<Pending> pending(String countyCode, java.time.LocalDate today) {
        int days = jdbc.sql("select disclosure_working_days from proposal_rule where county_code = :c")
                .param("c", countyCode).query(Integer.class).optional().orElse(20);
        return jdbc.sql("""
                select r.id, r.doc_number, d.name, p.id as proposal_id, p.number, p.title, r.reply_date
                from reply r join proposal p on p.id = r.proposal_id left join department d on d.id = r.department_id
                where r.county_code = :c and r.status = 'RELEASED' and r.disclosed_at is null and r.withheld_at is null
                order by r.reply_date, r.id""")
                .param("c", countyCode).query((rs, n) -> {
                    java.time.LocalDate replied = rs.getDate("reply_date").toLocalDate();
                    java.time.LocalDate due = calendar.addWorkingDays(countyCode, replied, days);
                    String bucket = due.isBefore(today) ? "已超期" : !due.isAfter(today.plusDays(NEAR_DAYS)) ? "即将到期" : "待公开";
                    return new Pending(rs.getLong("id"), rs.getString("doc_number"), rs.getString("name"),
                            rs.getLong("proposal_id"), rs.getString("number"), rs.getString("title"), replied, due, bucket);
                }).list();
    }

    /**
     * Records that a reply is not published (不予公开), with the reason.
     *
     * @param countyCode 6-digit county code
     * @param replyId    the reply
     * @param reason     why (e.g. 不涉及公共利益, 含国家秘密), 1–500 characters
     * @param by         who decides
     * @throws org.ronghe.problem.InvalidInputException naming {@code reason} when it is blank or too long
     * @throws NotFoundException if there is no such reply in the county
     * @throws Refusal 409 if it is already published or withheld
     */
    @Transactional
    public void withhold(String countyCode, long replyId, String reason, String by) {
        List<org.ronghe.problem.FieldProblem> problems = new java.util.ArrayList<>();
        String why = org.ronghe.problem.TextInput.line("reason", "不予公开的理由", reason, 500, true, problems);
        if (!problems.isEmpty()) {
            throw new org.ronghe.problem.InvalidInputException(problems);
        }
        Map<String, Object> r = lockUndecided(countyCode, replyId);
        jdbc.sql("update reply set withheld_at = :now, withheld_by = :by, withheld_reason = :why where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("by", by).param("why", why).param("id", replyId).update();
        audit.record(countyCode, "REPLY_WITHHELD", "reply", String.valueOf(replyId),
                "不予公开答复函 " + (r.get("doc_number") == null ? "" : r.get("doc_number")), null,
                Map.of("public", false, "reason", why));
    }

    private Map<String, Object> lockUndecided(String countyCode, long replyId) {
        Map<String, Object> r = jdbc.sql("""
                select id, disclosed_at, withheld_at, doc_number from reply where id = :id and county_code = :c for update""")
                .param("id", replyId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("答复函", replyId));
        if (r.get("disclosed_at") != null || r.get("withheld_at") != null) {
            throw Refusal.conflict(r.get("disclosed_at") != null ? "该答复函已公开" : "该答复函已决定不予公开");
        }
        return r;
    }

    /**
     * Publishes a reply.
     *
     * @param countyCode 6-digit county code
     * @param replyId    the reply
     * @param by         who publishes it
     * @throws NotFoundException if there is no such reply in the county
     * @throws Refusal 409 if it is already published or withheld
     */
    @Transactional
    public void publish(String countyCode, long replyId, String by) {
        Map<String, Object> r = lockUndecided(countyCode, replyId);
        jdbc.sql("update reply set disclosed_at = :now, disclosed_by = :by where id = :id").param("now", OffsetDateTime.now(clock))
                .param("by", by)
                .param("id", replyId).update();
        audit.record(countyCode, "REPLY_DISCLOSED", "reply", String.valueOf(replyId),
                "公开答复函 " + (r.get("doc_number") == null ? "" : r.get("doc_number")), null, Map.of("public", true));
        events.publishEvent(new PublicRepliesChanged(countyCode));
    }

    /**
     * @param countyCode 6-digit county code
     * @param session    届次 to filter by, or blank
     * @param unit       handling unit id, or {@code null}
     * @param category   A–D, or blank
     * @param subject    proposal subject, or blank
     * @param text       words the title or proposer contains, or blank
     * @param offset     rows to skip (for paging), 0 or more
     * @param limit      most rows to return, 1–200
     * @return published replies, newest published first
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> published(String countyCode, String session, Long unit, String category,
                                               String subject, String text, int offset, int limit) {
        // Only the filters in use go into the statement, so PostgreSQL plans each shape for what it is (a generic
        // plan of "(:x = '' or ...)" conditions scans every disclosed reply).
        StringBuilder where = new StringBuilder("r.county_code = :c and r.disclosed_at is not null");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("c", countyCode);
        if (!blank(session).isEmpty()) {
            where.append(" and s.name = :session");
            params.put("session", blank(session));
        }
        if (unit != null) {
            where.append(" and r.department_id = :unit");
            params.put("unit", unit);
        }
        if (!blank(category).isEmpty()) {
            where.append(" and r.category = :category");
            params.put("category", blank(category));
        }
        if (!blank(subject).isEmpty()) {
            where.append(" and p.subject = :subject");
            params.put("subject", blank(subject));
        }
        if (!blank(text).isEmpty()) {
            where.append(" and (p.title like '%' || :text || '%' or pr.name like '%' || :text || '%')");
            params.put("text", blank(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        params.put("offset", Math.max(0, offset));
        params.put("limit", Math.max(1, Math.min(200, limit)));
        return jdbc.sql("""
                select r.id, r.doc_number, r.issuer, d.name as department_name, r.category, r.reply_date,
                       s.name as session, p.number, p.title, p.subject, pr.name as proposer, r.disclosed_at
                from reply r join proposal p on p.id = r.proposal_id join congress_session s on s.id = p.session_id
                left join proposer pr on pr.id = p.proposer_id left join department d on d.id = r.department_id
                where\s""" + where + " order by r.disclosed_at desc, r.id desc offset :offset limit :limit")
                .params(params).query(org.ronghe.database.DateColumns.MAPPER).list();
    }

    /**
     * @param countyCode 6-digit county code
     * @param replyId    a reply
     * @return the published reply with its redacted text, or empty when it is not published
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Map<String, Object>> publishedReply(String countyCode, long replyId) {
        return jdbc.sql("""
                select r.id, r.doc_number, r.issuer, r.category, r.reply_date, s.name as session, p.number, p.title,
                       pr.name as proposer, r.letter_text, r.disclosed_at
                from reply r join proposal p on p.id = r.proposal_id join congress_session s on s.id = p.session_id
                left join proposer pr on pr.id = p.proposer_id
                where r.id = :id and r.county_code = :c and r.disclosed_at is not null""")
                .param("id", replyId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .map(AssignmentService::localDates)
                .map(m -> {
                    m.put("letter_text", redact((String) m.get("letter_text")));
                    return m;
                });
    }

    /**
     * @param text a letter's text
     * @return the text with mobile phone numbers and identity numbers masked
     */
    public static String redact(String text) {
        Matcher m = MOBILE.matcher(text);
        String out = m.replaceAll(r -> Masking.phone(r.group()));
        return ID_NUMBER.matcher(out).replaceAll(r -> Masking.idNumber(r.group()));
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
