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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/** 跟踪落实: B and C replies stay open for the answering unit until it reports them solved. */
@IntegrationTest
class FollowUpTests {

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
    FollowUps followUps;
    @Autowired
    HandlingSteps steps;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    long replied(String title, String category) {
        return steps.replied(proposals.openSession(C, "CPPCC", "跟踪测试届次", "GZ"), title, "跟踪测试委员", category);
    }

    void report(String who, long id, String json, ResultMatcher expected) throws Exception {
        mvc.perform(post("/api/proposals/" + id + "/follow-up").with(csrf()).with(user(u(who)))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(expected);
    }

    boolean isOpen(long id) {
        return followUps.open(C, null).stream().anyMatch(f -> ((Number) f.get("proposal_id")).longValue() == id);
    }

    @Test
    void aBReplyStaysOpenUntilItsUnitReportsItSolved() throws Exception {
        long id = replied("关于建设乡村物流站点的提案", "B");
        assertThat(isOpen(id)).isTrue();
        mvc.perform(get("/todo").with(user(u("demo-unit"))))
                .andExpect(content().string(containsString("关于建设乡村物流站点的提案")));
        mvc.perform(get("/api/follow-ups").with(user(u("demo-unit-agri"))))
                .andExpect(jsonPath("$[?(@.proposal_id == " + id + ")]").doesNotExist());

        report("demo-unit-agri", id, "{\"report\":\"越权\"}", status().isForbidden());
        mvc.perform(post("/api/proposals/" + id + "/follow-up").with(csrf()).with(user(u("demo-unit")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"report\":\"\",\"solved\":\"yes\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("solved"));
        mvc.perform(post("/api/proposals/" + id + "/follow-up").with(csrf()).with(user(u("demo-unit")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"report\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("report"));

        report("demo-unit", id, "{\"report\":\"已完成选址\",\"solved\":false}", status().isOk());
        assertThat(isOpen(id)).isTrue();
        report("demo-unit", id, "{\"report\":\"站点已建成投用\",\"solved\":true}", status().isOk());
        assertThat(isOpen(id)).isFalse();
        report("demo-unit", id, "{\"report\":\"再报\",\"solved\":true}", status().isConflict());

        assertThat(followUps.reports(id)).extracting(r -> r.get("report")).containsExactly("已完成选址", "站点已建成投用");
        assertThat(jdbc.sql("""
                select action from audit_event where entity_type = 'proposal' and entity_id = :id
                and action like 'FOLLOW_UP%' order by id""").param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("FOLLOW_UP_REPORTED", "FOLLOW_UP_SOLVED");
        mvc.perform(get("/proposals/" + id).with(user(u("demo-office"))))
                .andExpect(content().string(containsString("站点已建成投用")));
    }

    @Test
    void anAReplyIsNotAFollowUp() throws Exception {
        long id = replied("关于规范农村集市的提案", "A");
        assertThat(isOpen(id)).isFalse();
        report("demo-unit", id, "{\"report\":\"无需跟踪\"}", status().isConflict());
        assertThat(followUps.reports(id)).isEmpty();
    }
}
