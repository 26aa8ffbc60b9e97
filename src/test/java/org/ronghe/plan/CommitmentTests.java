package org.ronghe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.ronghe.proposal.AssignmentService;
import org.ronghe.proposal.ProposalService;
import org.ronghe.proposal.ReplyDrafting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 承诺事项: what replies promise is tracked for the replying unit, reported on, superseded, linked to tasks. */
@IntegrationTest
class CommitmentTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Commitments commitments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProposalService proposals;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ReplyDrafting drafting;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    long seedProposal() {
        return jdbc.sql("select proposal_id from reply where doc_number = '高发改发〔2025〕85号'").query(Long.class).single();
    }

    @Test
    void theSeedLettersFourNextStepAreasAreTrackedForTheBureau() throws Exception {
        long proposal = seedProposal();
        List<Map<String, Object>> rows = commitments.list(C, null, proposal, clock.today());
        assertThat(rows).extracting(r -> r.get("title")).containsExactly("推动城乡生产要素自由交换和双向流动",
                "促进城乡产业协同发展", "加快城乡一体化发展进程", "增强公共服务体系承载能力");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("department")).isEqualTo("高平市发展改革和科技局");
            assertThat(r.get("due_date")).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(r.get("doc_number")).isEqualTo("高发改发〔2025〕85号");
        });
        mvc.perform(get("/proposals/" + proposal + "/commitments").with(user(u("demo-unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("促进城乡产业协同发展")));
        mvc.perform(get("/proposals/" + proposal + "/commitments").with(user(u("demo-unit-agri"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("促进城乡产业协同发展"))));
        mvc.perform(get("/commitments").with(user(u("demo-supervision")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("增强公共服务体系承载能力")));
        mvc.perform(get("/commitments").with(user(u("demo-proposer")))).andExpect(status().isForbidden());
    }

    /** A proposal answered by 发改 with a reply whose next-steps part has two numbered items. */
    long answeredWithPromises(String title) {
        long session = proposals.openSession(C, "CPPCC", "承诺测试届次", "CN");
        long id = proposals.submit(C, new ProposalService.SubmitForm(session, title, "内容", "", "承诺测试委员", List.of()),
                "demo-office");
        proposals.accept(C, id);
        long unit = u("demo-unit").departmentId();
        long a = assignments.assign(C, id, AssignmentService.Mode.SEPARATE, List.of(unit), clock.today()).get(0);
        assignments.sign(C, a, unit);
        release(a, unit, "B");
        return id;
    }

    void release(long assignment, long unit, String category) {
        String body = """
                一、办理情况
                我局已完成调研。
                二、下一步工作打算
                （一）建设村级物流服务站
                年内在15个乡镇建成服务站。
                （二）完善冷链配送
                争取冷链项目资金。""";
        long r = drafting.draft(C, assignment, unit, new ReplyDrafting.Draft(body, category, "局长", List.of(), null, List.of()));
        drafting.submit(C, r, unit);
        drafting.review(C, r, true, null, null);
    }

    @Test
    void aReleasedReplysPromisesAreReportedOnAndClosed() throws Exception {
        long proposal = answeredWithPromises("关于建设农村物流体系的提案");
        List<Map<String, Object>> rows = commitments.list(C, null, proposal, clock.today());
        assertThat(rows).extracting(r -> r.get("title")).containsExactly("建设村级物流服务站", "完善冷链配送");
        assertThat(rows.get(0).get("due_date")).isEqualTo(LocalDate.of(clock.today().getYear(), 12, 31));
        long id = ((Number) rows.get(0).get("id")).longValue();

        mvc.perform(post("/commitments/" + id + "/reports").with(csrf()).with(user(u("demo-unit-agri")))
                .param("progress", "50").param("text", "越权")).andExpect(status().isForbidden());
        mvc.perform(post("/commitments/" + id + "/reports").with(csrf()).with(user(u("demo-unit")))
                        .param("progress", "150").param("text", " "))
                .andExpect(flash().attribute("notice", containsString("进度应为")))
                .andExpect(flash().attribute("notice", containsString("落实情况")));
        mvc.perform(post("/commitments/" + id + "/reports").with(csrf()).with(user(u("demo-unit")))
                .param("progress", "60").param("text", "已建成9个服务站")).andExpect(flash().attribute("notice", "已报告落实情况"));
        mvc.perform(post("/commitments/" + id + "/reports").with(csrf()).with(user(u("demo-unit")))
                .param("progress", "100").param("text", "15个服务站全部建成")).andExpect(flash().attribute("notice", "已报告落实情况"));
        Map<String, Object> done = commitments.one(C, id, clock.today());
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(commitments.reports(id)).hasSize(2);
        mvc.perform(post("/commitments/" + id + "/reports").with(csrf()).with(user(u("demo-unit")))
                .param("progress", "100").param("text", "再报")).andExpect(flash().attribute("notice", containsString("已办结")));

        long other = ((Number) rows.get(1).get("id")).longValue();
        mvc.perform(post("/commitments/" + other + "/due").with(csrf()).with(user(u("demo-unit"))).param("due", "明年"))
                .andExpect(flash().attribute("notice", containsString("完成时限应写作")));
        int year = clock.today().getYear();
        mvc.perform(post("/commitments/" + other + "/due").with(csrf()).with(user(u("demo-unit"))).param("due", "9999-12-31"))
                .andExpect(flash().attribute("notice", containsString("至 " + (year + 10) + " 年之间")));
        mvc.perform(post("/commitments/" + other + "/due").with(csrf()).with(user(u("demo-unit-agri"))).param("due", "abc"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/commitments/" + other + "/due").with(csrf()).with(user(u("demo-unit"))).param("due", "2027-06-30"))
                .andExpect(flash().attribute("notice", "完成时限已调整"));
        mvc.perform(post("/commitments/" + other + "/due").with(csrf()).with(user(u("demo-unit"))).param("due", "2027-06-30"))
                .andExpect(flash().attribute("notice", "完成时限已调整"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'COMMITMENT_RESCHEDULED' and entity_id = :p")
                .param("p", String.valueOf(proposal)).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/proposals/" + proposal).with(user(u("demo-office"))))
                .andExpect(content().string(containsString("跟踪中")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("OPEN"))));
        assertThat(commitments.one(C, other, clock.today()).get("due_date")).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void aLaterReplyToTheSameProposalTakesOverTheOpenPromises() {
        long proposal = answeredWithPromises("关于发展农村电商的提案");
        long unit = u("demo-unit").departmentId();
        long assignment = jdbc.sql("select id from proposal_assignment where proposal_id = :p").param("p", proposal)
                .query(Long.class).single();
        // 不满意 → re-handling, and the unit releases a new reply on the same assignment
        jdbc.sql("update proposal set status = 'ASSIGNED' where id = :p").param("p", proposal).update();
        release(assignment, unit, "B");
        List<Map<String, Object>> rows = commitments.list(C, null, proposal, clock.today());
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().filter(r -> "OPEN".equals(r.get("status")))).hasSize(2);
        assertThat(rows.stream().filter(r -> "DONE".equals(r.get("status"))))
                .allSatisfy(r -> assertThat((String) r.get("closed_note")).startsWith("由后续答复"));
    }

    @Test
    void aCommitmentLinkedToATaskShowsThereAsTheProposalThatAskedForIt() throws Exception {
        long proposal = seedProposal();
        long commitment = ((Number) commitments.list(C, null, proposal, clock.today()).get(1).get("id")).longValue();
        long task = jdbc.sql("""
                insert into plan (county_code, title, year, created_by, created_at)
                values ('140581', :t, 2025, 'test', :now) returning id""")
                .param("now", clock.dateTime()).param("t", "关联测试计划" + System.nanoTime()).query(Long.class).single();
        long taskId = jdbc.sql("""
                insert into plan_task (county_code, plan_id, code, seq, title, lead_department_id)
                values ('140581', :p, '1', 0, '培育城乡融合产业链', :d) returning id""")
                .param("p", task).param("d", u("demo-unit").departmentId()).query(Long.class).single();
        mvc.perform(post("/commitments/" + commitment + "/task").with(csrf()).with(user(u("demo-unit"))).param("task", String.valueOf(taskId)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/commitments/" + commitment + "/task").with(csrf()).with(user(u("demo-supervision")))
                .param("task", String.valueOf(taskId))).andExpect(flash().attribute("notice", "已更新关联任务"));
        mvc.perform(get("/tasks/" + taskId).with(user(u("demo-leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("提出这项工作的提案")))
                .andExpect(content().string(containsString("关于推进我市城乡产业融合发展建议的建议")));
        mvc.perform(post("/commitments/" + commitment + "/task").with(csrf()).with(user(u("demo-supervision"))).param("task", ""))
                .andExpect(flash().attribute("notice", "已更新关联任务"));
        assertThat(commitments.ofTask(C, taskId)).isEmpty();
    }
}
