package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.ronghe.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 每日催办: near and passed deadlines notify the unit once; unanswered replies are recorded as 逾期未反馈. */
@IntegrationTest
class DeadlineWatchTests {

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
    DeadlineWatch watch;
    @Autowired
    Notifications notifications;
    @Autowired
    HandlingSteps steps;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    long assigned(String title, LocalDate on) {
        return steps.assigned(proposals.openSession(C, "CPPCC", "催办测试届次", "CB"), title, "催办测试委员", "demo-unit-agri", on);
    }

    List<String> kinds(long assignment) {
        return jdbc.sql("select kind from notification where subject_key = :k order by id")
                .param("k", "assignment:" + assignment).query(String.class).list();
    }

    @Test
    void nearAndPassedDeadlinesNotifyTheUnitOnce() throws Exception {
        LocalDate today = clock.today();
        long late = assigned("关于治理农村黑臭水体的提案", today.minusMonths(4));
        long near = assigned("关于改造农村危房的提案", today.minusMonths(3).plusDays(10));
        long far = assigned("关于培育乡村工匠的提案", today);
        watch.run(today);
        watch.run(today);
        assertThat(kinds(late)).containsExactly("DEADLINE_PASSED");
        assertThat(kinds(near)).containsExactly("DEADLINE_NEAR");
        assertThat(kinds(far)).isEmpty();

        long agri = u("demo-unit-agri").departmentId();
        assertThat(notifications.unread(agri, "demo-unit-agri")).isPositive();
        assertThat(notifications.unread(u("demo-unit").departmentId(), "demo-unit"))
                .isEqualTo(jdbc.sql("select count(*) from notification where read_at is null and department_id = :d")
                        .param("d", u("demo-unit").departmentId()).query(Long.class).single());
        mvc.perform(get("/notifications").with(user(u("demo-unit-agri"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("关于治理农村黑臭水体的提案")))
                .andExpect(content().string(containsString("通知（")));
        mvc.perform(get("/notifications").with(user(u("demo-unit"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("关于治理农村黑臭水体的提案"))));
        mvc.perform(post("/notifications/read").with(csrf()).with(user(u("demo-unit-agri"))))
                .andExpect(status().is3xxRedirection());
        assertThat(notifications.unread(agri, "demo-unit-agri")).isZero();
    }

    @Test
    void unansweredRepliesAreRecordedAfterTheWindowOnly() {
        long a = assigned("关于建设乡村图书室的提案", clock.today());
        long r = steps.answer(a, "demo-unit-agri", "A");

        watch.run(clock.today().plusDays(3));
        String sql = "select verdict from proposal_feedback where reply_id = :r";
        assertThat(jdbc.sql(sql).param("r", r).query(String.class).list()).isEmpty();
        watch.run(clock.today().plusMonths(2));
        watch.run(clock.today().plusMonths(2));
        assertThat(jdbc.sql(sql).param("r", r).query(String.class).list()).containsExactly("NO_RESPONSE");
    }
}
