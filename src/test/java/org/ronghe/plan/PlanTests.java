package org.ronghe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** 重点任务督办: plan import (all or nothing), the computed tree, the Excel round trip, reports and who may file them. */
@IntegrationTest
class PlanTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";
    static final AtomicInteger TITLES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PlanService plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskWatch watch;

    long notices(String kind, String subject) {
        return jdbc.sql("select count(*) from notification where kind = :k and subject_key = :s").param("k", kind)
                .param("s", subject).query(Long.class).single();
    }

    @Test
    void theDailyJobRemindsLeadDepartmentsOnceOfOverdueTasksMissingReportsAndLatePromises() throws Exception {
        long plan = imported(title());
        long late = node(plan, "1.1").id();
        long land = node(plan, "1.2").id();
        jdbc.sql("update plan set created_at = :at where id = :p").param("at", clock.dateTime().minusDays(70))
                .param("p", plan).update();
        watch.run(clock.today());
        watch.run(clock.today());
        assertThat(notices("TASK_OVERDUE", "task:" + late)).isEqualTo(1);
        assertThat(notices("TASK_OVERDUE", "task:" + land)).isZero();
        assertThat(notices("REPORT_MISSING", "task:" + land + ":" + YearMonth.from(clock.today()).minusMonths(1))).isEqualTo(1);
        long bureau = u("demo-unit").departmentId();
        long seedCommitment = jdbc.sql("""
                select c.id from commitment c join reply r on r.id = c.reply_id
                where r.doc_number = '高发改发〔2025〕85号' and c.seq = 3""").query(Long.class).single();
        assertThat(jdbc.sql("""
                select count(*) from notification where kind = 'COMMITMENT_OVERDUE' and subject_key = :s and department_id = :d""")
                .param("s", "commitment:" + seedCommitment).param("d", bureau).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/notifications").with(user(u("demo-unit"))))
                .andExpect(content().string(containsString("加快城乡一体化发展进程")));
    }

    @Test
    void theDashboardAndItsExcelShowTheSameFlaggedTasks() throws Exception {
        long plan = imported(title());
        mvc.perform(get("/dashboard").with(user(u("demo-leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("推进农业转移人口市民化")))
                .andExpect(content().string(containsString("常住人口城镇化率")));
        byte[] xlsx = mvc.perform(get("/dashboard.xlsx").with(user(u("demo-leader")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(3))).containsExactly("指标", "需督办任务");
            Sheet flagged = book.getSheet("需督办任务");
            boolean found = false;
            for (Row r : flagged) {
                if (r.getRowNum() > 0 && r.getCell(2).getStringCellValue().equals("推进农业转移人口市民化")
                        && r.getCell(0).getStringCellValue().equals(plans.plan(C, plan).get("title"))) {
                    assertThat(r.getCell(7).getStringCellValue()).isEqualTo("已逾期");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/api/dashboard").with(user(u("demo-proposer")))).andExpect(status().isForbidden());
    }

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    /** A sheet in the import layout; each row is the ten columns as text (dates as yyyy-MM-dd). */
    static byte[] sheet(String[]... rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet("重点任务");
            Row head = s.createRow(0);
            for (int i = 0; i < PlanWorkbook.HEADERS.size(); i++) {
                head.createCell(i).setCellValue(PlanWorkbook.HEADERS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** Two areas, four tasks: 1.1 overdue, 1.2 half done with weight 2, 2.1 done, 2.2 not started with weight 3. */
    static byte[] samplePlan() throws Exception {
        return sheet(
                new String[] {"1", "推动城乡生产要素自由交换和双向流动", "", "", "", "", "1", "", "", ""},
                new String[] {"1.1", "推进农业转移人口市民化", "高平市住房和城乡建设局", "高平市人力资源和社会保障局、高平市教育局",
                        "2025-01-01", "2025-03-31", "1", "推进中", "20", ""},
                new String[] {"1.2", "规范农村土地流转", "高平市农业农村局", "高平市自然资源局", "2025-01-01", "2099-12-31",
                        "2", "推进中", "50", "2025-06-30 建成土地流转服务平台；2025-12-31 完成台账"},
                new String[] {"2", "促进城乡产业协同发展", "发改局", "", "", "", "1", "", "", ""},
                new String[] {"2.1", "培育特色专业镇", "高平市发展改革和科技局", "", "2025-01-01", "2025-06-30", "1", "已完成", "100", ""},
                new String[] {"2.2", "打造精品旅游线路", "高平市文化和旅游局", "", "", "2099-12-31", "3", "未开始", "0", ""});
    }

    ResultActions importPlan(String who, byte[] file, String title) throws Exception {
        return mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
                .param("title", title).param("year", "2025").with(csrf()).with(user(u(who))));
    }

    long imported(String title) throws Exception {
        String body = importPlan("demo-supervision", samplePlan(), title).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("id").asLong();
    }

    String title() {
        return "测试计划" + TITLES.incrementAndGet() + "-" + System.nanoTime();
    }

    PlanService.TaskNode node(long plan, String code) {
        return plans.tree(C, plan, clock.today()).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void parentsTakeTheirProgressAndStatusFromTheirWeightedChildren() throws Exception {
        long plan = imported(title());
        assertThat(node(plan, "1.1").overdue()).isTrue();
        assertThat(node(plan, "1").progress()).isEqualByComparingTo("40.00"); // (1×20 + 2×50) ÷ 3
        assertThat(node(plan, "1").status()).isEqualTo(TaskStatus.LAGGING); // a child is overdue
        assertThat(node(plan, "2").progress()).isEqualByComparingTo("25.00"); // (1×100 + 3×0) ÷ 4
        assertThat(node(plan, "2").status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(node(plan, "1.2").cooperators()).containsExactly("高平市自然资源局");
        assertThat(node(plan, "1.2").milestones()).hasSize(2);
        mvc.perform(get("/api/plans").with(user(u("demo-leader"))))
                .andExpect(jsonPath("$[?(@.id == " + plan + ")].progress").value(hasItem(32.5)))
                .andExpect(jsonPath("$[?(@.id == " + plan + ")].overdue").value(hasItem(1))); // 1.1 (area 1 has no date of its own)
        mvc.perform(get("/api/plans/" + plan).with(user(u("demo-proposer")))).andExpect(status().isForbidden());
    }

    @Test
    void anExportedPlanImportsBackAsTheSamePlan() throws Exception {
        long plan = imported(title());
        byte[] xlsx = mvc.perform(get("/plans/" + plan + "/export.xlsx").with(user(u("demo-unit"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String again = title();
        String body = importPlan("demo-supervision", xlsx, again).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long copy = JsonMapper.builder().build().readTree(body).get("id").asLong();
        List<TaskRow> original = plans.rows(C, plan, clock.today());
        assertThat(original).hasSize(6);
        assertThat(plans.rows(C, copy, clock.today())).isEqualTo(original);
    }

    @Test
    void aPlanWithBadRowsIsRefusedWholeNamingRowAndColumn() throws Exception {
        long before = jdbc.sql("select count(*) from plan_task").query(Long.class).single();
        String title = title();
        importPlan("demo-supervision", sheet(
                new String[] {"1", "领域", "", "", "", "", "", "", "", ""},
                new String[] {"1.1", "任务甲", "高平市不存在局", "", "2025-13-01", "", "", "", "120", ""},
                new String[] {"1.2", "任务乙", "高平市农业农村局", "", "2025-06-01", "2025-01-01", "0", "快好了", "", ""},
                new String[] {"3.1", "任务丙", "高平市农业农村局", "", "", "", "", "", "", "下月 完成"}), title)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'E3')].message").value(hasItem(containsString("第3行 E列（开始日期）"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'I3')].message").value(hasItem(containsString("0 到 100"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'G4')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'H4')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'J5')]").exists())
                // the plan's own problems come in the same answer as the cells'
                .andExpect(jsonPath("$.errors[?(@.field == 'C3')].message").value(hasItem(containsString("高平市不存在局"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'F4')].message").value(hasItem(containsString("早于开始日期"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'A5')].message").value(hasItem(containsString("上级任务 3"))));
        // cell forms fine, names and tree wrong
        importPlan("demo-supervision", sheet(
                new String[] {"1", "领域", "", "", "", "", "", "", "", ""},
                new String[] {"1.1", "任务甲", "高平市不存在局", "", "", "", "", "", "", ""},
                new String[] {"1.2", "任务乙", "高平市农业农村局", "", "2025-06-01", "2025-01-01", "", "", "", ""},
                new String[] {"3.1", "任务丙", "高平市农业农村局", "", "", "", "", "", "", ""},
                new String[] {"1.2", "任务丁", "", "", "", "", "", "", "", ""}), title)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'C3')].message").value(hasItem(containsString("高平市不存在局"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'F4')].message").value(hasItem(containsString("早于开始日期"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'A5')].message").value(hasItem(containsString("上级任务 3"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'A6')].message").value(hasItem(containsString("编号重复"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'C6')].message").value(hasItem(containsString("须有牵头单位"))));
        importPlan("demo-supervision", "not a workbook".getBytes(), title).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        importPlan("demo-unit", samplePlan(), title).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from plan_task").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from plan where title = :t").param("t", title).query(Long.class).single()).isZero();
    }

    void report(String who, long task, String json, org.springframework.test.web.servlet.ResultMatcher expected) throws Exception {
        mvc.perform(post("/api/tasks/" + task + "/reports").with(csrf()).with(user(u(who)))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(expected);
    }

    @Test
    void onlyTheLeadDepartmentReportsAndItsReportMovesThePlan() throws Exception {
        long plan = imported(title());
        long land = node(plan, "1.2").id();
        report("demo-unit", land, "{\"progress\":80,\"status\":\"IN_PROGRESS\",\"text\":\"越权\"}", status().isForbidden());
        report("demo-supervision", land, "{\"progress\":80,\"status\":\"IN_PROGRESS\",\"text\":\"代报\"}", status().isForbidden());
        report("demo-unit-agri", node(plan, "1").id(), "{\"progress\":80,\"status\":\"IN_PROGRESS\",\"text\":\"领域\"}",
                status().isConflict());
        mvc.perform(post("/api/tasks/" + land + "/reports").with(csrf()).with(user(u("demo-unit-agri")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"progress\":120,\"status\":\"推进中\",\"text\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'progress')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'text')]").exists());
        report("demo-unit-agri", land, "{\"progress\":80,\"status\":\"DONE\",\"text\":\"完成\"}", status().isBadRequest());
        report("demo-unit-agri", land, "{\"progress\":\"很多\",\"status\":\"推进中\",\"text\":\"x\"}", status().isBadRequest());
        report("demo-unit-agri", land, "{\"progress\":1e400,\"status\":\"推进中\",\"text\":\"x\"}", status().isBadRequest());
        report("demo-unit-agri", land, "{\"progress\":50,\"status\":\"NOT_STARTED\",\"text\":\"x\"}", status().isBadRequest());
        assertThat(node(plan, "1.2").progress()).isEqualByComparingTo("50");

        report("demo-unit-agri", land, "{\"progress\":80,\"status\":\"推进中\",\"text\":\"平台已上线试运行\",\"problems\":\"乡镇录入滞后\"}",
                status().isOk());
        assertThat(node(plan, "1.2").progress()).isEqualByComparingTo("80");
        assertThat(node(plan, "1").progress()).isEqualByComparingTo("60.00"); // (1×20 + 2×80) ÷ 3
        assertThat(plans.reports(land)).singleElement().satisfies(r -> {
            assertThat(r.get("period")).isEqualTo(YearMonth.from(clock.today()).toString());
            assertThat(r.get("problems")).isEqualTo("乡镇录入滞后");
            assertThat(r.get("reporter")).isEqualTo("演示·农业农村局承办人");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASK_REPORTED' and entity_id = :t")
                .param("t", String.valueOf(land)).query(Long.class).single()).isEqualTo(1);

        // a report with evidence files: wrong kinds are refused whole, good ones kept and downloadable
        mvc.perform(multipart("/api/tasks/" + land + "/reports")
                        .file(new MockMultipartFile("evidence", "程序.exe", "application/octet-stream", new byte[] {1, 2}))
                        .param("progress", "85").param("status", "IN_PROGRESS").param("text", "附佐证")
                        .with(csrf()).with(user(u("demo-unit-agri"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evidence"));
        assertThat(plans.reports(land)).hasSize(1);
        byte[] photo = "JFIF-test-photo".getBytes();
        mvc.perform(multipart("/api/tasks/" + land + "/reports")
                        .file(new MockMultipartFile("evidence", "平台上线照片.jpg", "image/jpeg", photo))
                        .param("progress", "85").param("status", "IN_PROGRESS").param("text", "附佐证")
                        .with(csrf()).with(user(u("demo-unit-agri"))))
                .andExpect(status().isOk());
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> evidence = (List<java.util.Map<String, Object>>) plans.reports(land).get(0).get("evidence");
        assertThat(evidence).singleElement().satisfies(e -> assertThat(e.get("filename")).isEqualTo("平台上线照片.jpg"));
        byte[] back = mvc.perform(get("/tasks/evidence/" + evidence.get(0).get("id")).with(user(u("demo-leader"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", "image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(photo);

        // the same through the page
        mvc.perform(post("/tasks/" + land + "/reports").with(csrf()).with(user(u("demo-unit-agri")))
                        .param("progress", "100").param("status", "DONE").param("text", "台账完成"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "进展已报送"));
        mvc.perform(post("/tasks/" + land + "/reports").with(csrf()).with(user(u("demo-unit-agri")))
                        .param("progress", "abc").param("status", "IN_PROGRESS").param("text", "x"))
                .andExpect(flash().attribute("notice", containsString("进度应为")));
        mvc.perform(post("/tasks/" + land + "/reports").with(csrf()).with(user(u("demo-unit-agri")))
                        .param("progress", "1e2").param("status", "DONE").param("text", "x"))
                .andExpect(flash().attribute("notice", containsString("进度应为")));
        mvc.perform(get("/tasks/" + land).with(user(u("demo-unit-agri")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("台账完成")))
                .andExpect(content().string(containsString("已完成")));
    }

    @Test
    void boardsShowTheUnitsTasksAndTheCountysOverdueAndMissingReports() throws Exception {
        long plan = imported(title());
        long land = node(plan, "1.2").id();
        mvc.perform(get("/api/tasks/board").with(user(u("demo-unit-agri"))))
                .andExpect(jsonPath("$[?(@.id == " + land + ")].light").value(hasItem("green")));
        mvc.perform(get("/api/tasks/board").param("scope", "flagged").with(user(u("demo-supervision"))))
                .andExpect(jsonPath("$[?(@.id == " + node(plan, "1.1").id() + ")].light").value(hasItem("red")))
                .andExpect(jsonPath("$[?(@.id == " + land + ")]").isEmpty());
        mvc.perform(get("/api/tasks/board").param("scope", "all").with(user(u("demo-supervision"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scope"));

        // a plan from before this month: last month's report is missing until one is on file
        jdbc.sql("update plan set created_at = :at where id = :p").param("at", clock.dateTime().minusDays(70))
                .param("p", plan).update();
        assertThat(node(plan, "1.2").reportMissed()).isTrue();
        assertThat(node(plan, "2.1").reportMissed()).isFalse(); // done
        mvc.perform(get("/api/tasks/board").param("scope", "flagged").with(user(u("demo-supervision"))))
                .andExpect(jsonPath("$[?(@.id == " + land + ")].light").value(hasItem("amber")));
        jdbc.sql("""
                insert into progress_report (county_code, task_id, period, progress, status, text, reported_by, reported_at)
                values ('140581', :t, :p, 50, 'IN_PROGRESS', '上月进展', 'demo-unit-agri', :at)""")
                .param("at", clock.dateTime().minusMonths(1)).param("t", land).param("p", YearMonth.from(clock.today()).minusMonths(1).toString()).update();
        assertThat(node(plan, "1.2").reportMissed()).isFalse();

        mvc.perform(get("/tasks").with(user(u("demo-supervision")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("推进农业转移人口市民化")))
                .andExpect(content().string(containsString("已逾期")))
                .andExpect(content().string(containsString("导入任务计划")));
        mvc.perform(get("/tasks").with(user(u("demo-unit-agri")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("本单位牵头的任务")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("导入任务计划"))));
        mvc.perform(get("/plans/" + plan).with(user(u("demo-leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("规范农村土地流转")));
    }
}
