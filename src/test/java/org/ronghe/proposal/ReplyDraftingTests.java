package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** 答复: drafting by the handling unit, review by the supervision office, release with the unit's next 文号. */
@IntegrationTest
class ReplyDraftingTests {

    @Autowired
    TestClock clock;

    static final String DRAFT = """
            {"body":"一、基本情况\\n我局已完成调研。\\n二、下一步工作打算\\n（一）加快项目建设\\n年内开工。",
             "category":"B","signer":"张局长","handlers":["李华"],"phone":"0356-5221234","copyTo":["市政协提案委"]}""";

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

    long signedAssignment(String title, AssignmentService.Mode mode, List<Long> units) {
        long session = proposals.openSession("140581", "CPPCC", "测试答复届次", "TD");
        long id = proposals.submit("140581", new ProposalService.SubmitForm(session, title, "内容", "", "测试委员", List.of()),
                "demo-office");
        proposals.accept("140581", id);
        List<Long> a = assignments.assign("140581", id, mode, units, clock.today());
        for (int i = 0; i < a.size(); i++) {
            assignments.sign("140581", a.get(i), units.get(i));
        }
        return a.get(0);
    }

    @Test
    void draftReviewSendBackApproveAndTheProposalIsAnswered() throws Exception {
        long agri = u("demo-unit-agri").departmentId();
        long devReform = u("demo-unit").departmentId();
        long lead = signedAssignment("关于发展林下经济的提案", AssignmentService.Mode.LEAD_AND_CO, List.of(agri, devReform));
        long co = ((Number) assignments.ofProposal(jdbc.sql("select proposal_id from proposal_assignment where id = :a")
                .param("a", lead).query(Long.class).single()).get(1).get("id")).longValue();

        mvc.perform(post("/api/assignments/" + co + "/reply").with(csrf()).with(user(u("demo-unit")))
                        .contentType(MediaType.APPLICATION_JSON).content(DRAFT))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("会办")));
        mvc.perform(post("/api/assignments/" + lead + "/reply").with(csrf()).with(user(u("demo-unit-agri")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"\",\"category\":\"E\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'body')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'category')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'signer')]").exists());
        String body = mvc.perform(post("/api/assignments/" + lead + "/reply").with(csrf()).with(user(u("demo-unit-agri")))
                        .contentType(MediaType.APPLICATION_JSON).content(DRAFT))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long reply = JsonMapper.builder().build().readTree(body).get("replyId").asLong();

        mvc.perform(post("/api/replies/" + reply + "/review").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("草稿")));
        mvc.perform(post("/api/replies/" + reply + "/submit").with(csrf()).with(user(u("demo-unit-agri"))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/replies/" + reply + "/review").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(post("/api/replies/" + reply + "/review").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false,\"comment\":\"请补充资金安排\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/assignments/" + lead + "/reply").with(csrf()).with(user(u("demo-unit-agri")))
                        .contentType(MediaType.APPLICATION_JSON).content(DRAFT.replace("年内开工。", "年内开工，安排资金200万元。")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replyId").value(reply));
        mvc.perform(post("/api/replies/" + reply + "/submit").with(csrf()).with(user(u("demo-unit-agri"))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/replies/" + reply + "/review").with(csrf()).with(user(u("demo-office")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/replies/" + reply + "/review").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true,\"category\":\"A\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.docNumber").value(org.hamcrest.Matchers.matchesPattern(
                        "高农发〔" + clock.today().getYear() + "〕[1-9]\\d*号")));
        var row = jdbc.sql("select r.status, r.category, p.status as proposal_status, r.letter_text from reply r "
                + "join proposal p on p.id = r.proposal_id where r.id = :id").param("id", reply).query().singleRow();
        assertThat(row).containsEntry("status", "RELEASED").containsEntry("category", "A")
                .containsEntry("proposal_status", "REPLIED");
        assertThat((String) row.get("letter_text")).contains("安排资金200万元", "关于测试答复届次第TD");
    }

    @Test
    void documentNumbersOfAUnitNeverRepeatOrSkipWhenReleasedAtOnce() throws Exception {
        long devReform = u("demo-unit").departmentId();
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long a = signedAssignment("并发签发测试" + i, AssignmentService.Mode.SEPARATE, List.of(devReform));
            long r = drafting.draft("140581", a, devReform, new ReplyDrafting.Draft("正文" + i, "A", "局长", List.of(),
                    null, List.of()));
            drafting.submit("140581", r, devReform);
            replies.add(r);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (long r : replies) {
            numbers.add(pool.submit(() -> {
                start.await();
                return drafting.review("140581", r, true, null, null);
            }));
        }
        start.countDown();
        List<Integer> serials = new ArrayList<>();
        for (Future<String> f : numbers) {
            String n = f.get();
            assertThat(n).startsWith("高发改发〔" + clock.today().getYear() + "〕").endsWith("号");
            serials.add(Integer.parseInt(n.replaceAll(".*〕(\\d+)号", "$1")));
        }
        pool.shutdown();
        serials.sort(Integer::compare);
        for (int i = 1; i < serials.size(); i++) {
            assertThat(serials.get(i)).isEqualTo(serials.get(i - 1) + 1);
        }
    }
}
