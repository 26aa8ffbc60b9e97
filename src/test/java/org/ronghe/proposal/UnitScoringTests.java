package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 年终考核评分: a year with known handling records (assignments dated 2033, a year no other test uses) and the scores
 * the formula gives, before and after the office changes the weights.
 */
@IntegrationTest
class UnitScoringTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";
    static final int YEAR = 2033;
    static final String WHO = "考核测试委员";
    static final String DEFAULTS = """
            {"BASE":0,"ON_TIME_REPLY_RATE":40,"SATISFACTION_RATE":40,"SIGNED_ON_TIME_RATE":10,
             "CO_OPINION_ON_TIME_RATE":10,"SOLVED_RATE":0,"OVERDUE":-2,"DISSATISFIED":-1}""";

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
    FeedbackService feedback;
    @Autowired
    UnitScoring scoring;
    @Autowired
    HandlingSteps steps;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    String unitName(String username) {
        return jdbc.sql("select name from department where id = :d").param("d", steps.unitOf(username))
                .query(String.class).single();
    }

    long proposalOf(long assignment) {
        return jdbc.sql("select proposal_id from proposal_assignment where id = :a").param("a", assignment)
                .query(Long.class).single();
    }

    /**
     * 发改 (demo-unit): two items replied on time, A then 满意 and B then 不满意. 农业 (demo-unit-agri): one item signed
     * and never answered, due 2033-06-01.
     */
    synchronized void year() {
        if (jdbc.sql("select count(*) from proposal_assignment where assigned_on between '2033-01-01' and '2033-12-31'")
                .query(Long.class).single() > 0) {
            return;
        }
        long s = proposals.openSession(C, "CPPCC", "考核测试届次", "KH");
        LocalDate on = LocalDate.of(YEAR, 3, 1);
        long a1 = steps.assigned(s, "考核·已解决", WHO, "demo-unit", on);
        steps.answer(a1, "demo-unit", "A");
        feedback.answer(C, proposalOf(a1), WHO, "demo-proposer", FeedbackService.Verdict.SATISFIED, null, clock.today());
        long a2 = steps.assigned(s, "考核·不满意", WHO, "demo-unit", on);
        steps.answer(a2, "demo-unit", "B");
        feedback.answer(C, proposalOf(a2), WHO, "demo-proposer", FeedbackService.Verdict.DISSATISFIED, "未落实",
                clock.today());
        long a3 = steps.assigned(s, "考核·超期", WHO, "demo-unit-agri", on);
        assignments.sign(C, a3, steps.unitOf("demo-unit-agri"));
    }

    UnitScoring.Row row(List<UnitScoring.Row> rows, String username) {
        return rows.stream().filter(r -> r.department().equals(unitName(username))).findFirst().orElseThrow();
    }

    @Test
    void theDefaultFormulaScoresEachUnitFromItsRecords() {
        year();
        List<UnitScoring.Row> rows = scoring.table(C, YEAR, LocalDate.of(YEAR, 12, 31));
        assertThat(rows).hasSize(2);

        UnitScoring.Row dev = row(rows, "demo-unit");
        assertThat(List.of(dev.assigned(), dev.coHandled(), dev.replied(), dev.overdue(), dev.dissatisfied()))
                .containsExactly(2L, 0L, 2L, 0L, 1L);
        assertThat(dev.rates()).containsEntry(UnitScoring.Metric.ON_TIME_REPLY_RATE, 100.0)
                .containsEntry(UnitScoring.Metric.SATISFACTION_RATE, 50.0)
                .containsEntry(UnitScoring.Metric.SIGNED_ON_TIME_RATE, 100.0)
                .containsEntry(UnitScoring.Metric.SOLVED_RATE, 50.0)
                .containsEntry(UnitScoring.Metric.CO_OPINION_ON_TIME_RATE, null);
        // (40×1 + 40×0.5 + 10×1 + 0×0.5) ÷ 90 × 100 − 1 × 1
        assertThat(dev.score()).isEqualByComparingTo("76.78");
        assertThat(dev.rank()).isEqualTo(1);

        UnitScoring.Row agri = row(rows, "demo-unit-agri");
        assertThat(List.of(agri.assigned(), agri.replied(), agri.overdue())).containsExactly(1L, 0L, 1L);
        assertThat(agri.rates()).containsEntry(UnitScoring.Metric.ON_TIME_REPLY_RATE, 0.0)
                .containsEntry(UnitScoring.Metric.SATISFACTION_RATE, null);
        // (40×0 + 10×1) ÷ 50 × 100 − 2 × 1
        assertThat(agri.score()).isEqualByComparingTo("18.00");
        assertThat(agri.rank()).isEqualTo(2);

        // judged before the due date, the unanswered item is neither late nor counted
        UnitScoring.Row early = row(scoring.table(C, YEAR, LocalDate.of(YEAR, 4, 1)), "demo-unit-agri");
        assertThat(early.overdue()).isZero();
        assertThat(early.rates()).containsEntry(UnitScoring.Metric.ON_TIME_REPLY_RATE, null);
        assertThat(early.score()).isEqualByComparingTo("100.00");
    }

    @Autowired
    CoHandlerOpinions opinions;

    @Test
    void aCoHandlerOpinionIsJudgedByWhenItWasFirstGivenNotByItsLaterRevision() {
        long s = proposals.openSession(C, "CPPCC", "会办考核测试届次", "HB");
        long id = steps.filed(s, "考核·会办逾期", WHO);
        long lead = steps.unitOf("demo-unit");
        long co = steps.unitOf("demo-unit-agri");
        List<Long> a = assignments.assign(C, id, AssignmentService.Mode.LEAD_AND_CO, List.of(lead, co), LocalDate.of(2020, 3, 2));
        assignments.sign(C, a.get(1), co);
        opinions.submit(C, a.get(1), co, "建议统筹资金", "demo-unit-agri");
        // as if given on 2020-03-20, inside the month it was due by (2020-04-02)
        jdbc.sql("""
                update co_handler_opinion set first_submitted_at = '2020-03-20 10:00+08', submitted_at = '2020-03-20 10:00+08'
                where assignment_id = :a""").param("a", a.get(1)).update();
        assertThat(row(scoring.table(C, 2020, LocalDate.of(2020, 12, 31)), "demo-unit-agri").rates())
                .containsEntry(UnitScoring.Metric.CO_OPINION_ON_TIME_RATE, 100.0);
        opinions.submit(C, a.get(1), co, "建议统筹资金，分年度实施", "demo-unit-agri");
        UnitScoring.Row revised = row(scoring.table(C, 2020, LocalDate.of(2020, 12, 31)), "demo-unit-agri");
        assertThat(revised.coHandled()).isEqualTo(1);
        assertThat(revised.rates()).containsEntry(UnitScoring.Metric.CO_OPINION_ON_TIME_RATE, 100.0);
        UnitScoring.Row leadRow = row(scoring.table(C, 2020, LocalDate.of(2020, 12, 31)), "demo-unit");
        assertThat(leadRow.overdue()).isEqualTo(1);
        assertThat(leadRow.rates()).containsEntry(UnitScoring.Metric.SIGNED_ON_TIME_RATE, 0.0);
    }

    @Test
    void theOfficeChangesTheFormulaAndBadWeightsAreRefusedWhole() throws Exception {
        year();
        try {
            mvc.perform(put("/api/statistics/scoring/weights").with(csrf()).with(user(u("demo-unit")))
                    .contentType(MediaType.APPLICATION_JSON).content(DEFAULTS)).andExpect(status().isForbidden());
            mvc.perform(put("/api/statistics/scoring/weights").with(csrf()).with(user(u("demo-leader")))
                    .contentType(MediaType.APPLICATION_JSON).content(DEFAULTS)).andExpect(status().isForbidden());
            mvc.perform(put("/api/statistics/scoring/weights").with(csrf()).with(user(u("demo-office")))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"BASE":0,"ON_TIME_REPLY_RATE":"很多","SATISFACTION_RATE":-5,"SIGNED_ON_TIME_RATE":10,
                                     "CO_OPINION_ON_TIME_RATE":10,"SOLVED_RATE":0,"OVERDUE":-2,"BONUS":3}"""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'ON_TIME_REPLY_RATE')].message").value("按期答复率的权重应为数字"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'SATISFACTION_RATE')].message",
                            org.hamcrest.Matchers.contains(containsString("不能为负数"))))
                    .andExpect(jsonPath("$.errors[?(@.field == 'DISSATISFIED')]").exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'BONUS')]").exists());
            assertThat(scoring.weights(C).get(UnitScoring.Metric.SIGNED_ON_TIME_RATE)).isEqualByComparingTo("10");

            mvc.perform(put("/api/statistics/scoring/weights").with(csrf()).with(user(u("demo-office")))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"BASE":0,"ON_TIME_REPLY_RATE":100,"SATISFACTION_RATE":0,"SIGNED_ON_TIME_RATE":0,
                                     "CO_OPINION_ON_TIME_RATE":0,"SOLVED_RATE":0,"OVERDUE":-5,"DISSATISFIED":0}"""))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.formula").value("得分 = 按期答复率×100 − 超期件数×5"));
            List<UnitScoring.Row> rows = scoring.table(C, YEAR, LocalDate.of(YEAR, 12, 31));
            assertThat(row(rows, "demo-unit").score()).isEqualByComparingTo("100");
            assertThat(row(rows, "demo-unit-agri").score()).isEqualByComparingTo("-5");
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'SCORING_WEIGHTS_CHANGED'")
                    .query(Long.class).single()).isPositive();

            mvc.perform(post("/statistics/scoring/weights").with(csrf()).with(user(u("demo-office"))).param("year", "1800")
                            .param("BASE", "50").param("ON_TIME_REPLY_RATE", "20").param("SATISFACTION_RATE", "20")
                            .param("SIGNED_ON_TIME_RATE", "0").param("CO_OPINION_ON_TIME_RATE", "0")
                            .param("SOLVED_RATE", "0").param("OVERDUE", "-1").param("DISSATISFIED", "0"))
                    .andExpect(flash().attribute("notice", containsString("年度应为")));
            assertThat(scoring.weights(C).get(UnitScoring.Metric.BASE)).isEqualByComparingTo("0");
            mvc.perform(put("/api/statistics/scoring/weights").with(csrf()).with(user(u("demo-office")))
                            .contentType(MediaType.APPLICATION_JSON).content(DEFAULTS.replace("\"BASE\":0", "\"BASE\":1e400")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("BASE"));
            mvc.perform(post("/statistics/scoring/weights").with(csrf()).with(user(u("demo-office")))
                            .param("year", "2033").param("BASE", "x"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("notice", containsString("基础分的权重应为数字")));
            mvc.perform(post("/statistics/scoring/weights").with(csrf()).with(user(u("demo-office"))).param("year", "2033")
                            .param("BASE", "60").param("ON_TIME_REPLY_RATE", "20").param("SATISFACTION_RATE", "20")
                            .param("SIGNED_ON_TIME_RATE", "0").param("CO_OPINION_ON_TIME_RATE", "0")
                            .param("SOLVED_RATE", "0").param("OVERDUE", "-1.5").param("DISSATISFIED", "0"))
                    .andExpect(flash().attribute("notice", "评分公式已保存"));
            assertThat(scoring.weights(C).get(UnitScoring.Metric.OVERDUE)).isEqualByComparingTo(new BigDecimal("-1.5"));
        } finally {
            scoring.setWeights(C, new tools.jackson.databind.json.JsonMapper().readValue(DEFAULTS, Map.class), "test");
        }
    }

    @Test
    void thePageAndTheExcelShowTheSameScores() throws Exception {
        year();
        mvc.perform(get("/api/statistics/scoring").param("year", "33").with(user(u("demo-leader"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/statistics/scoring").param("year", "2033").with(user(u("demo-unit")))).andExpect(status().isForbidden());
        String expected = scoring.table(C, YEAR, ScoringController.asOf(YEAR, clock.today())).stream()
                .filter(r -> r.department().equals(unitName("demo-unit"))).findFirst().orElseThrow().score().toPlainString();
        mvc.perform(get("/statistics/scoring").param("year", "2033").with(user(u("demo-leader"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("得分 = 按期答复率×40 + 满意率×40 + 按时签收率×10 + 会办意见按时率×10 − 超期件数×2 − 不满意件数×1")))
                .andExpect(content().string(containsString(unitName("demo-unit-agri"))))
                .andExpect(content().string(containsString(">" + expected + "<")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("weights-form"))));

        byte[] xlsx = mvc.perform(get("/statistics/scoring.xlsx").param("year", "2033").with(user(u("demo-office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("承办单位");
            // judged as of today, the 2033 item of 农业 is not yet due, so it ranks first with its signing rate alone
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(unitName("demo-unit-agri"));
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(2.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(unitName("demo-unit"));
            int scoreColumn = ScoringController.headers().indexOf("得分");
            assertThat(first.getCell(scoreColumn).getNumericCellValue()).isEqualTo(Double.parseDouble(expected));
            assertThat(first.getCell(ScoringController.headers().indexOf("会办意见按时率(%)")).getStringCellValue())
                    .isEqualTo("不涉及");
        }
    }
}
