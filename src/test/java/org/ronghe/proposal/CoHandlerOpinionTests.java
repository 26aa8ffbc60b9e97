package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 会办意见: the co-handling unit's written opinion to the lead unit. */
@IntegrationTest
class CoHandlerOpinionTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
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

    void opinion(String who, long assignment, String json, org.springframework.test.web.servlet.ResultMatcher expected)
            throws Exception {
        mvc.perform(post("/api/assignments/" + assignment + "/opinion").with(csrf()).with(user(u(who)))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(expected);
    }

    @Test
    void theCoHandlerGivesItsOpinionToTheLeadUntilTheReplyIsReleased() throws Exception {
        long lead = u("demo-unit").departmentId();
        long co = u("demo-unit-agri").departmentId();
        long session = proposals.openSession(C, "CPPCC", "会办测试届次", "HB");
        long id = proposals.submit(C, new ProposalService.SubmitForm(session, "关于发展设施农业的提案", "内容", "", "会办测试委员",
                List.of()), "demo-office");
        proposals.accept(C, id);
        List<Long> a = assignments.assign(C, id, AssignmentService.Mode.LEAD_AND_CO, List.of(lead, co), clock.today());
        long leadA = a.get(0);
        long coA = a.get(1);
        assignments.sign(C, leadA, lead);

        opinion("demo-unit-agri", coA, "{\"opinion\":\"建议整合涉农资金\"}", status().isConflict());
        assignments.sign(C, coA, co);
        assertThat(assignments.todo(C, co, clock.today()))
                .filteredOn(t -> ((Number) t.get("proposal_id")).longValue() == id).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("bucket", "待会办"));

        opinion("demo-unit", coA, "{\"opinion\":\"越权\"}", status().isForbidden());
        opinion("demo-unit", leadA, "{\"opinion\":\"主办不提交会办意见\"}", status().isConflict());
        mvc.perform(post("/api/assignments/" + coA + "/opinion").with(csrf()).with(user(u("demo-unit-agri")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("opinion"));
        opinion("demo-unit-agri", coA, "{\"opinion\":\"一、建议整合涉农资金。\\n二、由农业农村局提供技术指导。\"}",
                status().isOk());
        assertThat(assignments.todo(C, co, clock.today()))
                .noneMatch(t -> ((Number) t.get("proposal_id")).longValue() == id);
        opinion("demo-unit-agri", coA, "{\"opinion\":\"一、建议整合涉农资金。\\n二、由我局提供技术指导和培训。\"}",
                status().isOk());

        mvc.perform(get("/proposals/" + id).with(user(u("demo-unit"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("由我局提供技术指导和培训")));
        mvc.perform(get("/api/proposals/" + id).with(user(u("demo-office"))))
                .andExpect(jsonPath("$.coOpinions[0].opinion").value(containsString("二、由我局提供技术指导和培训")));
        List<Map<String, Object>> audit = jdbc.sql("""
                select action from audit_event where entity_type = 'proposal' and entity_id = :id
                and action like 'CO_OPINION%' order by id""").param("id", String.valueOf(id)).query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("CO_OPINION_SUBMITTED", "CO_OPINION_REVISED");

        long r = drafting.draft(C, leadA, lead, new ReplyDrafting.Draft("答复正文", "A", "局长", List.of(), null, List.of()));
        drafting.submit(C, r, lead);
        drafting.review(C, r, true, null, null);
        opinion("demo-unit-agri", coA, "{\"opinion\":\"再改\"}", status().isConflict());
        assertThat(jdbc.sql("select opinion from co_handler_opinion where assignment_id = :a").param("a", coA)
                .query(String.class).single()).contains("培训");
    }
}
