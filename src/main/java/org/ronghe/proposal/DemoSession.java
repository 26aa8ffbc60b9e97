package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ronghe.account.DemoProfileActivator;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.tenancy.CountySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, opens a session that takes submissions, named as a demo so nobody mistakes it for a real
 * meeting, and fills it once with 9 invented proposals, all titled （演示）, at the main steps of handling: submitted,
 * rejected, filed, awaiting signature, lead + co-handling, overdue, reply awaiting review, answered A (published)
 * and answered B (a follow-up). The two answered ones are 演示·提案者's, so {@code demo-proposer} can give
 * feedback; the deadline job runs once so the overdue item is already notified.
 */
@Component
@Profile(DemoProfileActivator.PROFILE)
class DemoSession {

    /** Name of the demo session. */
    static final String NAME = "（演示）政协高平市第七届委员会第六次会议";

    private static final Logger log = LoggerFactory.getLogger(DemoSession.class);

    private final ProposalService service;
    private final CountySettings county;
    private final DepartmentDirectory departments;
    private final AssignmentService assignments;
    private final ReplyDrafting drafting;
    private final Disclosure disclosure;
    private final DeadlineWatch deadlines;
    private final Clock clock;

    DemoSession(ProposalService service, CountySettings county, DepartmentDirectory departments,
                AssignmentService assignments, ReplyDrafting drafting, Disclosure disclosure, DeadlineWatch deadlines, Clock clock) {
        this.clock = clock;
        this.deadlines = deadlines;
        this.service = service;
        this.county = county;
        this.departments = departments;
        this.assignments = assignments;
        this.drafting = drafting;
        this.disclosure = disclosure;
    }

    /** Runs when the application is ready, after the search index of {@link SimilarProposals} is open. */
    @EventListener(ApplicationReadyEvent.class)
    void open() {
        if (service.openSessions(county.code()).stream().anyMatch(s -> NAME.equals(s.get("name")))) {
            return;
        }
        long session = service.openSession(county.code(), "CPPCC", NAME, "TA");
        Optional<Long> devReform = unit("高发改");
        Optional<Long> agri = unit("高农");
        if (devReform.isEmpty() || agri.isEmpty()) {
            log.warn("Demo proposals skipped: units 高发改 and 高农 are needed");
            return;
        }
        fill(session, devReform.get(), agri.get());
        // so the overdue demo item shows in the units' 通知 at once rather than after the next 07:00 run
        deadlines.run(LocalDate.now(clock));
    }

    private void fill(long session, long devReform, long agri) {
        String c = county.code();
        LocalDate today = LocalDate.now(clock);
        submit(session, "（演示）关于建设城乡公交一体化站点的提案", "演示委员甲");
        service.reject(c, submit(session, "（演示）关于调整个人工资待遇的提案", "演示委员乙"), "属个人事务，不属于提案范围", false);
        filed(session, "（演示）关于加强古村落保护利用的提案", "演示委员丙");
        assignments.assign(c, filed(session, "（演示）关于发展林下经济的提案", "演示委员丁"), AssignmentService.Mode.SEPARATE,
                List.of(agri), today);
        List<Long> leadCo = assignments.assign(c, filed(session, "（演示）关于建设农产品冷链物流中心的提案", "九三学社高平市支社"),
                AssignmentService.Mode.LEAD_AND_CO, List.of(agri, devReform), today);
        assignments.sign(c, leadCo.get(0), agri);
        assignments.sign(c, leadCo.get(1), devReform);
        long late = assignments.assign(c, filed(session, "（演示）关于整治农村人居环境的提案", "演示委员戊"),
                AssignmentService.Mode.SEPARATE, List.of(agri), today.minusMonths(4)).get(0);
        assignments.sign(c, late, agri);
        long reviewed = assignments.assign(c, filed(session, "（演示）关于扶持返乡创业园区建设的提案", "演示委员己"),
                AssignmentService.Mode.SEPARATE, List.of(devReform), today).get(0);
        assignments.sign(c, reviewed, devReform);
        drafting.submit(c, drafting.draft(c, reviewed, devReform, new ReplyDrafting.Draft(
                "一、基本情况\n我局已将返乡创业园区纳入年度计划。", "B", "演示局长", List.of("演示承办人"), "0356-5220000",
                List.of())), devReform);
        long a = released(session, "（演示）关于完善土地流转服务平台的提案", devReform, "A",
                "一、基本情况\n我局已会同农业农村局建成市级土地流转服务平台，提供信息发布、合同签订和纠纷调解服务。\n"
                        + "二、下一步工作打算\n（一）年内实现乡镇全覆盖。");
        disclosure.publish(c, a, "demo-office");
        released(session, "（演示）关于推进县乡村三级服务网络建设的提案", devReform, "B",
                "一、基本情况\n县级服务中心已建成，乡镇服务站建设正在推进。\n二、下一步工作打算\n（一）明年完成村级服务点建设。");
    }

    private long released(long session, String title, long unit, String category, String body) {
        String c = county.code();
        long id = filed(session, title, "演示·提案者");
        long a = assignments.assign(c, id, AssignmentService.Mode.SEPARATE, List.of(unit), LocalDate.now(clock)).get(0);
        assignments.sign(c, a, unit);
        long r = drafting.draft(c, a, unit, new ReplyDrafting.Draft(body, category, "演示局长", List.of("演示承办人"),
                "0356-5220000", List.of("市政协提案委")));
        drafting.submit(c, r, unit);
        drafting.review(c, r, true, null, null);
        return r;
    }

    private long filed(long session, String title, String proposer) {
        long id = submit(session, title, proposer);
        service.accept(county.code(), id);
        return id;
    }

    private long submit(long session, String title, String proposer) {
        return service.submit(county.code(), new ProposalService.SubmitForm(session, title,
                "（演示数据，非真实提案）" + title.replace("（演示）", "") + "的具体建议。", "城乡建设", proposer, List.of()),
                "demo-office");
    }

    private Optional<Long> unit(String docCode) {
        return departments.list(county.code()).stream().filter(d -> docCode.equals(d.docCode())).map(d -> d.id())
                .findFirst();
    }
}
