package org.ronghe.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 办理统计: the figures, the Excel and the CSV export agree with a session whose proposals are in known states. */
@IntegrationTest
class StatisticsTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";
    static final String WHO = "统计测试委员";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ProposalService proposals;
    @Autowired
    AssignmentService assignments;
    @Autowired
    FeedbackService feedback;
    @Autowired
    ProposalStatistics statistics;
    @Autowired
    HandlingSteps steps;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    long submit(long session, String title) {
        return steps.submitted(session, title, WHO);
    }

    long replied(long session, String title, String category) {
        return steps.replied(session, title, WHO, category);
    }

    /** Six proposals: submitted, rejected, filed, assigned and overdue, replied A (满意), replied B then 不满意. */
    long session() {
        String name = "统计测试届次" + System.nanoTime();
        long s = proposals.openSession(C, "CPPCC", name, "TJ");
        submit(s, "统计·仅提交");
        long rejected = submit(s, "统计·不予立案");
        proposals.reject(C, rejected, "不属于提案范围", false);
        proposals.accept(C, submit(s, "统计·已立案"));
        long late = submit(s, "统计·超期未答复");
        proposals.accept(C, late);
        assignments.assign(C, late, AssignmentService.Mode.SEPARATE, List.of(u("demo-unit").departmentId()),
                clock.today().minusMonths(4));
        long a = replied(s, "统计·满意", "A");
        feedback.answer(C, a, WHO, "demo-proposer", FeedbackService.Verdict.SATISFIED, null, clock.today());
        long b = replied(s, "统计·不满意", "B");
        feedback.answer(C, b, WHO, "demo-proposer", FeedbackService.Verdict.DISSATISFIED, "未落实", clock.today());
        return s;
    }

    @Test
    void figuresPerSessionAndPerUnitMatchTheRecords() {
        long s = session();
        String name = proposals.allSessions(C).stream().filter(m -> ((Number) m.get("id")).longValue() == s)
                .findFirst().orElseThrow().get("name").toString();
        ProposalStatistics.Row row = statistics.bySession(C, clock.today()).stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(row).isEqualTo(new ProposalStatistics.Row(name, 6, 4, 3, 1, 1, 1, 1, 1, 0, 2, 50.0, 1));
        List<ProposalStatistics.Row> units = statistics.byUnit(C, s, clock.today());
        assertThat(units).singleElement().satisfies(r -> {
            assertThat(r.name()).contains("发展");
            assertThat(List.of(r.received(), r.assigned(), r.replied(), r.onTime(), r.overdue(), r.categoryA(),
                    r.categoryB(), r.answers(), r.rehandled())).containsExactly(3L, 3L, 1L, 1L, 1L, 1L, 1L, 2L, 1L);
            assertThat(r.satisfactionRate()).isEqualTo(50.0);
        });
    }

    @Test
    void excelAndCsvExportsCarryTheSameFigures() throws Exception {
        long s = session();
        ProposalStatistics.Row unit = statistics.byUnit(C, s, clock.today()).get(0);
        mvc.perform(get("/statistics").param("session", String.valueOf(s)).with(user(u("demo-office"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/statistics.xlsx?session=" + s + "\"")))
                .andExpect(content().string(containsString("value=\"" + s + "\" selected")));
        byte[] xlsx = mvc.perform(get("/statistics.xlsx").param("session", String.valueOf(s)).with(user(u("demo-office"))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("按承办单位");
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(2);
            assertThat(cells(sheet.getRow(0))).isEqualTo(new ArrayList<Object>(StatisticsController.HEADERS));
            assertThat(cells(sheet.getRow(1))).isEqualTo(List.of(unit.name(), 3.0, 3.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                    0.0, 2.0, 50.0, 1.0));
            assertThat(book.getSheet("按届次").getPhysicalNumberOfRows())
                    .isEqualTo(proposals.allSessions(C).size() + 1);
        }
        String csv = new String(mvc.perform(get("/statistics.csv").param("session", String.valueOf(s))
                        .with(user(u("demo-supervision"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).containsExactly("\uFEFF" + String.join(",", StatisticsController.HEADERS),
                unit.name() + ",3,3,3,1,1,1,1,1,0,2,50.0,1");
    }

    @Test
    void onlyCountyWideRolesSeeStatisticsAndBadParametersAreNamed() throws Exception {
        mvc.perform(get("/statistics").with(user(u("demo-unit")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/statistics").with(user(u("demo-proposer")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/statistics").param("session", "abc").with(user(u("demo-office"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("session"));
        mvc.perform(get("/statistics").param("session", "abc").with(user(u("demo-office"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/statistics.csv").param("table", "x").with(user(u("demo-office"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/statistics").with(user(u("demo-office"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("按承办单位")))
                .andExpect(content().string(containsString("echarts.min.js")));
    }

    static List<Object> cells(Row row) {
        List<Object> out = new ArrayList<>();
        row.forEach(c -> out.add(switch (c.getCellType()) {
            case NUMERIC -> c.getNumericCellValue();
            default -> c.getStringCellValue();
        }));
        return out;
    }
}
