package org.ronghe.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.account.DemoProfileActivator;
import org.ronghe.tenancy.CountySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (demo profile only): an invented task plan, clearly marked （演示）, built on the four next-step areas of
 * the source letter 高发改发〔2025〕85号, with tasks in every state: done, on track, lagging, overdue, and one whose
 * last month's report is missing; the bureau's commitments from the letter are linked to the matching areas.
 */
@Component
@Profile(DemoProfileActivator.PROFILE)
class DemoPlan {

    /** Title of the demo plan. */
    static final String TITLE = "（演示）高平市城乡融合发展重点任务";

    private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

    private final PlanService plans;
    private final TaskWatch watch;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CountySettings county;

    DemoPlan(PlanService plans, TaskWatch watch, JdbcClient jdbc, CountySettings county, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.watch = watch;
        this.jdbc = jdbc;
        this.county = county;
    }

    /** All or nothing: a failure leaves no half demo behind (the next start tries again). */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.transaction.annotation.Transactional
    void create() {
        String c = county.code();
        if (jdbc.sql("select count(*) from plan where county_code = :c and title = :t").param("c", c).param("t", TITLE)
                .query(Long.class).single() > 0 || !"140581".equals(c)) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int y = today.getYear();
        List<PlanWorkbook.Line> lines = new ArrayList<>();
        add(lines, "1", "推动城乡生产要素自由交换和双向流动", null, null, null, null, "1", TaskStatus.NOT_STARTED, "0");
        add(lines, "1.1", "（演示）建成县乡村三级土地流转服务平台", "高平市农业农村局", "高平市自然资源局",
                LocalDate.of(y, 1, 1), today.minusDays(20), "2", TaskStatus.IN_PROGRESS, "60");
        add(lines, "1.2", "（演示）规范农村集体经济组织运营管理", "高平市农业农村局", "高平市财政局",
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "1", TaskStatus.IN_PROGRESS, "70");
        add(lines, "2", "促进城乡产业协同发展", null, null, null, null, "1", TaskStatus.NOT_STARTED, "0");
        add(lines, "2.1", "（演示）推动专业镇与开发区深度融合", "高平市发展改革和科技局", null,
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "1", TaskStatus.IN_PROGRESS, "75");
        add(lines, "2.2", "（演示）规划文旅康养精品线路", "高平市文化和旅游局", "高平市交通运输局",
                LocalDate.of(y, 3, 1), LocalDate.of(y, 12, 31), "1", TaskStatus.LAGGING, "30");
        add(lines, "3", "加快城乡一体化发展进程", null, null, null, null, "1", TaskStatus.NOT_STARTED, "0");
        add(lines, "3.1", "（演示）供水供气供热管网向乡镇延伸", "高平市住房和城乡建设局", null,
                LocalDate.of(y, 1, 1), LocalDate.of(y, 10, 31), "1", TaskStatus.DONE, "100");
        add(lines, "3.2", "（演示）推进城乡客运一体化", "高平市交通运输局", null,
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "1", TaskStatus.IN_PROGRESS, "80");
        add(lines, "4", "增强公共服务体系承载能力", null, null, null, null, "1", TaskStatus.NOT_STARTED, "0");
        add(lines, "4.1", "（演示）县乡村三级联动的一体化医疗集团", "高平市卫生健康局", null,
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "1", TaskStatus.IN_PROGRESS, "85");
        add(lines, "4.2", "（演示）完善三级养老服务网络", "高平市民政局", null,
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "1", TaskStatus.IN_PROGRESS, "55");
        long id = plans.importPlan(c, TITLE, String.valueOf(y), lines, "demo-supervision");
        // as if the plan had been issued at the start of the year: last month's reports are due
        jdbc.sql("update plan set created_at = make_timestamptz(:y, 1, 15, 9, 0, 0) where id = :id")
                .param("y", y).param("id", id).update();
        String last = java.time.YearMonth.from(today).minusMonths(1).toString();
        jdbc.sql("""
                insert into progress_report (county_code, task_id, period, progress, status, text, reported_by, reported_at)
                select t.county_code, t.id, :p, t.progress, t.status, '（演示）按计划推进。',
                       case d.doc_code when '高发改' then 'demo-unit' when '高农' then 'demo-unit-agri'
                                       else '（演示）' || d.short_name || '承办人' end, :now
                from plan_task t join department d on d.id = t.lead_department_id
                where t.plan_id = :id and t.code <> '4.2'""")
                .param("p", last).param("id", id).param("now", OffsetDateTime.now(clock)).update();
        // the bureau's commitments from the source letter carry out the plan's four areas
        jdbc.sql("""
                update commitment m set task_id = t.id
                from plan_task t, reply r
                where t.plan_id = :id and t.parent_id is null and r.id = m.reply_id and r.doc_number = '高发改发〔2025〕85号'
                  and t.code = m.seq::text""").param("id", id).update();
        watch.run(today);
        log.info("Demo plan created: {}", TITLE);
    }

    private static void add(List<PlanWorkbook.Line> lines, String code, String title, String lead, String co,
                            LocalDate start, LocalDate due, String weight, TaskStatus status, String progress) {
        lines.add(new PlanWorkbook.Line(lines.size() + 2, new TaskRow(code, title, lead, co == null ? List.of() : List.of(co),
                start, due, new BigDecimal(weight), status, new BigDecimal(progress), List.of())));
    }
}
