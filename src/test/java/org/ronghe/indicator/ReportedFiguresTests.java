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
    void figuresFindTheirIndicatorByOtherNamesAndTheLastYearPrinted() {
        ReportedFigures.Proposal gdp = figure("199.3");
        assertThat(gdp.suggestedIndicator().name()).isEqualTo("地区生产总值");
        assertThat(gdp.suggestedPeriod()).isEqualTo("2025H1");
        assertThat(gdp.onFile()).isTrue();
        ReportedFigures.Proposal industry = figure("15.5");
        assertThat(industry.suggestedIndicator().name()).startsWith("规上工业增加值年均增长率");
        assertThat(industry.suggestedPeriod()).isEqualTo("2024");
        assertThat(industry.onFile()).isTrue();
    }

    @Test
    void aFigureIsNotConfirmedIntoAnIndicatorOfAnotherUnitOrOverADifferentValue() throws Exception {
        long gdp = figure("199.3").figure().id();
        long heating = jdbc.sql("select id from indicator where name = '集中供暖面积'").query(Long.class).single();
        long output = jdbc.sql("select id from indicator where name = '地区生产总值'").query(Long.class).single();
        mvc.perform(post("/api/indicators/figures/" + gdp + "/confirm").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"indicator\":" + heating + ",\"period\":\"2025\",\"value\":\"199.3\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("单位不符")));
        mvc.perform(post("/api/indicators/figures/" + gdp + "/confirm").with(csrf()).with(user(u("demo-supervision")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"indicator\":" + output + ",\"period\":\"2025H1\",\"value\":\"6\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("已有数值 199.3")));
        assertThat(indicators.one("140581", output).latest().value()).isEqualByComparingTo("199.3");
        assertThat(seedFigures()).anyMatch(p -> p.figure().id() == gdp);
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
        List<String> usedElsewhere = List.of("57.90", "477.75", "199.3", "15.5");
        ReportedFigures.Proposal any = seedFigures().stream()
                .filter(p -> !usedElsewhere.contains(p.figure().valueText())).findFirst().orElseThrow();
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
