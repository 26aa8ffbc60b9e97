package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 流转统计 on a township no other test uses (河西镇 140581106, 宰李村 group 01): shares and rent quartiles. */
@IntegrationTest
class LandStatisticsTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";
    static final String COLLECTIVE = "14058110620301";
    static final String TOWNSHIP = "河西镇";

    @Autowired
    LandRegistry registry;
    @Autowired
    TransferService transfers;
    @Autowired
    LandStatistics statistics;
    @Autowired
    TransferContracts contracts;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;

    @Test
    void sharesComeFromTheLiveTransfersAndRentQuartilesFromTheFiledContracts() throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", LandRegistry.HEADERS)).append('\n');
        for (int h = 1; h <= 4; h++) {
            String body = "1405811980010" + (1000 + h);
            String id = body + IdentityNumbers.idCheck(body);
            csv.append(COLLECTIVE).append(",宰李村一组,").append(COLLECTIVE).append("000").append(h).append(",户主").append(h)
                    .append(',').append(id).append(",3,HTZL").append(h).append(",1998-10-01,2058-09-30,是,")
                    .append(COLLECTIVE).append("0000").append(h).append(",地").append(h).append(",10,耕地,否,,,,\n");
        }
        registry.importCsv(C, csv.toString());
        String[] rents = {"400", "500", "600", "1000"};
        String[] uses = {"GRAIN", "GRAIN", "VEGETABLE", "GRAIN"};
        for (int h = 1; h <= 4; h++) {
            long id = transfers.record(C, new TransferService.Draft(h == 4 ? "入股" : "出租", "受让方" + h, h == 3 ? "ENTERPRISE" : "COOPERATIVE",
                    LocalDate.of(2027, 3, 1), LocalDate.of(2031, 2, 28), uses[h - 1], new BigDecimal(rents[h - 1]),
                    List.of(new TransferService.Share(COLLECTIVE + "0000" + h, new BigDecimal(h == 1 ? "5" : "10")))), "test").id();
            contracts.draft(C, id, new TransferContracts.Terms("91350100M000100Y43", "ANNUAL", BigDecimal.ZERO, "COURT"), "test");
            String hash = (String) contracts.get(C, id).get("sha256");
            contracts.confirm(C, id, "TRANSFEROR", hash, "test");
            contracts.confirm(C, id, "TRANSFEREE", hash, "test");
            transfers.file(C, id, clock.today(), "test");
        }
        // a transfer recorded but not filed is live land, but its rent is no filed price
        transfers.record(C, new TransferService.Draft("出租", "受让方5", "COOPERATIVE", LocalDate.of(2032, 3, 1),
                LocalDate.of(2033, 2, 28), "GRAIN", new BigDecimal("9000"),
                List.of(new TransferService.Share(COLLECTIVE + "00001", new BigDecimal("5")))), "test");
        LocalDate on = LocalDate.of(2028, 1, 1);
        Map<String, Object> township = statistics.byTownship(C, on).stream()
                .filter(r -> "140581106".equals(r.get("unit"))).findFirst().orElseThrow();
        assertThat((BigDecimal) township.get("registered")).isEqualByComparingTo("40");
        assertThat((BigDecimal) township.get("transferred")).isEqualByComparingTo("35");
        assertThat((BigDecimal) township.get("share")).isEqualByComparingTo("87.50");
        // before the transfers begin nothing is live
        assertThat((BigDecimal) statistics.byTownship(C, LocalDate.of(2027, 2, 28)).stream()
                .filter(r -> "140581106".equals(r.get("unit"))).findFirst().orElseThrow().get("transferred")).isEqualByComparingTo("0");

        Map<String, Object> rent = statistics.rents(C).stream()
                .filter(r -> "140581106".equals(r.get("township")) && ((Number) r.get("year")).intValue() == 2027)
                .findFirst().orElseThrow();
        assertThat(((Number) rent.get("transfers")).intValue()).isEqualTo(4);
        assertThat((BigDecimal) rent.get("median")).isEqualByComparingTo("550.00");
        assertThat((BigDecimal) rent.get("p25")).isEqualByComparingTo("475.00");
        assertThat((BigDecimal) rent.get("p75")).isEqualByComparingTo("700.00");
        assertThat(statistics.rents(C)).noneMatch(r -> "140581106".equals(r.get("township"))
                && ((Number) r.get("year")).intValue() == 2032);

        mvc.perform(get("/api/land/statistics").param("on", "2028-01-01").with(user(accounts.find("demo-leader").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byTownship[?(@.unit == '140581106')].share").value(org.hamcrest.Matchers.hasItem(87.5)));
        // the page and its workbook show the same figures, with the township's name
        var leader = user(accounts.find("demo-leader").orElseThrow());
        mvc.perform(get("/land/statistics").param("on", "2028-01-01").with(leader)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("87.50"),
                                org.hamcrest.Matchers.containsString("475.00"))));
        byte[] xlsx = mvc.perform(get("/land/statistics.xlsx").param("on", "2028-01-01").with(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("说明").getRow(1).getCell(0).getStringCellValue()).contains("2028-01-01");
            var townships = book.getSheet("按乡镇");
            var row = java.util.stream.IntStream.rangeClosed(1, townships.getLastRowNum()).mapToObj(townships::getRow)
                    .filter(r -> r.getCell(0).getStringCellValue().equals(TOWNSHIP)).findFirst().orElseThrow();
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(40.0);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(35.0);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(87.5);
            var rentSheet = book.getSheet("租金");
            assertThat(java.util.stream.IntStream.rangeClosed(1, rentSheet.getLastRowNum()).mapToObj(rentSheet::getRow))
                    .anySatisfy(r -> {
                        assertThat(r.getCell(0).getStringCellValue()).isEqualTo(TOWNSHIP);
                        assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(2027.0);
                        assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(550.0);
                    });
        }
        // the import template is a workbook with the import's own header row
        byte[] template = mvc.perform(get("/land/registry-template.xlsx").with(leader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            var head = book.getSheetAt(0).getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo(LandRegistry.HEADERS.get(0));
            assertThat(head.getCell(LandRegistry.HEADERS.size()).getStringCellValue()).isEqualTo(LandRegistry.BOUNDARY);
        }
        mvc.perform(get("/api/land/ledger").param("township", "140581106").with(leader))
                .andExpect(jsonPath("$[0].form_label").exists()).andExpect(jsonPath("$[0].status_label").value("有效"));
        mvc.perform(get("/api/land/statistics").param("on", "明年").with(user(accounts.find("demo-leader").orElseThrow())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
    }

    /**
     * Every township's transferred area on a day equals what its ledger (台账) says: the transfers live that day (from
     * their first day to their last, or to an early end), whatever other tests and the demo have recorded.
     */
    @Test
    void theStatisticsAgreeWithTheLedgerInEveryTownship() {
        for (LocalDate on : List.of(clock.today(), LocalDate.of(2026, 6, 30),
                LocalDate.of(2028, 1, 1))) {
            for (Map<String, Object> t : statistics.byTownship(C, on)) {
                BigDecimal fromLedger = transfers.ledger(C, (String) t.get("unit")).stream().filter(r -> {
                    LocalDate end = r.get("terminated_on") != null ? (LocalDate) r.get("terminated_on") : (LocalDate) r.get("end_date");
                    return !on.isBefore((LocalDate) r.get("start_date")) && !on.isAfter(end);
                }).map(r -> (BigDecimal) r.get("area")).reduce(BigDecimal.ZERO, BigDecimal::add);
                org.assertj.core.api.Assertions.assertThat((BigDecimal) t.get("transferred")).as("%s on %s", t.get("unit"), on)
                        .isEqualByComparingTo(fromLedger);
            }
        }
    }
}
