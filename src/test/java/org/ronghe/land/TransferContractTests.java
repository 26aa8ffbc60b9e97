package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ronghe.problem.Refusal;

/** 流转合同: drafted from a transfer (L06 identity check), confirmed by both parties, then fixed by the database. */
@IntegrationTest
class TransferContractTests {

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.ronghe.account.UserAccounts accounts;

    @Test
    void theBureauRecordsATransferDraftsItsContractAndBothPartiesConfirmOnThePages() throws Exception {
        String collective = "14058120322381";
        String body = "14058119700707121";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n" + collective + ",良户村八十一组," + collective
                + "0001,钱二," + body + IdentityNumbers.idCheck(body) + ",3,HTLH81,1998-10-01,2028-09-30,否," + collective
                + "00001,井边地,4.00,耕地,否,,,,\n");
        var agri = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                accounts.find("demo-unit-agri").orElseThrow());
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/land/transfers")
                        .with(csrf).with(agri).param("parcels", collective + "00001:4").param("form", "出租")
                        .param("transfereeName", "孙家庭农场").param("transfereeKind", "FAMILY_FARM").param("start", "2026-04-01")
                        .param("end", "2027-03-31").param("landUse", "GRAIN").param("rent", "580"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/land/transfers/");
        long id = Long.parseLong(location.substring("/land/transfers/".length()));
        String person = "14058119850505323";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/contract")
                .with(csrf).with(agri).param("transfereeId", person + IdentityNumbers.idCheck(person)).param("payment", "ANNUAL")
                .param("deposit", "0").param("dispute", "COURT"));
        String hash = (String) contracts.get(C, id).get("sha256");
        for (String party : List.of("TRANSFEROR", "TRANSFEREE")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/contract/confirm")
                    .with(csrf).with(agri).param("party", party).param("sha256", hash));
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location).with(agri))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("双方已确认，文本已锁定"),
                                org.hamcrest.Matchers.containsString("孙家庭农场"),
                                org.hamcrest.Matchers.containsString("向人民法院起诉"))));
        byte[] docx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location + "/contract.docx")
                .with(agri)).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(docx))) {
            String all = doc.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .reduce("", (a, b) -> a + "\n" + b);
            assertThat(all).contains("农村土地经营权出租合同", "第二条 流转土地", "孙家庭农场", "SHA-256 " + hash, "甲方（签字或按指印）");
            assertThat(all).doesNotContain("（L14）", "（L12）");
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906"); // A4
        }
        byte[] pdf = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location + "/contract.pdf")
                .with(agri)).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String raw = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            // closing punctuation never starts a line
            assertThat(raw.lines().map(String::strip).filter(l -> !l.isEmpty()))
                    .noneMatch(l -> "，。；：、）".indexOf(l.charAt(0)) >= 0);
            String all = raw.replaceAll("\\s+", "");
            assertThat(all).contains("第二条流转土地", "孙家庭农场", hash);
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/land").with(agri))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("孙家庭农场")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/land/transfers")
                        .with(csrf).with(agri).param("parcels", "junk"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", org.hamcrest.Matchers.containsString("地块应写作")));
        // an empty form is refused with every problem at once, and comes back as it was sent
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/land/transfers")
                        .with(csrf).with(agri).param("transfereeName", "某合作社").param("parcels", ""))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("租金"),
                                org.hamcrest.Matchers.containsString("请选择流转的地块"), org.hamcrest.Matchers.containsString("终止日期"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("noticeKind", "error"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("transferForm", org.hamcrest.Matchers.hasEntry("transfereeName", "某合作社")));
    }

    static final String C = "140581";
    static final String COLLECTIVE = "14058120322380";

    @Autowired
    LandRegistry registry;
    @Autowired
    TransferService transfers;
    @Autowired
    TransferContracts contracts;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransferReviews reviews;

    @Test
    void l09_anEnterpriseTakingMoreThanTheThresholdSignsOnlyAfterAnApprovedReview() {
        String collective = "14058120322382";
        String body = "14058119720303131";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n" + collective + ",良户村八十二组," + collective
                + "0001,周大," + body + IdentityNumbers.idCheck(body) + ",4,HTLH82,1998-10-01,2028-09-30,否," + collective
                + "00001,大川,150.00,耕地,否,,,,\n" + collective + ",良户村八十二组," + collective
                + "0001,周大," + body + IdentityNumbers.idCheck(body) + ",4,HTLH82,1998-10-01,2028-09-30,否," + collective
                + "00002,小川,50.00,耕地,否,,,,\n" + collective + ",良户村八十二组," + collective
                + "0001,周大," + body + IdentityNumbers.idCheck(body) + ",4,HTLH82,1998-10-01,2028-09-30,否," + collective
                + "00003,沟底,20.00,耕地,否,,,,\n");
        long big = transfers.record(C, new TransferService.Draft("出租", "高平市某农业开发有限公司", "ENTERPRISE",
                LocalDate.of(2026, 3, 1), LocalDate.of(2028, 2, 29), "GRAIN", new BigDecimal("600"),
                List.of(new TransferService.Share(collective + "00001", new BigDecimal("150")))), "test").id();
        long small = transfers.record(C, new TransferService.Draft("出租", "高平市另一农业开发有限公司", "ENTERPRISE",
                LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), "GRAIN", new BigDecimal("600"),
                List.of(new TransferService.Share(collective + "00002", new BigDecimal("30")))), "test").id();
        assertThat(reviews.required(C, big)).isTrue();
        assertThat(reviews.required(C, small)).isFalse();
        assertThatThrownBy(() -> reviews.apply(C, small, "营业执照", "test")).isInstanceOf(Refusal.class);
        // splitting does not avoid the review: the same enterprise's further 20 亩 in the same term count with the 30
        long split = transfers.record(C, new TransferService.Draft("出租", "高平市另一农业开发有限公司", "ENTERPRISE",
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), "GRAIN", new BigDecimal("600"),
                List.of(new TransferService.Share(collective + "00003", new BigDecimal("20")))), "test").id();
        assertThat(reviews.transfereeArea(C, split)).isEqualByComparingTo("50");
        assertThat(reviews.required(C, split)).isFalse();
        jdbc.sql("update land_rule set review_threshold_mu = 40 where county_code = :c").param("c", C).update();
        try {
            assertThat(reviews.required(C, split)).isTrue();
            assertThat(reviews.required(C, small)).isTrue();
        } finally {
            jdbc.sql("update land_rule set review_threshold_mu = 100 where county_code = :c").param("c", C).update();
        }

        contracts.draft(C, big, new TransferContracts.Terms("91110000600037341L", "ANNUAL", new BigDecimal("45000"), "ARBITRATION",
                "三甲镇农村经营管理站"), "test");
        String hash = (String) contracts.get(C, big).get("sha256");
        assertThatThrownBy(() -> contracts.confirm(C, big, "TRANSFEROR", hash, "test"))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).getBody().getDetail()).startsWith("L09"));
        assertThatThrownBy(() -> reviews.apply(C, big, " ", "test")).isInstanceOf(InvalidInputException.class);
        // applied for and decided on the transfer's page, as the bureau does it
        var agri = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                accounts.find("demo-unit-agri").orElseThrow());
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/land/transfers/" + big).with(agri))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("尚未申请审查")));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/land/transfers/" + big + "/review")
                    .with(csrf).with(agri).param("documents", "营业执照、经营项目、资信证明、农户书面委托"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat((java.time.LocalDate) reviews.of(big).orElseThrow().get("due_on"))
                .isAfter(clock.today().plusDays(25));
        assertThatThrownBy(() -> reviews.decide(C, big, true, "", "test")).isInstanceOf(InvalidInputException.class);
        try {
            // a decision that is neither yes nor no is refused, not taken as a no
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/land/transfers/" + big
                            + "/review/decision").with(csrf).with(agri).param("reasons", "理由"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("noticeKind", "error"));
            assertThat(reviews.of(big).orElseThrow().get("decision")).isNull();
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/land/transfers/" + big
                    + "/review/decision").with(csrf).with(agri).param("approve", "true").param("reasons", "经营能力和项目符合要求，同意流转"));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/land/transfers/" + big).with(agri))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("同意（")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(reviews.of(big).orElseThrow().get("decision")).isEqualTo("APPROVED");
        assertThat(contracts.confirm(C, big, "TRANSFEROR", hash, "test")).isFalse();
        assertThat(contracts.confirm(C, big, "TRANSFEREE", hash, "test")).isTrue();

        // signing lays out the yearly rent: 600 元/亩/年 × 150 亩 on 2026-03-01 and 2027-03-01
        List<Map<String, Object>> due = rents.of(C, big, LocalDate.of(2026, 6, 1));
        assertThat(due).extracting(d -> d.get("due_on")).containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1));
        assertThat(due).allSatisfy(d -> assertThat((BigDecimal) d.get("amount_yuan")).isEqualByComparingTo("90000"));
        assertThat(due.get(0).get("overdue")).isEqualTo(true);
        long first = ((Number) due.get(0).get("id")).longValue();
        assertThatThrownBy(() -> rents.pay(C, big, first, new BigDecimal("90000.01"), LocalDate.of(2026, 3, 1), collective + "0001", "test"))
                .isInstanceOf(InvalidInputException.class);
        rents.pay(C, big, first, new BigDecimal("50000"), LocalDate.of(2026, 3, 1), collective + "0001", "test");
        assertThat(rents.remindOverdue(clock.today().plusYears(2))).isPositive();
        assertThat(rents.remindOverdue(clock.today().plusYears(2))).isZero();
        rents.pay(C, big, first, new BigDecimal("40000"), LocalDate.of(2026, 3, 2), collective + "0001", "test");
        assertThat(rents.of(C, big, LocalDate.of(2026, 6, 1)).get(0).get("overdue")).isEqualTo(false);
        assertThatThrownBy(() -> rents.pay(C, big, first, BigDecimal.ONE, LocalDate.of(2026, 3, 3), collective + "0001", "test"))
                .isInstanceOf(Refusal.class);
    }

    @Autowired
    Rents rents;

    @Test
    void l06_l07_aContractIsDraftedConfirmedByBothAndThenCannotChange() {
        String body = "14058119660606111";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n" + COLLECTIVE + ",良户村八十组," + COLLECTIVE
                + "0001,赵大," + body + IdentityNumbers.idCheck(body) + ",4,HTLH80,1998-10-01,2028-09-30,否," + COLLECTIVE
                + "00001,庙前地,6.50,耕地,否,路,沟,李地,河\n");
        long transfer = transfers.record(C, new TransferService.Draft("出租", "高平市绿源农业有限公司", "ENTERPRISE",
                LocalDate.of(2026, 3, 1), LocalDate.of(2028, 2, 29), "GRAIN", new BigDecimal("650"),
                List.of(new TransferService.Share(COLLECTIVE + "00001", new BigDecimal("6.50")))), "test").id();

        assertThatThrownBy(() -> contracts.draft(C, transfer, new TransferContracts.Terms("91350100M000100Y44", "ANNUAL",
                BigDecimal.ZERO, "ARBITRATION"), "test")).isInstanceOf(InvalidInputException.class).hasMessageContaining("L06");
        contracts.draft(C, transfer, new TransferContracts.Terms("91350100M000100Y43", "ANNUAL", new BigDecimal("3000"),
                "ARBITRATION", "良户村股份经济合作社"), "test");
        Map<String, Object> draft = contracts.get(C, transfer);
        assertThat(draft.get("model")).isEqualTo("GF-2021-2606");
        assertThat((String) draft.get("text")).contains("第二条 流转土地", "地块编码 " + COLLECTIVE + "00001", "6.50 亩",
                "每亩每年人民币 650.00 元", "风险保障金人民币 3000 元，由良户村股份经济合作社保管", "统一社会信用代码 91350100M000100Y43", "仲裁");
        assertThat((String) draft.get("text")).doesNotContain(body);
        String hash = (String) draft.get("sha256");

        assertThatThrownBy(() -> contracts.confirm(C, transfer, "TRANSFEROR", "0".repeat(64), "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已改动");
        assertThat(contracts.confirm(C, transfer, "TRANSFEROR", hash, "test")).isFalse();
        assertThatThrownBy(() -> contracts.confirm(C, transfer, "TRANSFEROR", hash, "test")).isInstanceOf(Refusal.class);
        assertThat(contracts.confirm(C, transfer, "TRANSFEREE", hash, "test")).isTrue();

        assertThatThrownBy(() -> contracts.draft(C, transfer, new TransferContracts.Terms("91350100M000100Y43", "ONE_OFF",
                BigDecimal.ZERO, "COURT"), "test")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> jdbc.sql("update land_transfer_contract set text = 'x' where transfer_id = :t")
                .param("t", transfer).update()).isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("delete from land_transfer_contract where transfer_id = :t").param("t", transfer).update();
        assertThat(contracts.get(C, transfer).get("sha256")).isEqualTo(hash);
        assertThat(contracts.get(C, transfer).get("signed")).isEqualTo(true);
    }
}
