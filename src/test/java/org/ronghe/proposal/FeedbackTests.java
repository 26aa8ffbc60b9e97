package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.ronghe.problem.Refusal;

/** 征询意见: the proposer answers a released reply; 不满意 sends the proposal back to the units for 重新办理. */
@IntegrationTest
class FeedbackTests {

    @Autowired
    TestClock clock;

    static final String PROPOSER = "演示·提案者";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReplyDrafting drafting;
    @Autowired
    FeedbackService feedback;
    @Autowired
    HandlingSteps steps;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    /** Files a proposal by {@code proposer}, assigns it to 发改局, and releases a reply; returns the proposal id. */
    long replied(String title, String proposer) {
        return steps.replied(proposals.openSession("140581", "CPPCC", "测试反馈届次", "FK"), title, proposer, "B");
    }

    String proposalStatus(long id) {
        return jdbc.sql("select status from proposal where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void satisfiedIsRecordedOnceAndOnlyTheProposerMayAnswer() throws Exception {
        long id = replied("关于完善乡村公交线路的提案", PROPOSER);
        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-unit")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"SATISFIED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"HAPPY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("verdict"));
        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"SATISFIED\",\"comment\":\"答复具体\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"DISSATISFIED\",\"comment\":\"改主意\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("反馈过")));
        assertThat(feedback.ofProposal(id)).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("proposer", PROPOSER).containsEntry("verdict", "SATISFIED")
                    .containsEntry("comment", "答复具体");
        });
        assertThat(proposalStatus(id)).isEqualTo("REPLIED");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'FEEDBACK_GIVEN' and entity_type = 'proposal' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void someoneElsesProposalIsForbiddenToTheProposerAccount() throws Exception {
        long id = replied("关于建设农产品冷链仓储的提案", "另一位委员");
        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"SATISFIED\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(containsString("提案者")));
        assertThat(feedback.ofProposal(id)).isEmpty();
        mvc.perform(get("/proposals/" + id).with(user(u("demo-proposer")))).andExpect(status().isForbidden());
        long mine = replied("关于规范农村宅基地管理的提案", PROPOSER);
        mvc.perform(get("/api/proposals").with(user(u("demo-proposer"))))
                .andExpect(jsonPath("$[?(@.id == " + mine + ")]").exists())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").doesNotExist());
        // the proposer reads the reply to their own proposal, and not the other one
        long myReply = jdbc.sql("select id from reply where proposal_id = :p").param("p", mine).query(Long.class).single();
        long otherReply = jdbc.sql("select id from reply where proposal_id = :p").param("p", id).query(Long.class).single();
        mvc.perform(get("/replies/" + myReply).with(user(u("demo-proposer")))).andExpect(status().isOk());
        mvc.perform(get("/replies/" + myReply + "/document.pdf").with(user(u("demo-proposer")))).andExpect(status().isOk());
        mvc.perform(get("/replies/" + otherReply).with(user(u("demo-proposer")))).andExpect(status().isForbidden());
    }

    @Test
    void theUnitThatAnsweredAnImportedLetterReadsItsProposal() throws Exception {
        long seed = jdbc.sql("select proposal_id from reply where doc_number = '高发改发〔2025〕85号'").query(Long.class).single();
        mvc.perform(get("/proposals/" + seed).with(user(u("demo-unit")))).andExpect(status().isOk());
        mvc.perform(get("/proposals/" + seed).with(user(u("demo-unit-agri")))).andExpect(status().isForbidden());
    }

    @Test
    void dissatisfiedNeedsACommentAndSendsTheProposalBackForRehandling() throws Exception {
        long id = replied("关于加快高标准农田建设的提案", PROPOSER);
        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"DISSATISFIED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        assertThat(proposalStatus(id)).isEqualTo("REPLIED");

        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"DISSATISFIED\",\"comment\":\"未说明资金来源\"}"))
                .andExpect(status().isOk());
        assertThat(proposalStatus(id)).isEqualTo("ASSIGNED");
        assertThat(jdbc.sql("select rehandle_count from proposal where id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(1);
        LocalDate due = jdbc.sql("select due_date from proposal_assignment where proposal_id = :id")
                .param("id", id).query(LocalDate.class).single();
        assertThat(due).isAfter(clock.today());

        // A second answer is refused while the proposal is being handled again.
        mvc.perform(post("/api/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"SATISFIED\"}"))
                .andExpect(status().isConflict());

        // The unit drafts a new reply, which is released and can be answered again.
        long unit = u("demo-unit").departmentId();
        long a = jdbc.sql("select id from proposal_assignment where proposal_id = :id").param("id", id)
                .query(Long.class).single();
        long r2 = drafting.draft("140581", a, unit,
                new ReplyDrafting.Draft("补充答复：资金由市财政安排。", "A", "局长", List.of(), null, List.of()));
        drafting.submit("140581", r2, unit);
        drafting.review("140581", r2, true, null, null);
        assertThat(proposalStatus(id)).isEqualTo("REPLIED");
        feedback.answer("140581", id, PROPOSER, "demo-proposer", FeedbackService.Verdict.BASICALLY_SATISFIED, null,
                clock.today());
        assertThat(feedback.ofProposal(id)).extracting(f -> f.get("verdict"))
                .containsExactly("DISSATISFIED", "BASICALLY_SATISFIED");
    }

    @Test
    void answersAfterTheFeedbackWindowAreRefused() {
        long id = replied("关于扶持农村电商的提案", PROPOSER);
        assertThatThrownBy(() -> feedback.answer("140581", id, PROPOSER, "demo-proposer",
                FeedbackService.Verdict.SATISFIED, null, clock.today().plusMonths(2)))
                .isInstanceOf(Refusal.class).hasMessageContaining("409");
        assertThat(feedback.ofProposal(id)).isEmpty();
    }

    @Test
    void theProposerAnswersOnTheProposalPage() throws Exception {
        long id = replied("关于修缮古村落民居的提案", PROPOSER);
        mvc.perform(get("/proposals/" + id).with(user(u("demo-proposer"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("feedback-form")));
        mvc.perform(get("/proposals/" + id).with(user(u("demo-unit"))))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("feedback-form"))));
        mvc.perform(post("/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .param("verdict", "DISSATISFIED").param("comment", " "))
                .andExpect(redirectedUrl("/proposals/" + id))
                .andExpect(flash().attribute("notice", containsString("意见")));
        assertThat(proposalStatus(id)).isEqualTo("REPLIED");
        mvc.perform(post("/proposals/" + id + "/feedback").with(csrf()).with(user(u("demo-proposer")))
                        .param("verdict", "BASICALLY_SATISFIED"))
                .andExpect(redirectedUrl("/proposals/" + id))
                .andExpect(flash().attribute("notice", "已提交您的意见，谢谢"));
        mvc.perform(get("/proposals/" + id).with(user(u("demo-office"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("基本满意")));
    }
}
