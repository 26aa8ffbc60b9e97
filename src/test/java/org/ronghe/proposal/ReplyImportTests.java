package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Importing reply letters into the platform: API, review page, duplicates, bad files, access and downloads. */
@IntegrationTest
class ReplyImportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeedLetterBecomesProposalTa0010OfJiusanWithItsReplyCommitmentsAndFigures() throws Exception {
        CurrentUser office = accounts.find("demo-office").orElseThrow();
        MvcResult result = mvc.perform(multipart("/api/replies/import").file(file("seed.txt", "seed-gaoping-2025-85.txt"))
                        .with(csrf()).with(user(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value(Matchers.oneOf("CREATED", "DUPLICATE")))
                .andReturn();
        JsonNode first = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString()).get(0);
        long replyId = first.get("replyId").asLong();

        var proposal = jdbc.sql("""
                select p.number, p.kind, s.name as session, pr.name as proposer, p.title
                from proposal p join congress_session s on s.id = p.session_id join proposer pr on pr.id = p.proposer_id
                where p.id = :id""").param("id", first.get("proposalId").asLong()).query().singleRow();
        assertThat(proposal).containsEntry("number", "TA0010").containsEntry("kind", "CPPCC")
                .containsEntry("session", "高平市第七届政治协商会议第五次会议").containsEntry("proposer", "九三学社高平市支社")
                .containsEntry("title", "关于推进我市城乡产业融合发展建议的建议");

        mvc.perform(get("/api/replies/" + replyId).with(user(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.docNumber").value("高发改发〔2025〕85号"))
                .andExpect(jsonPath("$.departmentName").value("高平市发展改革和科技局"))
                .andExpect(jsonPath("$.signatureOrg").value("高平市发展和改革委员会"))
                .andExpect(jsonPath("$.date").value("2025-08-27"))
                .andExpect(jsonPath("$.commitments.length()").value(4))
                .andExpect(jsonPath("$.commitments[0].title").value("推动城乡生产要素自由交换和双向流动"))
                .andExpect(jsonPath("$.indicators[?(@.name == '常住人口城镇化率')].valueText").value("57.90"))
                .andExpect(jsonPath("$.indicators[?(@.name == 'GDP总量')].valueText").value("199.3"))
                .andExpect(jsonPath("$.indicators[?(@.name == 'GDP总量')].unit").value("亿元"));

        // the same letter again, even as another file name: recognised, nothing new stored
        long replies = jdbc.sql("select count(*) from reply").query(Long.class).single();
        mvc.perform(multipart("/api/replies/import").file(file("again.txt", "seed-gaoping-2025-85.txt"))
                        .with(csrf()).with(user(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("DUPLICATE"))
                .andExpect(jsonPath("$[0].replyId").value(replyId));
        assertThat(jdbc.sql("select count(*) from reply").query(Long.class).single()).isEqualTo(replies);

        // a copy whose text differs only in whitespace (as a PDF of the same letter reads) is the same letter
        String spaced = read("seed-gaoping-2025-85.txt").replace("高发改发〔2025〕85号", "高发改发〔2025〕 85 号")
                .replace("。", "。 ");
        mvc.perform(multipart("/api/replies/import").file(new MockMultipartFile("files", "seed.html", "text/html",
                        ("<p>" + spaced.replace("\n", "</p><p>") + "</p>").getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("DUPLICATE"));
        // the same 文号 confirmed under the unit's other name is the same letter too
        mvc.perform(post("/replies/import/confirm").with(csrf()).with(user(office))
                        .param("letterText", "另一份文本\n" + read("seed-gaoping-2025-85.txt"))
                        .param("issuer", "高平市发展和改革委员会").param("docNumber", "高发改发〔2025〕85号")
                        .param("proposalKind", "CPPCC").param("session", "高平市第七届政治协商会议第五次会议")
                        .param("proposalNumber", "TA0010").param("date", "2025-08-27"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/replies/" + replyId));
        assertThat(jdbc.sql("select count(*) from reply").query(Long.class).single()).isEqualTo(replies);

        // the handling unit's staff read it; another unit's staff do not
        mvc.perform(get("/api/replies/" + replyId).with(user(accounts.find("demo-unit").orElseThrow())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/replies/" + replyId).with(user(accounts.find("demo-unit-agri").orElseThrow())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/replies").with(user(accounts.find("demo-unit-agri").orElseThrow())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + replyId + ")]").isEmpty());

        // downloads in the three formats, and the print preview's page images
        mvc.perform(get("/replies/" + replyId + "/document.pdf").with(user(office)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/replies/" + replyId + "/document.docx").with(user(office)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")));
        mvc.perform(get("/api/replies/" + replyId + "/document").param("format", "ofd").with(user(office)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/ofd"));
        mvc.perform(get("/api/replies/" + replyId + "/document").param("format", "rtf").with(user(office)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/replies/" + replyId + "/print").with(user(office)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/pages/1.png")));
        mvc.perform(get("/replies/" + replyId + "/pages/1.png").with(user(office)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get("/replies/" + replyId).with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(containsString("TA0010"), containsString("九三学社高平市支社"),
                        containsString("下载 OFD"), containsString("57.90"))));
    }

    @Test
    void badFilesAreRefusedClearlyAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("select count(*) from reply").query(Long.class).single();
        MockMultipartFile empty = new MockMultipartFile("files", "empty.txt", "text/plain", new byte[0]);
        MockMultipartFile image = new MockMultipartFile("files", "scan.png", "image/png", new byte[] {1, 2, 3});
        MockMultipartFile noProposal = new MockMultipartFile("files", "note.txt", "text/plain",
                "会议通知\n请各单位于明日到会。\n高平市人民政府办公室\n2025年1月2日".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/replies/import").file(empty).file(image).file(noProposal)
                        .with(csrf()).with(user(accounts.find("demo-office").orElseThrow())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.results[0].errors[0].message").value(containsString("为空")))
                .andExpect(jsonPath("$.results[1].errors[0].message").value(containsString("不支持")))
                .andExpect(jsonPath("$.results[2].errors[?(@.field == 'proposalNumber')]").exists())
                .andExpect(jsonPath("$.results[2].errors[?(@.field == 'session')]").exists());
        assertThat(jdbc.sql("select count(*) from reply").query(Long.class).single()).isEqualTo(before);
        mvc.perform(multipart("/api/replies/import").file(file("seed.txt", "seed-gaoping-2025-85.txt"))
                        .with(csrf()).with(user(accounts.find("demo-unit").orElseThrow())))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffReviewCorrectAndConfirmALetterInTheUi() throws Exception {
        CurrentUser office = accounts.find("demo-office").orElseThrow();
        mvc.perform(multipart("/replies/import").file(file("sample-3.txt", "shared-sample-3.txt"))
                        .with(csrf()).with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(containsString("核对答复函要素"),
                        containsString("value=\"第832145号\""), containsString("<mark title=\"发文字号\">"))));
        String text = read("shared-sample-3.txt");
        // staff correct the proposer and leave the date wrong first: refused with the field named, nothing stored
        mvc.perform(post("/replies/import/confirm").with(csrf()).with(user(office))
                        .param("letterText", text).param("sourceFile", "sample-3.txt").param("issuer", "银州区人民政府")
                        .param("proposalKind", "CPPCC").param("session", "政协市八届三次会议")
                        .param("proposalNumber", "第832145号").param("proposer", "冯雪（委员）").param("date", "2020-13-45"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("成文日期应为 yyyy-MM-dd")));
        assertThat(jdbc.sql("select count(*) from proposal where number = '第832145号'").query(Long.class).single()).isZero();
        mvc.perform(post("/replies/import/confirm").with(csrf()).with(user(office))
                        .param("letterText", text).param("sourceFile", "sample-3.txt").param("issuer", "银州区人民政府")
                        .param("proposalKind", "CPPCC").param("session", "政协市八届三次会议")
                        .param("proposalNumber", "第832145号").param("proposer", "冯雪（委员）").param("category", "A")
                        .param("date", "2020-05-11"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select pr.name from proposal p join proposer pr on pr.id = p.proposer_id where p.number = '第832145号'")
                .query(String.class).single()).isEqualTo("冯雪（委员）");
        assertThat(jdbc.sql("select department_id from reply r join proposal p on p.id = r.proposal_id where p.number = '第832145号'")
                .query(Long.class).optional()).as("another county's organ is no unit of ours").isEmpty();
    }

    private static MockMultipartFile file(String name, String resource) throws Exception {
        return new MockMultipartFile("files", name, "text/plain", read(resource).getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String resource) throws Exception {
        try (InputStream in = ReplyImportTests.class.getResourceAsStream("/letters/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
