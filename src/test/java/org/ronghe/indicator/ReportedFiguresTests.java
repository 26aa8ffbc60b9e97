package org.ronghe.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Figures of imported letters are proposed as indicator values citing the letter, and confirmed or dismissed once. */
@IntegrationTest
class ReportedFiguresTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ReportedFigures figures;
    @Autowired
    IndicatorService indicators;
    @Autowired
    JdbcClient jdbc;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    List<ReportedFigures.Proposal> seedFigures() {
        return figures.pending("140581").stream().filter(p -> "高发改发〔2025〕85号".equals(p.figure().docNumber())).toList();
    }

    ReportedFigures.Proposal figure(String valueText) {
        return seedFigures().stream().filter(p -> p.figure().valueText().equals(valueText)).findFirst().orElseThrow();
    }

    @Test
    void theSeedLettersUrbanisationRateIsSuggestedForItsIndicatorAndIsAlreadyOnFile() {
        ReportedFigures.Proposal rate = figure("57.90");
        assertThat(rate.figure().unit()).isEqualTo("%");
        assertThat(rate.suggestedIndicator().name()).isEqualTo("常住人口城镇化率");
        assertThat(rate.suggestedPeriod()).isEqualTo("2024");
        assertThat(rate.onFile()).isTrue();
    }

    @Test
    void aConfirmedFigureBecomesAValueCitingTheLetterOnce() throws Exception {
        ReportedFigures.Proposal visitors = figure("477.75");
        long id = visitors.figure().id();
        long indicator = jdbc.sql("""
                insert into indicator (county_code, name, unit, kind, frequency, department_id)
                select '140581', :n, '万人次', 'AMOUNT', 'HALF_YEAR', id from department where doc_code = '高文旅'
                returning id""").param("n", "测试游客" + System.nanoTime()).query(Long.class).single();
        mvc.perform(post("/api/indicators/figures/" + id + "/confirm").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\":" + indicator + ",\"period\":\"2025\",\"value\":\"477.75\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(post("/api/indicators/figures/" + id + "/confirm").with(csrf()).with(user(u("demo-unit")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\":" + indicator + ",\"period\":\"2025H1\",\"value\":\"477.75\"}"))
                .andExpect(status().isForbidden());
        assertThat(seedFigures()).anyMatch(p -> p.figure().id() == id);

        mvc.perform(post("/api/indicators/figures/" + id + "/confirm").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\":" + indicator + ",\"period\":\"2025H1\",\"value\":\"477.75\"}"))
                .andExpect(status().isOk());
        IndicatorService.Reading r = indicators.one("140581", indicator).latest();
        assertThat(r.value()).isEqualByComparingTo(new BigDecimal("477.75"));
        assertThat(r.source()).isEqualTo("高发改发〔2025〕85号");
        assertThat(jdbc.sql("select reply_id from indicator_value where indicator_id = :i").param("i", indicator)
                .query(Long.class).single()).isEqualTo(visitors.figure().replyId());
        assertThat(seedFigures()).noneMatch(p -> p.figure().id() == id);
        mvc.perform(post("/api/indicators/figures/" + id + "/dismiss").with(csrf()).with(user(u("demo-supervision"))))
                .andExpect(status().isConflict());
    }

    @Test
    void theSupervisionOfficeDismissesAFigureFromThePage() throws Exception {
        ReportedFigures.Proposal any = seedFigures().stream().filter(p -> !p.figure().valueText().equals("57.90")
                && !p.figure().valueText().equals("477.75")).findFirst().orElseThrow();
        long id = any.figure().id();
        mvc.perform(get("/indicators/figures").with(user(u("demo-supervision")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(any.figure().name())));
        mvc.perform(post("/indicators/figures/" + id + "/dismiss").with(csrf()).with(user(u("demo-unit"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/indicators/figures/" + id + "/dismiss").with(csrf()).with(user(u("demo-supervision"))))
                .andExpect(status().is3xxRedirection());
        assertThat(seedFigures()).noneMatch(p -> p.figure().id() == id);
    }
}
