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

/** Submission and filing through the HTTP layer: every transition, every refusal, numbering under concurrency. */
@IntegrationTest
class ProposalFilingTests {

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProposalService service;

    CurrentUser office() {
        return accounts.find("demo-office").orElseThrow();
    }

    CurrentUser proposer() {
        return accounts.find("demo-proposer").orElseThrow();
    }

    long session(String name, String prefix) throws Exception {
        String body = mvc.perform(post("/api/sessions").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CPPCC\",\"name\":\"" + name + "\",\"prefix\":\"" + prefix + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("id").asLong();
    }

    long submit(CurrentUser who, long session, String title) throws Exception {
        String body = mvc.perform(post("/api/proposals").with(csrf()).with(user(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\":" + session + ",\"title\":\"" + title + "\",\"body\":\"建议：……\","
                                + "\"subject\":\"农业农村\",\"proposer\":\"九三学社高平市支社\",\"coSigners\":[\"张三\",\"李四\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("id").asLong();
    }

    @Test
    void submitFindSimilarAcceptAndMarkKey() throws Exception {
        long session = session("测试政协第一届第一次会议", "TA");
        long first = submit(proposer(), session, "关于推进城乡产业融合发展的建议");
        assertThat(jdbc.sql("select pr.name from proposal p join proposer pr on pr.id = p.proposer_id where p.id = :id")
                .param("id", first).query(String.class).single()).as("a proposer submits under their own name")
                .isEqualTo("演示·提案者");
        mvc.perform(get("/api/proposals/similar").param("text", "城乡产业融合发展的若干建议").with(user(office())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + first + ")]").exists());
        // proposers learn of other proposals only once they are filed
        mvc.perform(get("/proposals/similar").param("title", "城乡产业融合").with(user(proposer())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("关于推进城乡产业融合发展的建议"))));
        mvc.perform(get("/api/proposals/similar").param("text", "，").with(user(office())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));

        mvc.perform(post("/api/proposals/" + first + "/accept").with(csrf()).with(user(office())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value("TA0001"));
        mvc.perform(get("/proposals/similar").param("title", "城乡产业融合").with(user(proposer())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("关于推进城乡产业融合发展的建议")));
        mvc.perform(get("/api/proposals/similar").param("text", "城乡产业融合").with(user(office())))
                .andExpect(jsonPath("$[?(@.id == " + first + ")].number").value("TA0001"));
        mvc.perform(post("/api/proposals/" + first + "/accept").with(csrf()).with(user(office())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已立案")))
                .andExpect(jsonPath("$.type").value("urn:ronghe:problem:illegal-transition"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.proposalStatus").value("FILED"));
        mvc.perform(post("/api/proposals/" + first + "/key").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leaders\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("leaders"));
        mvc.perform(post("/api/proposals/" + first + "/key").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leaders\":\"市政协主席\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/proposals/" + first).with(user(proposer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.key_proposal").value(true))
                .andExpect(jsonPath("$.co_signers").value("张三、李四"))
                .andExpect(jsonPath("$.timeline[*].action").value(org.hamcrest.Matchers.contains(
                        "PROPOSAL_SUBMITTED", "PROPOSAL_ACCEPTED", "PROPOSAL_MARKED_KEY")));
    }

    @Test
    void rejectAndMergeFollowTheRules() throws Exception {
        long session = session("测试政协第一届第二次会议", "");
        long target = submit(office(), session, "关于修缮乡村道路的提案");
        long other = submit(office(), session, "关于修缮乡村道路的提案（二）");
        long refused = submit(office(), session, "关于请求报销个人差旅费的提案");
        mvc.perform(post("/api/proposals/" + other + "/merge").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intoId\":" + target + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("intoId"));
        mvc.perform(post("/api/proposals/" + target + "/accept").with(csrf()).with(user(office())))
                .andExpect(jsonPath("$.number").value("第1号"));
        mvc.perform(post("/api/proposals/" + other + "/merge").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intoId\":" + target + "}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/proposals/" + refused + "/reject").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/proposals/" + refused + "/reject").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":123}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/proposals/" + refused + "/reject").with(csrf()).with(user(office()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"属个人事务，不属提案范围\",\"convertToOpinion\":true}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/proposals/" + refused + "/accept").with(csrf()).with(user(office())))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("不予立案")));
        var rows = jdbc.sql("select id, status, merged_into, converted_to_opinion from proposal where id in (:a, :b)")
                .param("a", other).param("b", refused).query().listOfRows();
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("status", "MERGED").containsEntry("merged_into", target));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("status", "REJECTED").containsEntry("converted_to_opinion", true));
    }

    @Test
    void numbersNeverRepeatOrSkipWhenFiledAtOnce() throws Exception {
        long session = session("测试政协第一届第三次会议", "TB");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(service.submit("140581", new ProposalService.SubmitForm(session, "并发立案测试提案" + i, "内容",
                    "", "测试委员", List.of()), "demo-office"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (long id : ids) {
            numbers.add(pool.submit(() -> {
                start.await();
                return service.accept("140581", id);
            }));
        }
        start.countDown();
        List<String> got = new ArrayList<>();
        for (Future<String> f : numbers) {
            got.add(f.get());
        }
        pool.shutdown();
        assertThat(got).containsExactlyInAnyOrder("TB0001", "TB0002", "TB0003", "TB0004", "TB0005", "TB0006",
                "TB0007", "TB0008", "TB0009", "TB0010", "TB0011", "TB0012");
    }

    @Test
    void whoMayDoWhat() throws Exception {
        long session = session("测试政协第一届第四次会议", "TC");
        long mine = submit(proposer(), session, "关于增加公交线路的建议");
        long others = submit(office(), session, "关于建设口袋公园的建议");
        mvc.perform(post("/api/proposals/" + mine + "/accept").with(csrf()).with(user(proposer())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/proposals/" + others).with(user(proposer()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/proposals/" + mine).with(user(proposer()))).andExpect(status().isOk());
        mvc.perform(post("/api/proposals").with(csrf()).with(user(accounts.find("demo-unit").orElseThrow()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/proposals").with(csrf()).with(user(proposer()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sessionId\":" + session + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'body')]").exists());
        mvc.perform(get("/proposals/" + mine).with(user(office())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("审查立案")));
    }

    @Test
    void numbersAlreadyHeldByImportedProposalsAreSkipped() throws Exception {
        long session = session("测试政协第一届第五次会议", "TX");
        jdbc.sql("insert into proposal (county_code, kind, session_id, number, title, status, created_at) "
                + "values ('140581', 'CPPCC', :s, 'TX0002', '从答复函导入的提案', 'REPLIED', :now)").param("s", session)
                .param("now", clock.dateTime()).update();
        long a = submit(office(), session, "关于编号测试的提案一");
        long b = submit(office(), session, "关于编号测试的提案二");
        mvc.perform(post("/api/proposals/" + a + "/accept").with(csrf()).with(user(office())))
                .andExpect(jsonPath("$.number").value("TX0001"));
        mvc.perform(post("/api/proposals/" + b + "/accept").with(csrf()).with(user(office())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value("TX0003"));
        // re-opening the session once numbers are given keeps its numbering scheme
        session("测试政协第一届第五次会议", "ZZ");
        assertThat(jdbc.sql("select number_prefix from congress_session where id = :s").param("s", session)
                .query(String.class).single()).isEqualTo("TX");
    }
}
