package org.ronghe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.ronghe.land.IdentityNumbers;
import org.ronghe.land.LandRegistry;
import org.ronghe.land.Listings;
import org.ronghe.land.TransferService;
import org.ronghe.plan.PlanWorkbook;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.proposal.AssignmentService;
import org.ronghe.proposal.ProposalService;
import org.ronghe.proposal.ReplyDrafting;
import org.ronghe.tenancy.WorkCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's day is the county's, not the machine's. Each flow that turns on a date runs with the clock set where
 * the UTC date and the China date differ — 16:00 to 24:00 UTC, when China is already on the next day — and its
 * deadline or window is checked on both sides of the China midnight that ends it. Had any of them read the day in
 * UTC (or in the server's zone), it would be one day out and its assertion would fail. The daily jobs run through
 * their real scheduled entry points ({@link #morningJobs()}).
 */
@IntegrationTest
class CountyDayTests {

    static final String C = "140581";
    /** 2027-07-01 01:30 in China (a Thursday); still 30 June in UTC. */
    static final Instant JULY_FIRST_IN_CHINA = Instant.parse("2027-06-30T17:30:00Z");
    static final LocalDate JULY_FIRST = LocalDate.of(2027, 7, 1);
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ProposalService proposals;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ReplyDrafting drafting;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    LandRegistry registry;
    @Autowired
    Listings listings;
    @Autowired
    TransferService transfers;
    @Autowired
    ScheduledTaskHolder scheduled;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    /** @return the instant that is {@code hour}:{@code 30} on {@code day} in China */
    static Instant china(LocalDate day, int hour) {
        return day.atTime(hour, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** Sets the clock to 23:30 of a China day: the same date in UTC, 15:30. */
    void lateOn(LocalDate day) {
        clock.set(china(day, 23));
    }

    /** Sets the clock to 00:30 of the China day after {@code day}: in UTC still {@code day}, 16:30. */
    void justAfter(LocalDate day) {
        clock.set(china(day.plusDays(1), 0));
        assertThat(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).isEqualTo(day);
    }

    /** Runs every scheduled daily job (deadlines, tasks, land filing, rents) as the scheduler would this morning. */
    void morningJobs() {
        List<ScheduledTask> jobs = scheduled.getScheduledTasks().stream().toList();
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(4);
        jobs.forEach(job -> job.getTask().getRunnable().run());
    }

    int rule(String sql) {
        return jdbc.sql(sql).param("c", C).query(Integer.class).single();
    }

    @Test
    void theDatabaseTurnsInstantsIntoTheCountysDays() {
        clock.set(JULY_FIRST_IN_CHINA);
        assertThat(jdbc.sql("select current_setting('TimeZone')").query(String.class).single()).isEqualTo("Asia/Shanghai");
        assertThat(jdbc.sql("select cast(:t as timestamptz)::date").param("t", clock.dateTime()).query(LocalDate.class)
                .single()).isEqualTo(JULY_FIRST);
        assertThat(clock.today()).isEqualTo(JULY_FIRST);
    }

    @Test
    void submissionAssignmentDeadlineAndExtensionCountChinaDays() throws Exception {
        clock.set(JULY_FIRST_IN_CHINA);
        long session = proposals.openSession(C, "CPPCC", "县日测试届次" + SEQ.incrementAndGet(), "XR" + (char) ('A' + SEQ.get() % 26));
        long id = proposals.submit(C, new ProposalService.SubmitForm(session, "关于按县里日期办理的提案", "内容", "",
                "县日测试委员", List.of()), "demo-office");
        assertThat(jdbc.sql("select submitted_on from proposal where id = :p").param("p", id).query(LocalDate.class)
                .single()).isEqualTo(JULY_FIRST);
        proposals.accept(C, id);
        long unit = u("demo-unit").departmentId();
        mvc.perform(post("/api/proposals/" + id + "/assign").with(csrf()).with(user(u("demo-office")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"SEPARATE\",\"units\":[" + unit + "]}"))
                .andExpect(status().isOk());
        long assignment = jdbc.sql("select id from proposal_assignment where proposal_id = :p").param("p", id)
                .query(Long.class).single();
        LocalDate due = JULY_FIRST.plusMonths(
                rule("select coalesce(max(handling_months), 3) from proposal_rule where county_code = :c"));
        assertThat(jdbc.sql("select assigned_on from proposal_assignment where id = :a").param("a", assignment)
                .query(LocalDate.class).single()).isEqualTo(JULY_FIRST);
        assertThat(jdbc.sql("select due_date from proposal_assignment where id = :a").param("a", assignment)
                .query(LocalDate.class).single()).isEqualTo(due);

        // an extension is asked for before the deadline has passed, by the county's day
        lateOn(due);
        extend(assignment, due.plusDays(14)).andExpect(status().isOk());
        justAfter(due.plusDays(14));
        extend(assignment, due.plusDays(20)).andExpect(status().isConflict());
    }

    org.springframework.test.web.servlet.ResultActions extend(long assignment, LocalDate to) throws Exception {
        return mvc.perform(post("/api/assignments/" + assignment + "/extend").with(csrf()).with(user(u("demo-office")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueDate\":\"" + to + "\",\"reason\":\"需要实地调研\"}"));
    }

    @Test
    void theReplyDateAndTheFeedbackAndDisclosureWindowsCountChinaDays() throws Exception {
        clock.set(JULY_FIRST_IN_CHINA);
        long session = proposals.openSession(C, "CPPCC", "县日答复届次" + SEQ.incrementAndGet(), "XD" + (char) ('A' + SEQ.get() % 26));
        long id = proposals.submit(C, new ProposalService.SubmitForm(session, "关于答复日期按县里计算的提案", "内容", "",
                "县日反馈委员", List.of()), "demo-office");
        proposals.accept(C, id);
        long unit = u("demo-unit").departmentId();
        long assignment = assignments.assign(C, id, AssignmentService.Mode.SEPARATE, List.of(unit), clock.today()).get(0);
        assignments.sign(C, assignment, unit);
        long reply = drafting.draft(C, assignment, unit, new ReplyDrafting.Draft("正文", "A", "局长", List.of(), null,
                List.of()));
        drafting.submit(C, reply, unit);
        drafting.review(C, reply, true, null, null);
        assertThat(jdbc.sql("select reply_date from reply where id = :r").param("r", reply).query(LocalDate.class)
                .single()).isEqualTo(JULY_FIRST);

        // the proposer's feedback window (working days) closes at the end of its last China day
        LocalDate feedbackDue = calendar.addWorkingDays(C, JULY_FIRST,
                rule("select coalesce(max(feedback_working_days), 15) from proposal_rule where county_code = :c"));
        lateOn(feedbackDue);
        morningJobs();
        assertThat(missingFeedback(reply)).isZero();
        justAfter(feedbackDue);
        morningJobs();
        assertThat(missingFeedback(reply)).isOne();

        // the office's disclosure window likewise
        LocalDate disclosureDue = calendar.addWorkingDays(C, JULY_FIRST,
                rule("select coalesce(max(disclosure_working_days), 20) from proposal_rule where county_code = :c"));
        lateOn(disclosureDue);
        assertThat(disclosureBucket(reply)).isEqualTo("即将到期");
        justAfter(disclosureDue);
        assertThat(disclosureBucket(reply)).isEqualTo("已超期");
    }

    long missingFeedback(long reply) {
        return jdbc.sql("select count(*) from proposal_feedback where reply_id = :r and verdict = 'NO_RESPONSE'")
                .param("r", reply).query(Long.class).single();
    }

    String disclosureBucket(long reply) throws Exception {
        String body = mvc.perform(get("/api/disclosures/pending").with(user(u("demo-office")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (JsonNode n : JsonMapper.builder().build().readTree(body)) {
            if (n.get("replyId").asLong() == reply) {
                return n.get("bucket").asString();
            }
        }
        return null;
    }

    @Test
    void landFirstRefusalAndFilingWindowsCountChinaDays() {
        clock.set(JULY_FIRST_IN_CHINA);
        String collective = "14058110520" + (300 + SEQ.incrementAndGet());
        String household = collective + "0001";
        String head = "14058119700101" + (500 + SEQ.get());
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n"
                + collective + ",县日测试组," + household + ",王一," + head + IdentityNumbers.idCheck(head) + ",3,HT"
                + collective + ",1998-10-01,2040-09-30,否," + collective + "00001,南坡地,4.00,耕地,否,,,,\n");
        listings.offer(C, new Listings.Supply(household, false, List.of(collective + "00001"), "出租", 1,
                new BigDecimal("500"), List.of("GRAIN")), "test");

        // L11: members only through the last day of the window, by the county's calendar
        LocalDate lastMembersDay = JULY_FIRST.plusDays(
                rule("select coalesce(max(first_refusal_days), 15) from land_rule where county_code = :c"));
        TransferService.Draft outsider = new TransferService.Draft("出租", "县日测试种植合作社", "COOPERATIVE",
                LocalDate.of(2027, 9, 1), LocalDate.of(2028, 8, 31), "GRAIN", new BigDecimal("600"),
                List.of(new TransferService.Share(collective + "00001", new BigDecimal("4"))));
        lateOn(lastMembersDay);
        assertThatThrownBy(() -> transfers.record(C, outsider, "test")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).byField().values()).anyMatch(m -> m.startsWith("L11")));
        justAfter(lastMembersDay);
        long transfer = transfers.record(C, outsider, "test").id();
        LocalDate recorded = lastMembersDay.plusDays(1);
        assertThat(jdbc.sql("select recorded_at::date from land_transfer where id = :t").param("t", transfer)
                .query(LocalDate.class).single()).isEqualTo(recorded);

        // L08: the filing reminder goes out once the filing days after the recorded day have passed
        LocalDate lastFilingDay = recorded.plusDays(
                rule("select coalesce(max(filing_days), 15) from land_rule where county_code = :c"));
        lateOn(lastFilingDay);
        morningJobs();
        assertThat(filingReminders(transfer)).isZero();
        justAfter(lastFilingDay);
        morningJobs();
        assertThat(filingReminders(transfer)).isOne();
    }

    long filingReminders(long transfer) {
        return jdbc.sql("select count(*) from notification where kind = 'LAND_FILING_LATE' and subject_key = :s")
                .param("s", "land_transfer:" + transfer).query(Long.class).single();
    }

    @Test
    void aTaskIsOverdueFromTheChinaDayAfterItsDueDate() throws Exception {
        LocalDate due = LocalDate.of(2027, 6, 30);
        lateOn(due);
        String title = "县日督办计划" + SEQ.incrementAndGet();
        byte[] sheet;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet();
            Row head = s.createRow(0);
            for (int i = 0; i < PlanWorkbook.HEADERS.size(); i++) {
                head.createCell(i).setCellValue(PlanWorkbook.HEADERS.get(i));
            }
            String[] task = {"1", "完成县乡村三级服务网络摸底", "高平市发展改革和科技局", "", "2027-01-01", due.toString(), "1",
                    "推进中", "60", ""};
            Row row = s.createRow(1);
            for (int i = 0; i < task.length; i++) {
                row.createCell(i).setCellValue(task[i]);
            }
            book.write(out);
            sheet = out.toByteArray();
        }
        String created = mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet))
                .param("title", title).param("year", "2027").with(csrf()).with(user(u("demo-supervision"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long plan = JsonMapper.builder().build().readTree(created).get("id").asLong();
        assertThat(overdueTasks(plan)).isZero();
        justAfter(due);
        assertThat(overdueTasks(plan)).isOne();
    }

    int overdueTasks(long plan) throws Exception {
        String body = mvc.perform(get("/api/plans").with(user(u("demo-supervision")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (JsonNode n : JsonMapper.builder().build().readTree(body)) {
            if (n.get("id").asLong() == plan) {
                return n.get("overdue").asInt();
            }
        }
        throw new AssertionError("plan " + plan + " not listed");
    }
}
