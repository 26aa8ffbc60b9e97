package org.ronghe.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 指标: Gaoping's figures from the seed letter, derived changes (points vs percent), targets, units, periods, access. */
@IntegrationTest
class IndicatorTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    IndicatorService indicators;
    @Autowired
    JdbcClient jdbc;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    long indicator(String name, String unit, String kind, String frequency) {
        return jdbc.sql("""
                insert into indicator (county_code, name, unit, kind, frequency, department_id)
                select '140581', :n, :u, :k, :f, id from department where county_code = '140581' and doc_code = '高发改'
                returning id""").param("n", name + System.nanoTime()).param("u", unit).param("k", kind).param("f", frequency)
                .query(Long.class).single();
    }

    ResultActions value(String who, long id, String json) throws Exception {
        return mvc.perform(post("/api/indicators/" + id + "/values").with(csrf()).with(user(u(who)))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    IndicatorService.Reading reading(long id, String period) {
        return indicators.one("140581", id).readings().stream().filter(r -> r.period().equals(period)).findFirst().orElseThrow();
    }

    @Test
    void theSeedLetterFiguresAreIndicatorsWithTheirPeriodsAndSource() throws Exception {
        mvc.perform(get("/api/indicators").with(user(u("demo-leader")))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.indicator.name == '常住人口城镇化率')].latest.value").value(hasItem(57.9)))
                .andExpect(jsonPath("$[?(@.indicator.name == '常住人口城镇化率')].latest.period").value(hasItem("2024")))
                .andExpect(jsonPath("$[?(@.indicator.name == '常住人口城镇化率')].latest.change").value(hasItem(1.69)))
                .andExpect(jsonPath("$[?(@.indicator.name == '常住人口城镇化率')].latest.changeUnit").value(hasItem("个百分点")))
                .andExpect(jsonPath("$[?(@.indicator.name == '常住人口城镇化率')].latest.changeReported").value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.indicator.name == '地区生产总值')].latest.periodLabel").value(hasItem("2025年上半年")))
                .andExpect(jsonPath("$[?(@.indicator.name == '地区生产总值')].latest.value").value(hasItem(199.3)))
                .andExpect(jsonPath("$[?(@.indicator.name == '接待游客')].latest.change").value(hasItem(38.34)))
                .andExpect(jsonPath("$[?(@.indicator.name == '煤炭先进产能占比')].latest.atLeast").value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.indicator.name == '集中供暖面积')].readings[*].value").value(
                        org.hamcrest.Matchers.contains(460, 1686)))
                .andExpect(jsonPath("$[?(@.indicator.name == '全国重点文物保护单位')].latest.source")
                        .value(hasItem("高发改发〔2025〕85号")));
        mvc.perform(get("/public/indicators")).andExpect(status().isOk())
                .andExpect(content().string(containsString("常住人口城镇化率")))
                .andExpect(content().string(containsString("+1.69 个百分点")))
                .andExpect(content().string(containsString("57.90")))
                .andExpect(content().string(containsString("高发改发〔2025〕85号")));
        mvc.perform(get("/api/indicators").with(user(u("demo-proposer")))).andExpect(status().isForbidden());
    }

    @Test
    void ratesChangeInPercentagePointsAndAmountsInPercent() throws Exception {
        long rate = indicator("测试城镇化率", "%", "RATE", "YEAR");
        value("demo-unit", rate, "{\"period\":\"2023\",\"value\":56.21,\"unit\":\"%\",\"source\":\"统计年报2023\"}").andExpect(status().isOk());
        value("demo-unit", rate, "{\"period\":\"2024\",\"value\":\"57.90\",\"unit\":\"％\",\"source\":\"统计年报2024\"}").andExpect(status().isOk());
        IndicatorService.Reading r = reading(rate, "2024");
        assertThat(r.change()).isEqualByComparingTo("1.69");
        assertThat(r.changeUnit()).isEqualTo("个百分点");
        assertThat(r.changeReported()).isFalse();

        long amount = indicator("测试生产总值", "亿元", "AMOUNT", "HALF_YEAR");
        value("demo-supervision", amount, "{\"period\":\"2024H1\",\"value\":187.0,\"unit\":\"亿元\",\"source\":\"快报\"}").andExpect(status().isOk());
        value("demo-supervision", amount, "{\"period\":\"2025h1\",\"value\":199.3,\"unit\":\"亿元\",\"source\":\"快报\"}").andExpect(status().isOk());
        assertThat(reading(amount, "2025H1").change()).isEqualByComparingTo("6.58"); // (199.3 ÷ 187 − 1) × 100
        assertThat(reading(amount, "2025H1").changeUnit()).isEqualTo("%");
        assertThat(reading(amount, "2025H1").periodLabel()).isEqualTo("2025年上半年");

        mvc.perform(post("/api/indicators/" + amount + "/targets").with(csrf()).with(user(u("demo-unit")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2025H1\",\"value\":200}")).andExpect(status().isOk());
        assertThat(reading(amount, "2025H1").targetShare()).isEqualByComparingTo("99.65");

        // a correction replaces the value and is audited with the old one
        value("demo-unit", rate, "{\"period\":\"2024\",\"value\":58.00,\"unit\":\"%\",\"source\":\"统计年报2024（修订）\"}").andExpect(status().isOk());
        assertThat(reading(rate, "2024").change()).isEqualByComparingTo("1.79");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'INDICATOR_VALUE_CORRECTED' and entity_id = :i")
                .param("i", String.valueOf(rate)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongUnitsPeriodsAndNumbersAreRefusedAndOnlyTheOwnerRecords() throws Exception {
        long amount = indicator("测试财政收入", "亿元", "AMOUNT", "HALF_YEAR");
        value("demo-unit", amount, "{\"period\":\"2025\",\"value\":\"25.5\",\"unit\":\"万元\",\"source\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'period')].message").value(hasItem(containsString("按半年统计"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'unit')].message").value(hasItem(containsString("单位应为“亿元”"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'source')]").exists());
        value("demo-unit", amount, "{\"period\":\"2025Q5\",\"value\":\"很多\",\"unit\":\"亿元\",\"source\":\"快报\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'period')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'value')]").exists());
        value("demo-unit", amount, "{\"period\":\"2025H1\",\"value\":[1],\"unit\":\"亿元\",\"source\":\"快报\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        value("demo-unit-agri", amount, "{\"period\":\"2025H1\",\"value\":\"25.5\",\"unit\":\"亿元\",\"source\":\"快报\"}")
                .andExpect(status().isForbidden());
        assertThat(indicators.one("140581", amount).readings()).isEmpty();

        mvc.perform(post("/indicators/" + amount + "/values").with(csrf()).with(user(u("demo-unit")))
                        .param("period", "2025H1").param("value", "25.5").param("unit", "亿元").param("source", "财政快报"))
                .andExpect(status().is3xxRedirection());
        assertThat(reading(amount, "2025H1").value()).isEqualByComparingTo(new BigDecimal("25.5"));
        mvc.perform(get("/indicators/" + amount).with(user(u("demo-unit")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("财政快报")))
                .andExpect(content().string(containsString("value-form")));
        mvc.perform(get("/indicators/" + amount).with(user(u("demo-unit-agri"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("value-form"))));
    }

    @Test
    void valuesAndTargetsOutsideWhatTheIndicatorCanBeAreRefused() throws Exception {
        long rate = indicator("测试覆盖率", "%", "RATE", "YEAR");
        long amount = indicator("测试面积", "万m²", "AMOUNT", "YEAR");
        value("demo-unit", rate, "{\"period\":\"2026\",\"value\":150,\"unit\":\"%\",\"source\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        value("demo-unit", amount, "{\"period\":\"2023\",\"value\":-5,\"unit\":\"万m2\",\"source\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("不能为负数")));
        value("demo-unit", amount, "{\"period\":\"2023\",\"value\":1e400,\"unit\":\"万m²\",\"source\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        for (String target : new String[] {"0", "-3", "1e400"}) {
            mvc.perform(post("/api/indicators/" + amount + "/targets").with(csrf()).with(user(u("demo-unit")))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026\",\"value\":" + target + "}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        }
        assertThat(indicators.one("140581", amount).readings()).isEmpty();
        assertThat(indicators.targets(amount)).isEmpty();
        mvc.perform(get("/indicators.xlsx").with(user(u("demo-leader")))).andExpect(status().isOk());
    }

    @Test
    void periodsKnowTheirKindTheirLabelAndTheYearBefore() {
        assertThat(Period.parse("2025Q2").orElseThrow().label()).isEqualTo("2025年第二季度");
        assertThat(Period.parse("2025-06").orElseThrow().yearBefore().code()).isEqualTo("2024-06");
        assertThat(Period.parse("2025H2").orElseThrow().frequency()).isEqualTo(Period.Frequency.HALF_YEAR);
        assertThat(Period.parse("2025-13")).isEmpty();
        assertThat(IndicatorService.change(IndicatorService.Kind.AMOUNT, BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }
}
