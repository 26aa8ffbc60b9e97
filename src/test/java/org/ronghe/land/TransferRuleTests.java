package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ronghe.problem.Refusal;

/** The transfer rules of ../shared/domain/land.md, each with a passing and a failing case, named by rule id. */
@IntegrationTest
class TransferRuleTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";
    static final AtomicInteger GROUPS = new AtomicInteger(10);

    @Autowired
    LandRegistry registry;
    @Autowired
    TransferService transfers;
    @Autowired
    JdbcClient jdbc;

    String collective;

    /** A fresh collective per test: 00001 耕地 and basic farmland 3.25 亩, 00002 园地 1.80 亩, 00003 林地 2.00 亩. */
    @BeforeEach
    void registry() {
        collective = "140581203223" + GROUPS.getAndIncrement();
        String head = "14058119650312" + (100 + GROUPS.get()) ;
        String id = head + IdentityNumbers.idCheck(head);
        String row = collective + ",良户村测试组," + collective + "0001,张三," + id + ",4,HT" + collective + ",1998-10-01,2028-09-30,否,";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n"
                + row + collective + "00001,河东地,3.25,耕地,是,,,,\n"
                + row + collective + "00002,后坡地,1.80,园地,否,,,,\n"
                + row + collective + "00003,松林地,2.00,林地,否,,,,\n");
    }

    TransferService.Draft draft(String form, String use, LocalDate start, LocalDate end, String parcel, String area) {
        return new TransferService.Draft(form, "高平市丰收种植专业合作社", "COOPERATIVE", start, end, use, new BigDecimal("600"),
                List.of(new TransferService.Share(collective + parcel, new BigDecimal(area))));
    }

    TransferService.Outcome record(TransferService.Draft d) {
        return transfers.record(C, d, "test");
    }

    static void refusedFor(Runnable r, String rule) {
        assertThatThrownBy(r::run).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).byField().values()).anyMatch(m -> m.startsWith(rule)));
    }

    @Test
    void l02_forestLandIsNotTransferredUnderTheMeasuresButGardenLandIs() {
        refusedFor(() -> record(draft("出租", "FORESTRY", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00003", "2")), "L02");
        assertThat(record(draft("出租", "ORCHARD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00002", "1.8")).id()).isPositive();
    }

    @Test
    void l03_theTermEndsWithinTheContract() {
        refusedFor(() -> record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), "00001", "3")), "L03");
        assertThat(record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 9, 30), "00001", "3")).id()).isPositive();
    }

    @Test
    void l03_aRecordedExtensionAddsThirtyYearsAndNoTermStartsBeforeTheContract() {
        jdbc.sql("update land_contract set extension_recorded = true where contract_no = :n").param("n", "HT" + collective).update();
        assertThat(record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2040, 12, 31), "00001", "3")).id()).isPositive();
        refusedFor(() -> record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2059, 12, 31), "00002", "1")), "L03");
        assertThatThrownBy(() -> record(draft("出租", "GRAIN", LocalDate.of(1990, 1, 1), LocalDate.of(1995, 12, 31), "00002", "1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("承包期的开始");
    }

    @Test
    void malformedTransfersAreRefusedAsInputNotAsConflicts() {
        String p = collective + "00001";
        for (List<TransferService.Share> shares : List.of(
                java.util.Arrays.asList((TransferService.Share) null),
                List.of(new TransferService.Share(p, new BigDecimal("1")), new TransferService.Share(p, new BigDecimal("1"))),
                List.of(new TransferService.Share(p, new BigDecimal("0.001"))))) {
            assertThatThrownBy(() -> record(new TransferService.Draft("出租", "甲", "OTHER", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), "GRAIN", new BigDecimal("600"), shares))).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> record(new TransferService.Draft("出租", "甲", "OTHER", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "GRAIN", new BigDecimal("123456789012"), List.of(new TransferService.Share(p, BigDecimal.ONE)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("租金");
    }

    @Autowired
    FilingWatch filing;
    @Autowired
    TransferContracts contracts;

    @Test
    void l08_anUnfiledTransferIsRemindedOnceAfterTheFilingDaysAndFiledOnce() {
        long id = record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3")).id();
        LocalDate today = clock.today();
        filing.run(today.plusDays(10));
        assertThat(notices(id)).isZero();
        filing.run(today.plusDays(16));
        filing.run(today.plusDays(17));
        assertThat(notices(id)).isEqualTo(1);
        // L07: filed only once the written contract is signed by both
        assertThatThrownBy(() -> transfers.file(C, id, today, "test")).isInstanceOf(Refusal.class);
        contracts.draft(C, id, new TransferContracts.Terms("91350100M000100Y43", "ANNUAL", BigDecimal.ZERO, "COURT"), "test");
        String hash = (String) contracts.get(C, id).get("sha256");
        contracts.confirm(C, id, "TRANSFEROR", hash, "test");
        contracts.confirm(C, id, "TRANSFEREE", hash, "test");
        assertThatThrownBy(() -> transfers.file(C, id, today.plusDays(1), "test")).isInstanceOf(InvalidInputException.class);
        transfers.file(C, id, today, "test");
        assertThatThrownBy(() -> transfers.file(C, id, today, "test")).isInstanceOf(Refusal.class);
        assertThat(transfers.ledger(C, "140581203")).anySatisfy(r -> {
            assertThat(((Number) r.get("id")).longValue()).isEqualTo(id);
            assertThat(r.get("filed_at")).isEqualTo(today);
            assertThat(r.get("parcels")).isEqualTo(collective + "00001");
        });
    }

    @Test
    void l16_theBureauIsToldOnceWhenATransferNearsItsEnd() {
        long id = record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3")).id();
        filing.run(LocalDate.of(2026, 9, 1));
        assertThat(expiryNotices(id)).isZero();
        filing.run(LocalDate.of(2026, 10, 15));
        filing.run(LocalDate.of(2026, 10, 16));
        assertThat(expiryNotices(id)).isEqualTo(1);
    }

    long expiryNotices(long transfer) {
        return jdbc.sql("select count(*) from notification where kind = 'LAND_TRANSFER_EXPIRING' and subject_key = :s")
                .param("s", "land_transfer:" + transfer).query(Long.class).single();
    }

    long notices(long transfer) {
        return jdbc.sql("select count(*) from notification where kind = 'LAND_FILING_LATE' and subject_key = :s")
                .param("s", "land_transfer:" + transfer).query(Long.class).single();
    }

    @Autowired
    Listings listings;

    @Test
    void l11_anOfferedParcelGoesOnlyToAMemberDuringTheFirstRefusalDays() {
        // the extension recorded, so a year's offer from any day fits the contract
        jdbc.sql("update land_contract set extension_recorded = true where contract_no = :n").param("n", "HT" + collective).update();
        long offer = listings.offer(C, new Listings.Supply(collective + "0001", false, List.of(collective + "00001"), "出租", 1,
                new BigDecimal("500"), List.of("GRAIN")), "test");
        TransferService.Draft outsider = draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3");
        refusedFor(() -> record(outsider), "L11");
        // another household of the same collective may take it at once — itself, not someone quoting its code
        String body = "14058119700202" + (200 + GROUPS.get());
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n" + collective + ",良户村测试组," + collective
                + "0002,李四," + body + IdentityNumbers.idCheck(body) + ",3,HT" + collective + "B,1998-10-01,2028-09-30,否,"
                + collective + "00004,坟前地,1.00,耕地,否,,,,\n");
        java.util.function.BiFunction<String, String, TransferService.Draft> by = (name, code) -> new TransferService.Draft(
                "出租", name, "HOUSEHOLD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "GRAIN", new BigDecimal("500"),
                List.of(new TransferService.Share(collective + "00001", new BigDecimal("3"))), code);
        refusedFor(() -> record(by.apply("张三", collective + "0001")), "L11"); // the offering household itself
        refusedFor(() -> record(by.apply("外来农业公司", collective + "0002")), "L11"); // a member's code, not the member
        assertThat(record(by.apply("李四", collective + "0002")).id()).isPositive();
        assertThat(jdbc.sql("select status from land_supply where id = :s").param("s", offer).query(String.class).single())
                .isEqualTo("CLOSED");
        // after the window an outsider may take an offered parcel
        listings.offer(C, new Listings.Supply(collective + "0001", false, List.of(collective + "00002"), "出租", 1,
                new BigDecimal("500"), List.of("GRAIN", "ORCHARD")), "test");
        jdbc.sql("update land_supply set published_at = cast(:now as timestamptz) - interval '20 days' where status = 'OPEN' and id in "
                + "(select supply_id from land_supply_parcel sp join land_parcel p on p.id = sp.parcel_id where p.code = :c)").param("now", clock.dateTime())
                .param("c", collective + "00002").update();
        assertThat(record(draft("出租", "ORCHARD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00002", "1.8")).id())
                .isPositive();
    }

    @Test
    void l04_transferAndExchangeAreNotTransfersOfTheOperatingRight() {
        refusedFor(() -> record(draft("转让", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3")), "L04");
        assertThat(record(draft("入股", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3")).id()).isPositive();
    }

    @Test
    void l05_basicFarmlandTakesNoOrchardAndCultivatedLandWarnsOfNonGrainUse() {
        refusedFor(() -> record(draft("出租", "ORCHARD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3")), "L05");
        TransferService.Outcome vegetables = record(draft("出租", "VEGETABLE", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3"));
        assertThat(vegetables.warnings()).singleElement().satisfies(w -> assertThat(w).startsWith("L05").contains("非粮化"));
        TransferService.Outcome grain = record(draft("出租", "GRAIN", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), "00001", "3"));
        assertThat(grain.warnings()).isEmpty();
        refusedFor(() -> record(draft("出租", "FACTORY", LocalDate.of(2028, 1, 1), LocalDate.of(2028, 6, 30), "00001", "3")), "L05");
    }

    @Test
    void l18_noMoreThanTheParcelAndNoOverlappingTerms() {
        refusedFor(() -> record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3.26")), "L18");
        record(draft("出租", "GRAIN", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "00001", "3.25"));
        assertThatThrownBy(() -> record(draft("出租", "GRAIN", LocalDate.of(2026, 12, 31), LocalDate.of(2027, 6, 30), "00001", "1")))
                .isInstanceOf(Refusal.class).hasMessageContaining("409")
                .satisfies(e -> assertThat(((Refusal) e).getBody().getDetail()).startsWith("L18"));
        // the next day is free: a term ends on its last day
        assertThat(record(draft("出租", "GRAIN", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "00001", "1")).id()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LAND_TRANSFER_RECORDED'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void l18_twoTransfereesRacingForOneParcelExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (String who : List.of("甲合作社", "乙家庭农场")) {
            results.add(pool.submit(() -> {
                go.await();
                return transfers.record(C, new TransferService.Draft("出租", who, "COOPERATIVE", LocalDate.of(2026, 3, 1),
                        LocalDate.of(2027, 2, 28), "GRAIN", new BigDecimal("700"),
                        List.of(new TransferService.Share(collective + "00001", new BigDecimal("3")))), "test").id();
            }));
        }
        go.countDown();
        int won = 0;
        int refused = 0;
        for (Future<Long> f : results) {
            try {
                f.get();
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(Refusal.class);
                assertThat(((Refusal) e.getCause()).getBody().getDetail()).startsWith("L18");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
    }

    /** The database alone (no check in code) keeps every parcel's live terms disjoint under random sequences. */
    @Test
    void l18_theDatabaseRefusesExactlyTheOverlappingTermsOfARandomSequence() {
        long parcel = jdbc.sql("select id from land_parcel where code = :c").param("c", collective + "00002").query(Long.class).single();
        Random random = new Random(20261129);
        List<Period> accepted = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(900));
            Period term = new Period(start, start.plusDays(1 + random.nextInt(120)));
            boolean expected = accepted.stream().noneMatch(term::overlaps);
            long transfer = jdbc.sql("""
                    insert into land_transfer (county_code, form, transferee_name, transferee_kind, start_date, end_date,
                                               land_use, rent_yuan_per_mu, recorded_by, recorded_at)
                    values ('140581', 'LEASE', '随机', 'OTHER', :s, :e, 'GRAIN', 0, 'test', :now) returning id""")
                    .param("now", clock.dateTime())
                    .param("s", term.start()).param("e", term.end()).query(Long.class).single();
            boolean stored;
            try {
                jdbc.sql("""
                        insert into land_transfer_parcel (transfer_id, parcel_id, county_code, area_mu, period)
                        values (:t, :p, '140581', 1, daterange(:s, :e))""")
                        .param("t", transfer).param("p", parcel).param("s", term.start()).param("e", term.end()).update();
                stored = true;
            } catch (DataIntegrityViolationException e) {
                stored = false;
            }
            assertThat(stored).as("term %s after %s", term, accepted).isEqualTo(expected);
            if (stored) {
                accepted.add(term);
            }
        }
        assertThat(accepted.size()).isBetween(5, 79);
    }
}
