package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ronghe.tenancy.WorkCalendar;
import org.ronghe.IntegrationTest;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/** 公开期限: released replies await the office's decision, publish or withhold with a reason, within the window. */
@IntegrationTest
class DisclosureWindowTests {

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
    Disclosure disclosure;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    HandlingSteps steps;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    long repliedReply(String title) {
        long proposal = steps.replied(proposals.openSession(C, "CPPCC", "公开期限测试届次", "GK"), title, "公开测试委员", "A");
        return jdbc.sql("select id from reply where proposal_id = :p and status = 'RELEASED'").param("p", proposal)
                .query(Long.class).single();
    }

    LocalDate replyDate(long reply) {
        return jdbc.sql("select reply_date from reply where id = :r").param("r", reply).query(LocalDate.class).single();
    }

    Disclosure.Pending pendingOn(long reply, LocalDate day) {
        return disclosure.pending(C, day).stream().filter(p -> p.replyId() == reply).findFirst().orElse(null);
    }

    void decide(String who, long reply, String json, ResultMatcher expected) throws Exception {
        mvc.perform(post("/api/replies/" + reply + "/disclosure").with(csrf()).with(user(u(who)))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(expected);
    }

    @Test
    void aReleasedReplyIsDueForDisclosureTwentyWorkingDaysAfterItsDate() {
        long reply = repliedReply("关于公开期限计算的提案");
        LocalDate replied = replyDate(reply);
        LocalDate due = calendar.addWorkingDays(C, replied, 20);
        assertThat(due).isAfter(replied.plusDays(25));

        Disclosure.Pending p = pendingOn(reply, replied);
        assertThat(p.due()).isEqualTo(due);
        assertThat(p.bucket()).isEqualTo("待公开");
        assertThat(pendingOn(reply, due.minusDays(2)).bucket()).isEqualTo("即将到期");
        assertThat(pendingOn(reply, due).bucket()).isEqualTo("即将到期");
        assertThat(pendingOn(reply, due.plusDays(1)).bucket()).isEqualTo("已超期");
    }

    @Test
    void withholdingNeedsAReasonAndIsFinal() throws Exception {
        long reply = repliedReply("关于不予公开事项的提案");
        mvc.perform(get("/api/disclosures/pending").with(user(u("demo-unit")))).andExpect(status().isForbidden());
        decide("demo-unit", reply, "{\"publish\":true}", status().isForbidden());
        decide("demo-office", reply, "{\"publish\":\"yes\"}", status().isBadRequest());
        decide("demo-office", reply, "{\"publish\":false,\"reason\":\"  \"}", status().isBadRequest());
        mvc.perform(post("/api/replies/" + reply + "/disclosure").with(csrf()).with(user(u("demo-office")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"publish\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message", containsString("不予公开的理由")));
        assertThat(pendingOn(reply, replyDate(reply))).isNotNull();

        decide("demo-office", reply, "{\"publish\":false,\"reason\":\"涉及企业商业秘密\"}", status().isOk());
        assertThat(pendingOn(reply, replyDate(reply))).isNull();
        assertThat(jdbc.sql("select withheld_reason from reply where id = :r").param("r", reply).query(String.class)
                .single()).isEqualTo("涉及企业商业秘密");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REPLY_WITHHELD' and entity_id = :r")
                .param("r", String.valueOf(reply)).query(Long.class).single()).isEqualTo(1);

        decide("demo-office", reply, "{\"publish\":true}", status().isConflict());
        mvc.perform(get("/public/replies/" + reply)).andExpect(status().isNotFound());

        // the proposal's timeline shows the decision, who made it by name, and the reason given
        long proposal = jdbc.sql("select proposal_id from reply where id = :r").param("r", reply).query(Long.class).single();
        mvc.perform(get("/proposals/" + proposal).with(user(u("demo-office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("演示·提案委工作人员")))
                .andExpect(content().string(containsString("不予公开答复函")))
                .andExpect(content().string(containsString("<dt>理由</dt>")))
                .andExpect(content().string(containsString("涉及企业商业秘密")))
                .andExpect(content().string(containsString("<dt>答复正文</dt>")));
    }

    @Test
    void theOfficePublishesFromItsDeskAndThePublicReadsIt() throws Exception {
        long reply = repliedReply("关于公开台办理的提案");
        mvc.perform(get("/disclosures").with(user(u("demo-unit")))).andExpect(status().isForbidden());
        mvc.perform(get("/disclosures").with(user(u("demo-office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("关于公开台办理的提案")))
                .andExpect(content().string(containsString(calendar.addWorkingDays(C, replyDate(reply), 20).toString())));

        mvc.perform(post("/disclosures/" + reply + "/withhold").with(csrf()).with(user(u("demo-office"))).param("reason", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", containsString("不予公开的理由")));
        mvc.perform(post("/disclosures/" + reply + "/publish").with(csrf()).with(user(u("demo-office"))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", containsString("已公开")));
        mvc.perform(get("/public/replies/" + reply)).andExpect(status().isOk());
        mvc.perform(post("/disclosures/" + reply + "/publish").with(csrf()).with(user(u("demo-office"))))
                .andExpect(flash().attribute("notice", containsString("该答复函已公开")));
        mvc.perform(get("/disclosures").with(user(u("demo-office"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("关于公开台办理的提案"))));
    }

    @Test
    void theDailyJobTellsTheOfficeOnceWhenTheWindowHasPassed() throws Exception {
        long reply = repliedReply("关于公开期限提醒的提案");
        LocalDate due = calendar.addWorkingDays(C, replyDate(reply), 20);
        String subject = "reply:" + reply;
        watch.run(due.minusDays(30));
        assertThat(notices(subject)).isZero();

        watch.run(due.plusDays(1));
        watch.run(due.plusDays(2));
        assertThat(jdbc.sql("""
                select count(*) from notification n join department d on d.id = n.department_id
                where n.subject_key = :s and n.kind = 'DISCLOSURE_PASSED' and d.unit_type = 'CPPCC_OFFICE'""")
                .param("s", subject).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/notifications").with(user(u("demo-office"))))
                .andExpect(content().string(containsString("关于公开期限提醒的提案")));
        mvc.perform(get("/notifications").with(user(u("demo-unit-agri"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("关于公开期限提醒的提案"))));
    }

    long notices(String subject) {
        return jdbc.sql("select count(*) from notification where subject_key = :s").param("s", subject)
                .query(Long.class).single();
    }
}
