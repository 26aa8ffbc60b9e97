package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.tenancy.WorkCalendar;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.ronghe.problem.Refusal;
import tools.jackson.databind.json.JsonMapper;

/** 交办: separate and lead + co-handler modes, sign, return, re-assign, extension, to-do lists, working days. */
@IntegrationTest
class AssignmentTests {

    @Autowired
    TestClock clock;

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
    WorkCalendar calendar;

    long filedProposal(String title) {
        long session = proposals.openSession("140581", "CPPCC", "测试交办届次", "TJ");
        long id = proposals.submit("140581", new ProposalService.SubmitForm(session, title, "内容", "", "测试委员", List.of()),
                "demo-office");
        proposals.accept("140581", id);
        return id;
    }

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    @Test
    void workingDaysSkipHolidaysAndCountAdjustedWeekendsFrom2025Calendar() {
        // 2025-09-26 is a Friday; 9-28 (Sunday) is worked; 10-1 to 10-8 are holidays; 10-11 (Saturday) is worked
        assertThat(calendar.addWorkingDays("140581", LocalDate.of(2025, 9, 26), 5)).isEqualTo(LocalDate.of(2025, 10, 10));
        assertThat(calendar.addWorkingDays("140581", LocalDate.of(2025, 10, 9), 2)).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(calendar.isWorkingDay("140581", LocalDate.of(2025, 1, 29))).isFalse();
        assertThat(calendar.isWorkingDay("140581", LocalDate.of(2025, 2, 8))).isTrue();
        assertThat(calendar.isWorkingDay("140581", LocalDate.of(2025, 3, 8))).isFalse();
    }

    @Test
    void leadAndCoHandlersSignReturnAndTheOfficeReassigns() throws Exception {
        long id = filedProposal("关于发展设施农业的提案");
        long devReform = u("demo-unit").departmentId();
        long agri = u("demo-unit-agri").departmentId();
        String body = mvc.perform(post("/api/proposals/" + id + "/assign").with(csrf()).with(user(u("demo-office")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"LEAD_AND_CO\",\"units\":[" + agri + "," + devReform + "]}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Long> ids = JsonMapper.builder().build().readTree(body).get("assignments").valueStream()
                .map(n -> n.asLong()).toList();
        var rows = assignments.ofProposal(id);
        assertThat(rows).extracting(r -> r.get("mode")).containsExactly("LEAD", "CO_HANDLER");
        assertThat(rows.get(0).get("due_date").toString()).isEqualTo(clock.today().plusMonths(3).toString());

        // the development-and-reform unit cannot sign for agriculture's assignment
        mvc.perform(post("/api/assignments/" + ids.get(0) + "/sign").with(csrf()).with(user(u("demo-unit"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/assignments/" + ids.get(0) + "/sign").with(csrf()).with(user(u("demo-unit-agri"))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/assignments/" + ids.get(0) + "/return").with(csrf()).with(user(u("demo-unit-agri")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不属本单位职责\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("已签收")));
        mvc.perform(post("/api/assignments/" + ids.get(1) + "/return").with(csrf()).with(user(u("demo-unit")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/assignments/" + ids.get(1) + "/return").with(csrf()).with(user(u("demo-unit")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"建议由住建局会办\"}"))
                .andExpect(status().isOk());

        // the unit sees what it holds; the other unit's list does not show returned work
        mvc.perform(get("/api/todo").with(user(u("demo-unit-agri"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.proposal_id == " + id + ")].bucket").value("待办理"));
        mvc.perform(get("/api/todo").with(user(u("demo-unit"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.proposal_id == " + id + ")]").isEmpty());
        mvc.perform(get("/api/proposals/" + id).with(user(u("demo-unit-agri")))).andExpect(status().isOk());

        // assigning the same live unit again is refused; a new co-handling unit is added separately
        mvc.perform(post("/api/proposals/" + id + "/assign").with(csrf()).with(user(u("demo-office")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"LEAD_AND_CO\",\"units\":[" + agri + "]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'units')]").exists());
        // offices cannot be handling units
        long office = jdbc.sql("select id from department where unit_type = 'CPPCC_OFFICE' and county_code = '140581'")
                .query(Long.class).single();
        mvc.perform(post("/api/proposals/" + id + "/assign").with(csrf()).with(user(u("demo-office")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"SEPARATE\",\"units\":[" + office + "]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("不是承办单位")));
        mvc.perform(post("/api/proposals/" + id + "/assign").with(csrf()).with(user(u("demo-office")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"SEPARATE\",\"units\":[999999]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("不存在")));
        mvc.perform(get("/api/proposals/" + id).with(user(u("demo-office"))))
                .andExpect(jsonPath("$.timeline[*].action").value(org.hamcrest.Matchers.hasItems(
                        "PROPOSAL_ASSIGNED", "ASSIGNMENT_SIGNED", "ASSIGNMENT_RETURNED")));
    }

    @Test
    void whenEveryUnitReturnsItTheOfficeAssignsAgain() {
        long id = filedProposal("关于建设冷链物流中心的提案");
        long devReform = u("demo-unit").departmentId();
        long agri = u("demo-unit-agri").departmentId();
        long a = assignments.assign("140581", id, AssignmentService.Mode.SEPARATE, List.of(devReform), clock.today()).get(0);
        assignments.giveBack("140581", a, devReform, "应由农业农村局办理", clock.today());
        assertThat(jdbc.sql("select status from proposal where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("FILED");
        assignments.assign("140581", id, AssignmentService.Mode.SEPARATE, List.of(agri), clock.today());
        assertThat(jdbc.sql("select status from proposal where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void theLastReturnAndANewAssignmentNeverCross() throws Exception {
        long devReform = u("demo-unit").departmentId();
        long agri = u("demo-unit-agri").departmentId();
        for (int round = 0; round < 6; round++) {
            long id = filedProposal("并发退回与交办测试" + round);
            long a = assignments.assign("140581", id, AssignmentService.Mode.SEPARATE, List.of(devReform), clock.today()).get(0);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            var r1 = pool.submit(() -> {
                start.await();
                assignments.giveBack("140581", a, devReform, "不属本单位", clock.today());
                return null;
            });
            var r2 = pool.submit(() -> {
                start.await();
                assignments.assign("140581", id, AssignmentService.Mode.SEPARATE, List.of(agri), clock.today());
                return null;
            });
            start.countDown();
            r1.get();
            try {
                r2.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // the proposal may already be back with the office (FILED) when the assignment runs: also fine
            }
            pool.shutdown();
            long live = jdbc.sql("select count(*) from proposal_assignment where proposal_id = :p and state <> 'RETURNED'")
                    .param("p", id).query(Long.class).single();
            String state = jdbc.sql("select status from proposal where id = :id").param("id", id).query(String.class).single();
            assertThat(state).as("round " + round).isEqualTo(live > 0 ? "ASSIGNED" : "FILED");
        }
    }

    @Test
    void returnsAfterTheWindowAndLateOrTooLongExtensionsAreRefused() {
        long id = filedProposal("关于完善农村物流网络的提案");
        long agri = u("demo-unit-agri").departmentId();
        LocalDate assignedOn = LocalDate.of(2025, 9, 26);
        long a = assignments.assign("140581", id, AssignmentService.Mode.SEPARATE, List.of(agri), assignedOn).get(0);
        assertThatThrownBy(() -> assignments.giveBack("140581", a, agri, "不属本单位", LocalDate.of(2025, 10, 11)))
                .isInstanceOfSatisfying(Refusal.class,
                        e -> assertThat(e.getBody().getDetail()).contains("2025-10-10"));
        assertThatThrownBy(() -> assignments.extend("140581", a, LocalDate.of(2026, 4, 1), "情况复杂", LocalDate.of(2025, 10, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.byField().get("dueDate")).contains("2026-03-26"));
        assertThatThrownBy(() -> assignments.extend("140581", a, LocalDate.of(2026, 2, 1), "情况复杂", LocalDate.of(2025, 12, 27)))
                .isInstanceOf(Refusal.class).hasMessageContaining("409");
        assignments.extend("140581", a, LocalDate.of(2026, 2, 26), "需跨年度协调资金", LocalDate.of(2025, 12, 1));
        assertThat(assignments.ofProposal(id).get(0).get("due_date").toString()).isEqualTo("2026-02-26");
    }

    @Test
    void officeAssignsAndTheUnitSignsThroughThePages() throws Exception {
        long id = filedProposal("关于扩大农村电商覆盖的提案");
        long agri = u("demo-unit-agri").departmentId();
        mvc.perform(get("/proposals/" + id).with(user(u("demo-office"))))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(containsString("主办 + 会办")));
        mvc.perform(post("/proposals/" + id + "/assign").with(csrf()).with(user(u("demo-office")))
                        .param("mode", "SEPARATE").param("units", String.valueOf(agri)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("notice", "已交办"));
        long a = ((Number) assignments.ofProposal(id).get(0).get("id")).longValue();
        mvc.perform(get("/todo").with(user(u("demo-unit-agri"))))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(containsString("关于扩大农村电商覆盖的提案")));
        mvc.perform(post("/assignments/" + a + "/sign").with(csrf()).with(user(u("demo-unit-agri")))
                        .param("proposal", String.valueOf(id)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("notice", "已签收"));
        mvc.perform(post("/assignments/" + a + "/sign").with(csrf()).with(user(u("demo-unit-agri")))
                        .param("proposal", String.valueOf(id)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", containsString("已签收")));
        mvc.perform(get("/proposals/" + id).with(user(u("demo-unit"))))
                .andExpect(status().isForbidden());
    }
}
