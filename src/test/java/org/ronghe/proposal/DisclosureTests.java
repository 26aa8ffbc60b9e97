package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** 公开: the office publishes a reply; the public reads it without login, redacted, and through the Atom feed. */
@IntegrationTest
class DisclosureTests {

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;

    @Test
    void publishedRepliesAreReadableByEveryoneWithoutPersonalContacts() throws Exception {
        String letter = """
                高平市民政局文件
                高民函〔2025〕31号
                关于高平市第七届政治协商会议第五次会议第TA0777号提案的答复
                王敏委员：
                您提出的“关于完善社区养老服务的提案”收悉，现答复如下：
                经与您电话沟通（13912345678），我局将增设日间照料中心。
                高平市民政局
                2025年7月1日
                """;
        var office = accounts.find("demo-office").orElseThrow();
        String body = mvc.perform(multipart("/api/replies/import").file(new MockMultipartFile("files", "mz.txt",
                        "text/plain", letter.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long replyId = JsonMapper.builder().build().readTree(body).get(0).get("replyId").asLong();

        mvc.perform(get("/public/replies/" + replyId)).andExpect(status().isNotFound());
        mvc.perform(get("/public/replies")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("关于完善社区养老服务的提案"))));

        mvc.perform(post("/replies/" + replyId + "/disclose").with(csrf()).with(user(accounts.find("demo-unit").orElseThrow())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/replies/" + replyId + "/disclose").with(csrf()).with(user(office)))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/public/replies").param("category", "").param("q", "养老"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("关于完善社区养老服务的提案")));
        mvc.perform(get("/public/replies").param("q", "不存在的词"))
                .andExpect(content().string(not(containsString("关于完善社区养老服务的提案"))));
        mvc.perform(get("/public/replies/" + replyId).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("增设日间照料中心"), containsString("139****5678"),
                        not(containsString("13912345678")))));
        String atom = mvc.perform(get("/public/replies.atom")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(atom).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "高民函〔2025〕31号",
                "/public/replies/" + replyId);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
    }

    @Autowired
    ProposalService proposals;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ReplyDrafting drafting;
    @Autowired
    Disclosure disclosure;

    @Autowired
    HandlingSteps steps;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long publishedReplyOf(String title) {
        long proposal = steps.replied(proposals.openSession("140581", "CPPCC", "公开缓存测试届次", "HC"), title, "缓存测试委员", "A");
        long reply = jdbc.sql("select id from reply where proposal_id = :p").param("p", proposal).query(Long.class).single();
        disclosure.publish("140581", reply, "demo-office");
        return proposal;
    }

    @Test
    void anonymousVisitorsGetACachedListThatAPublicationRenews() throws Exception {
        long first = publishedReplyOf("关于缓存测试甲的提案");
        mvc.perform(get("/public/replies").param("q", "缓存测试")).andExpect(status().isOk())
                .andExpect(content().string(containsString("关于缓存测试甲的提案")));
        // an edit that bypasses the handling services: anonymous visitors keep the cached copy for now ...
        jdbc.sql("update proposal set title = '关于缓存测试甲（改）的提案' where id = :p").param("p", first).update();
        mvc.perform(get("/public/replies").param("q", "缓存测试"))
                .andExpect(content().string(containsString("关于缓存测试甲的提案")));
        // ... while a signed-in user always gets a fresh page
        mvc.perform(get("/public/replies").param("q", "缓存测试").with(user(accounts.find("demo-office").orElseThrow())))
                .andExpect(content().string(containsString("关于缓存测试甲（改）的提案")));
        // a new publication drops every cached page
        publishedReplyOf("关于缓存测试乙的提案");
        mvc.perform(get("/public/replies").param("q", "缓存测试"))
                .andExpect(content().string(allOf(containsString("关于缓存测试乙的提案"),
                        containsString("关于缓存测试甲（改）的提案"))));
    }

    @Test
    void thePublicListShowsTwentyRepliesPerPage() throws Exception {
        long unit = accounts.find("demo-unit").orElseThrow().departmentId();
        long session = proposals.openSession("140581", "CPPCC", "分页测试届次", "FY");
        for (int i = 0; i < 22; i++) {
            long id = proposals.submit("140581", new ProposalService.SubmitForm(session, "分页测试提案" + i, "内容", "",
                    "分页测试委员", java.util.List.of()), "demo-office");
            proposals.accept("140581", id);
            long a = assignments.assign("140581", id, AssignmentService.Mode.SEPARATE, java.util.List.of(unit),
                    clock.today()).get(0);
            assignments.sign("140581", a, unit);
            long r = drafting.draft("140581", a, unit, new ReplyDrafting.Draft("正文", "A", "局长", java.util.List.of(),
                    null, java.util.List.of()));
            drafting.submit("140581", r, unit);
            drafting.review("140581", r, true, null, null);
            disclosure.publish("140581", r, "demo-office");
        }
        String first = mvc.perform(get("/public/replies").param("q", "分页测试提案")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first.split("分页测试提案\\d+<", -1)).hasSize(21);
        assertThat(first).contains("下一页").doesNotContain("上一页");
        String second = mvc.perform(get("/public/replies").param("q", "分页测试提案").param("page", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second.split("分页测试提案\\d+<", -1)).hasSize(3);
        assertThat(second).contains("上一页").doesNotContain("下一页");
        mvc.perform(get("/public/replies").param("q", "分页测试提案").param("page", "abc")).andExpect(status().isOk());
    }

    @Test
    void redactionMasksMobilesAndIdNumbersButKeepsOfficePhones() {
        assertThat(Disclosure.redact("电话13800001111，身份证14058119800101123X，办公室0356-5220956"))
                .isEqualTo("电话138****1111，身份证140581********123X，办公室0356-5220956");
    }
}
