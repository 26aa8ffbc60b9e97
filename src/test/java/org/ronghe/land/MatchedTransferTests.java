package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ronghe.problem.Refusal;

/** A transfer recorded from a matched demand and supply (川起村 group 90, used by no other test). */
@IntegrationTest
class MatchedTransferTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";
    static final String COLLECTIVE = "14058110120390";

    @Autowired
    LandRegistry registry;
    @Autowired
    Listings listings;
    @Autowired
    MatchedTransfers matched;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.ronghe.account.UserAccounts accounts;

    @Test
    void aMatchBecomesATransferOfTheWholeOfferForTheShorterTermAndClosesBothListings() {
        String head = "14058119750505123";
        String row = COLLECTIVE + ",川起村九十组," + COLLECTIVE + "0001,刘五," + head + IdentityNumbers.idCheck(head)
                + ",4,HTCQ90,1998-10-01,2028-09-30,是,";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n" + row + COLLECTIVE + "00001,北岭地,8.00,耕地,否,,,,\n"
                + row + COLLECTIVE + "00002,南岭地,6.50,耕地,否,,,,\n");
        long supply = listings.offer(C, new Listings.Supply(COLLECTIVE + "0001", false, List.of(COLLECTIVE + "00001",
                COLLECTIVE + "00002"), "出租", 8, new BigDecimal("600"), List.of("GRAIN")), "test");
        long demand = listings.seek(C, new Listings.Demand("川起粮食种植专业合作社", "COOPERATIVE", List.of("140581101"),
                new BigDecimal("10"), new BigDecimal("20"), "CULTIVATED", "GRAIN", 5, new BigDecimal("700")), "test");
        assertThat(listings.match(C, demand)).anySatisfy(m -> assertThat(m.supplyId()).isEqualTo(supply));
        // every score is the sum of the parts its reasons show
        assertThat(listings.match(C, demand)).allSatisfy(m -> assertThat(m.reasons().stream()
                .mapToInt(r -> Integer.parseInt(r.substring(r.lastIndexOf('：') + 1))).sum()).isEqualTo(m.score()));

        // within the first-refusal days (L11) only a member of the collective may take it
        assertThatThrownBy(() -> matched.record(C, demand, supply, LocalDate.of(2027, 1, 1), new BigDecimal("650"), null, "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("L11");
        // on the page the refusal is red and the row's form comes back as sent
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                            "/land/demand/" + demand + "/matches/" + supply + "/transfer")
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                    accounts.find("demo-unit-agri").orElseThrow()))
                            .param("start", "2027-01-01").param("rent", "650"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("noticeKind", "error"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("matchForm", org.hamcrest.Matchers.hasEntry("start", "2027-01-01")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("update land_supply set published_at = cast(:now as timestamptz) - interval '20 days' where id = :s").param("now", clock.dateTime()).param("s", supply).update();
        assertThatThrownBy(() -> matched.record(C, demand, supply, LocalDate.of(2027, 1, 1), new BigDecimal("599.99"), null, "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("最低要价 600.00");
        assertThatThrownBy(() -> matched.record(C, demand, supply, null, new BigDecimal("650"), null, "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("起始日期");

        long id = matched.record(C, demand, supply, LocalDate.of(2027, 1, 1), new BigDecimal("650"), null, "test").id();
        assertThat(jdbc.sql("""
                select t.transferee_name || '|' || t.transferee_kind || '|' || t.end_date || '|' || t.rent_yuan_per_mu || '|' || sum(tp.area_mu)
                from land_transfer t join land_transfer_parcel tp on tp.transfer_id = t.id where t.id = :id
                group by t.id""").param("id", id).query(String.class).single())
                .isEqualTo("川起粮食种植专业合作社|COOPERATIVE|2031-12-31|650.00|14.50");
        assertThat(jdbc.sql("select status from land_supply where id = :s").param("s", supply).query(String.class).single()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select status from land_demand where id = :d").param("d", demand).query(String.class).single()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> matched.record(C, demand, supply, LocalDate.of(2027, 1, 1), new BigDecimal("650"), null, "test"))
                .isInstanceOf(Refusal.class);
    }
}
