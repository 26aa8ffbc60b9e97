package org.ronghe.proposal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办理统计: counts per session and per handling unit, computed from the handling records each time (no cached
 * figures, so the page and the exports always agree with the database).
 *
 * <p>Definitions: <em>received</em> every proposal of the session (imported letters included); <em>filed</em>
 * those given a number by 立案 or imported with one (status FILED, ASSIGNED or REPLIED); <em>assigned</em> those
 * with a live (not returned) assignment; <em>replied</em> status REPLIED; <em>on time</em> replied no later than
 * the due date of their lead/separate assignment; <em>overdue</em> a live lead/separate assignment with no released
 * reply whose due date has passed, or a reply released after it; categories A/B/C from the latest released or
 * imported reply; <em>satisfaction rate</em> (满意 + 基本满意) ÷ answers, in %; <em>re-handled</em> proposals with at
 * least one 重新办理.
 */
@Service
public class ProposalStatistics {

    /** One row of figures; {@code satisfactionRate} is a percentage with one decimal, or {@code null} without answers. */
    public record Row(String name, long received, long filed, long assigned, long replied, long onTime, long overdue,
                      long categoryA, long categoryB, long categoryC, long answers, Double satisfactionRate,
                      long rehandled) {
    }

    private final JdbcClient jdbc;

    ProposalStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param countyCode 6-digit county code
     * @param today      the day against which deadlines are judged (China time)
     * @return one row per session, newest first
     */
    @Transactional(readOnly = true)
    public List<Row> bySession(String countyCode, LocalDate today) {
        return jdbc.sql(PER_PROPOSAL + """
                select s.name,
                       count(f.id), count(f.id) filter (where f.status in ('FILED', 'ASSIGNED', 'REPLIED')),
                       count(f.id) filter (where f.assigned), count(f.id) filter (where f.status = 'REPLIED'),
                       count(f.id) filter (where f.on_time), count(f.id) filter (where f.overdue),
                       count(f.id) filter (where f.category = 'A'), count(f.id) filter (where f.category = 'B'),
                       count(f.id) filter (where f.category = 'C'),
                       coalesce(sum(f.answers), 0), coalesce(sum(f.content), 0), count(f.id) filter (where f.rehandle_count > 0)
                from congress_session s left join facts f on f.session_id = s.id
                where s.county_code = :c
                group by s.id, s.name order by s.id desc""")
                .param("c", countyCode).param("today", today).query((rs, n) -> row(rs)).list();
    }

    /**
     * @param countyCode 6-digit county code
     * @param sessionId  only this session, or {@code null} for all
     * @param today      the day against which deadlines are judged (China time)
     * @return one row per unit that was ever assigned a proposal (lead, separate or co-handler), by name
     */
    @Transactional(readOnly = true)
    public List<Row> byUnit(String countyCode, Long sessionId, LocalDate today) {
        return jdbc.sql(PER_PROPOSAL + """
                , unit_facts as (
                    select a.department_id, f.* from facts f
                    join proposal_assignment a on a.proposal_id = f.id and a.state <> 'RETURNED')
                select d.name,
                       count(u.id), count(u.id) filter (where u.status in ('FILED', 'ASSIGNED', 'REPLIED')),
                       count(u.id), count(u.id) filter (where u.status = 'REPLIED'),
                       count(u.id) filter (where u.on_time), count(u.id) filter (where u.overdue),
                       count(u.id) filter (where u.category = 'A'), count(u.id) filter (where u.category = 'B'),
                       count(u.id) filter (where u.category = 'C'),
                       coalesce(sum(u.answers), 0), coalesce(sum(u.content), 0), count(u.id) filter (where u.rehandle_count > 0)
                from unit_facts u join department d on d.id = u.department_id
                where cast(:s as bigint) is null or u.session_id = :s
                group by d.id, d.name order by d.name""")
                .param("c", countyCode).param("today", today).param("s", sessionId).query((rs, n) -> row(rs)).list();
    }

    /** One row per proposal of the county with the facts the figures count. */
    private static final String PER_PROPOSAL = """
            with facts as (
                select p.id, p.session_id, p.status, p.rehandle_count,
                       exists (select 1 from proposal_assignment a where a.proposal_id = p.id and a.state <> 'RETURNED') as assigned,
                       (p.status = 'REPLIED' and exists (
                            select 1 from proposal_assignment a join reply r on r.assignment_id = a.id and r.status = 'RELEASED'
                            where a.proposal_id = p.id and a.mode <> 'CO_HANDLER' and a.state = 'SIGNED'
                            and r.reply_date <= a.due_date)) as on_time,
                       exists (select 1 from proposal_assignment a
                               where a.proposal_id = p.id and a.mode <> 'CO_HANDLER' and a.state <> 'RETURNED' and (
                                   (not exists (select 1 from reply r where r.assignment_id = a.id and r.status = 'RELEASED')
                                    and a.due_date < :today and p.status = 'ASSIGNED')
                                   or exists (select 1 from reply r where r.assignment_id = a.id and r.status = 'RELEASED'
                                              and r.reply_date > a.due_date))) as overdue,
                       (select r.category from reply r where r.proposal_id = p.id and r.status in ('RELEASED', 'IMPORTED')
                        order by r.reply_date desc, r.id desc limit 1) as category,
                       (select count(*) from proposal_feedback fb where fb.proposal_id = p.id and fb.verdict <> 'NO_RESPONSE') as answers,
                       (select count(*) from proposal_feedback fb where fb.proposal_id = p.id
                        and fb.verdict in ('SATISFIED', 'BASICALLY_SATISFIED')) as content
                from proposal p where p.county_code = :c)
            """;

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long answers = rs.getLong(11);
        Double rate = answers == 0 ? null : Math.round(rs.getLong(12) * 1000.0 / answers) / 10.0;
        return new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), answers, rate, rs.getLong(13));
    }
}
