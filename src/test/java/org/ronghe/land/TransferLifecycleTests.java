package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ronghe.problem.Refusal;

/**
 * The rules of ../shared/domain/land.md around signing and after it (L01, L07, L10, L12–L17), each with a passing
 * and a failing case, named by rule id. Every test has its own collective of 川起村 (140581101203), which no other
 * test uses: parcel 00001 is 3.25 亩 of cultivated land, 00002 is 60 亩 (above the deposit threshold of 50 亩).
 */
@IntegrationTest
class TransferLifecycleTests {

    @Autowired
    TestClock clock;

    static final String C = "140581";
    static final AtomicInteger GROUPS = new AtomicInteger(10);
    static final String COOP_PREFIX = "高平市川起粮食种植专业合作社";
    static final String COOP_CODE = "91350100M000100Y43";

    @Autowired
    LandRegistry registry;
    @Autowired
    TransferService transfers;
    @Autowired
    TransferContracts contracts;
    @Autowired
    TransferLifecycle lifecycle;
    @Autowired
    Disputes disputes;
    @Autowired
    Rents rents;
    @Autowired
    FilingWatch watch;
    @Autowired
    JdbcClient jdbc;

    String collective;
    String household;
    /** A transferee of this test only, so that its areas (L09, L10) do not add up with other tests'. */
    String coop;
    LocalDate today;

    @BeforeEach
    void registry() {
        today = clock.today();
        collective = "140581101203" + GROUPS.getAndIncrement();
        coop = COOP_PREFIX + collective.substring(12) + "号";
        household = collective + "0001";
        String head = "14058119700101" + (100 + GROUPS.get());
        String row = collective + ",川起村测试组," + household + ",陈一," + head + IdentityNumbers.idCheck(head) + ",3,HT" + collective
                + ",1998-10-01,2028-09-30,否,";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n"
                + row + collective + "00001,东沟地,3.25,耕地,否,,,,\n"
                + row + collective + "00002,大平地,60.00,耕地,否,,,,\n");
    }

    long record(String parcel, String area, LocalDate start, LocalDate end) {
        return record(coop, "出租", parcel, area, start, end, null);
    }

    long record(String transferee, String form, String parcel, String area, LocalDate start, LocalDate end,
                TransferService.Mandate mandate) {
        return transfers.record(C, new TransferService.Draft(form, transferee, "COOPERATIVE", start, end, "GRAIN",
                new BigDecimal("600"), List.of(new TransferService.Share(collective + parcel, new BigDecimal(area))), null, mandate),
                "test").id();
    }

    void sign(long transfer, BigDecimal deposit, String holder) {
        contracts.draft(C, transfer, new TransferContracts.Terms(COOP_CODE, "ANNUAL", deposit, "ARBITRATION", holder), "test");
        String hash = (String) contracts.get(C, transfer).get("sha256");
        contracts.confirm(C, transfer, "TRANSFEROR", hash, "test");
        assertThat(contracts.confirm(C, transfer, "TRANSFEREE", hash, "test")).isTrue();
    }

    static void refusedFor(Runnable r, String rule) {
        assertThatThrownBy(r::run).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).byField().values()).anyMatch(m -> m.startsWith(rule)));
    }

    static void conflictFor(Runnable r, String text) {
        assertThatThrownBy(r::run).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).getBody().getDetail()).contains(text));
    }

    TransferService.Mandate mandate(List<String> households, LocalDate from, LocalDate until, LocalDate householdSigned) {
        return new TransferService.Mandate("川起村股份经济合作社", "代为发布流转信息、洽谈并签订流转合同", "代为签订合同，不含收取租金",
                from, until, households, householdSigned, today.minusDays(3));
    }

    @Test
    void l01_someoneElseTransfersOnlyOnAComplete_signed_currentWrittenMandate() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        refusedFor(() -> record(coop, "出租", "00001", "3", start, end,
                mandate(List.of(household), today.minusYears(2), today.minusYears(1), today.minusYears(2))), "L01");
        refusedFor(() -> record(coop, "出租", "00001", "3", start, end,
                mandate(List.of(household), today.minusDays(5), today.plusYears(1), null)), "L01");
        refusedFor(() -> record(coop, "出租", "00001", "3", start, end,
                mandate(List.of(collective + "0002"), today.minusDays(5), today.plusYears(1), today.minusDays(5))), "L01");
        assertThat(jdbc.sql("select count(*) from land_transfer_parcel tp join land_parcel p on p.id = tp.parcel_id where p.code = :c")
                .param("c", collective + "00001").query(Long.class).single()).isZero();

        long id = record(coop, "出租", "00001", "3", start, end,
                mandate(List.of(household), today.minusDays(5), today.plusYears(1), today.minusDays(5)));
        assertThat(jdbc.sql("select agent from land_mandate where transfer_id = :t").param("t", id).query(String.class).single())
                .isEqualTo("川起村股份经济合作社");
        // the household itself needs no mandate
        assertThat(record("00002", "60", start, end)).isPositive();
    }

    @Test
    void l07_onlyASignedWrittenContractIsFiled_exceptCaretakingOfOneYearOrLess() {
        long lease = record("00001", "3", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        conflictFor(() -> transfers.file(C, lease, today, "test"), "L07");
        sign(lease, BigDecimal.ZERO, null);
        transfers.file(C, lease, today, "test");

        long shortCare = record(coop, "代耕", "00002", "60", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null);
        transfers.file(C, shortCare, today, "test");
        long longCare = record(coop, "代耕", "00002", "60", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30), null);
        conflictFor(() -> transfers.file(C, longCare, today, "test"), "L07");
    }

    @Test
    void l10_aDepositIsRequiredAboveTheThresholdAndReleasedOnceAfterTheEnd() {
        long big = record("00002", "60", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        refusedFor(() -> contracts.draft(C, big, new TransferContracts.Terms(COOP_CODE, "ANNUAL", BigDecimal.ZERO, "COURT"), "test"),
                "L10");
        refusedFor(() -> contracts.draft(C, big, new TransferContracts.Terms(COOP_CODE, "ANNUAL", new BigDecimal("6000"), "COURT"),
                "test"), "L10");
        // below the threshold none is required (another transferee: the same one's 3 亩 would count with its 60)
        long small = record(coop + "（二）", "出租", "00001", "3", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), null);
        contracts.draft(C, small, new TransferContracts.Terms(COOP_CODE, "ANNUAL", BigDecimal.ZERO, "COURT"), "test");

        sign(big, new BigDecimal("6000"), "高平市米山镇农村经营管理站");
        assertThat((String) contracts.get(C, big).get("text")).contains("风险保障金人民币 6000 元，由高平市米山镇农村经营管理站保管");
        refusedFor(() -> lifecycle.releaseDeposit(C, big, "TRANSFEREE", today, "期满退还", "test"), "L10");
        lifecycle.terminate(C, big, "AGREEMENT", "双方协商一致提前解除", LocalDate.of(2026, 6, 30), "test");
        lifecycle.releaseDeposit(C, big, "TRANSFEREE", LocalDate.of(2026, 7, 1), "解除后无违约，全额退还", "test");
        assertThat(contracts.get(C, big).get("deposit_released_to")).isEqualTo("TRANSFEREE");
        conflictFor(() -> lifecycle.releaseDeposit(C, big, "TRANSFEREE", LocalDate.of(2026, 7, 2), "再退", "test"), "已于 2026-07-01");
        conflictFor(() -> lifecycle.releaseDeposit(C, small, "TRANSFEREE", today, "", "test"), "L10");
    }

    @Test
    void l12_reTransferAndPledgeNeedTheHouseholdsWrittenConsentAndFiling() {
        long id = record("00002", "60", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        conflictFor(() -> lifecycle.recordOnward(C, id, new TransferLifecycle.Onward("MORTGAGE", "高平农商银行",
                LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), new BigDecimal("200000"), today.minusDays(10),
                today.minusDays(2)), "test"), "L12");
        sign(id, new BigDecimal("6000"), "高平市米山镇农村经营管理站");
        refusedFor(() -> lifecycle.recordOnward(C, id, new TransferLifecycle.Onward("RE_TRANSFER", "某家庭农场",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), null, null, today), "test"), "L12");
        refusedFor(() -> lifecycle.recordOnward(C, id, new TransferLifecycle.Onward("MORTGAGE", "高平农商银行",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), new BigDecimal("200000"), today.minusDays(10), null), "test"), "L12");
        refusedFor(() -> lifecycle.recordOnward(C, id, new TransferLifecycle.Onward("RE_TRANSFER", "某家庭农场",
                LocalDate.of(2026, 3, 1), LocalDate.of(2029, 12, 31), null, today.minusDays(10), today), "test"), "L12");
        lifecycle.recordOnward(C, id, new TransferLifecycle.Onward("MORTGAGE", "高平农商银行", LocalDate.of(2026, 3, 1),
                LocalDate.of(2027, 2, 28), new BigDecimal("200000"), today.minusDays(10), today.minusDays(2)), "test");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> onward = (List<Map<String, Object>>) lifecycle.of(C, id).get("onward");
        assertThat(onward).singleElement().satisfies(o -> {
            assertThat(o.get("kind")).isEqualTo("MORTGAGE");
            assertThat((BigDecimal) o.get("amount_yuan")).isEqualByComparingTo("200000");
        });
    }

    @Test
    void l13_theHouseholdEndsItAloneOnlyOnALegalGround_andTheParcelIsFreeFromTheNextDay() {
        long id = record("00001", "3", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        sign(id, BigDecimal.ZERO, null);
        refusedFor(() -> lifecycle.terminate(C, id, "WANTS_LAND_BACK", "承包方想收回自种", LocalDate.of(2026, 6, 30), "test"), "L13");
        assertThatThrownBy(() -> lifecycle.terminate(C, id, "ABANDONED", " ", LocalDate.of(2026, 6, 30), "test"))
                .isInstanceOf(InvalidInputException.class);
        // the day after the end is still taken
        assertThatThrownBy(() -> record("00001", "3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)))
                .isInstanceOf(Refusal.class);

        lifecycle.terminate(C, id, "CHANGED_USE", "受让方在流转耕地上建设厂房，村委会 2026 年 5 月现场核实", LocalDate.of(2026, 6, 30), "test");
        assertThat(lifecycle.of(C, id).get("terminatedOn")).isEqualTo("2026-06-30");
        // the rent falling due after the end is dropped; the paid history stays
        assertThat(rents.of(C, id, today)).extracting(r -> r.get("due_on")).containsExactly(LocalDate.of(2026, 1, 1));
        assertThat(record("某家庭农场", "出租", "00001", "3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), null)).isPositive();
        conflictFor(() -> lifecycle.terminate(C, id, "AGREEMENT", "再解除", LocalDate.of(2026, 6, 1), "test"), "已于 2026-06-30 解除");
    }

    @Test
    void l14_rentIsPaidOnlyToTheHouseholdsOwnAccount() {
        long id = record("00001", "3", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        sign(id, BigDecimal.ZERO, null);
        long first = ((Number) rents.of(C, id, today).get(0).get("id")).longValue();
        assertThatThrownBy(() -> rents.pay(C, id, first, new BigDecimal("1000"), LocalDate.of(2026, 1, 5), collective, "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("L14");
        assertThatThrownBy(() -> rents.pay(C, id, first, new BigDecimal("1000"), LocalDate.of(2026, 1, 5), null, "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("L14");
        rents.pay(C, id, first, new BigDecimal("1800"), LocalDate.of(2026, 1, 5), household, "test");
        assertThat((BigDecimal) rents.of(C, id, today).get(0).get("paid_yuan")).isEqualByComparingTo("1800");
        assertThat(jdbc.sql("""
                select h.code from land_rent_payment p join land_household h on h.id = p.payee_household_id
                join land_rent_due d on d.id = p.due_id where d.transfer_id = :t""").param("t", id).query(String.class).single())
                .isEqualTo(household);
    }

    @Test
    void l15_aTermOfFiveYearsOrMoreIsToldItMayBeRegistered() {
        TransferService.Outcome five = transfers.record(C, new TransferService.Draft("出租", coop, "COOPERATIVE",
                LocalDate.of(2023, 10, 1), LocalDate.of(2028, 9, 30), "GRAIN", new BigDecimal("600"),
                List.of(new TransferService.Share(collective + "00001", new BigDecimal("3")))), "test");
        assertThat(five.notices()).singleElement().satisfies(n -> assertThat(n).startsWith("L15"));
        TransferService.Outcome four = transfers.record(C, new TransferService.Draft("出租", coop, "COOPERATIVE",
                LocalDate.of(2024, 10, 2), LocalDate.of(2028, 9, 30), "GRAIN", new BigDecimal("600"),
                List.of(new TransferService.Share(collective + "00002", new BigDecimal("60")))), "test");
        assertThat(four.notices()).isEmpty();
        assertThat(lifecycle.of(C, five.id()).get("notices")).isEqualTo(five.notices());
    }

    @Test
    void l16_theIncumbentRenewsOnEqualTermsOrDeclinesBeforeTheLandGoesToSomeoneElse() {
        long first = record("00001", "3", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        refusedFor(() -> record("某家庭农场", "出租", "00001", "3", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), null), "L16");
        long renewal = lifecycle.renewal(C, first, true, LocalDate.of(2027, 12, 31), new BigDecimal("650"), "test");
        assertThat(jdbc.sql("select transferee_name || ' ' || start_date from land_transfer where id = :id").param("id", renewal)
                .query(String.class).single()).isEqualTo(coop + " 2026-01-01");
        conflictFor(() -> lifecycle.renewal(C, first, false, null, null, "test"), "L16");

        long other = record("00002", "60", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        refusedFor(() -> record("某家庭农场", "出租", "00002", "60", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null), "L16");
        assertThat(lifecycle.renewal(C, other, false, null, null, "test")).isNull();
        assertThat(record("某家庭农场", "出租", "00002", "60", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null)).isPositive();
    }

    @Test
    void l17_disputesKeepTheirStatutoryDeadlines() {
        long id = record("00001", "3", LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31));
        long late = disputes.open(C, id, "TRANSFEROR", "受让方拖欠 2022 年租金", LocalDate.of(2023, 1, 1), "test");
        refusedFor(() -> disputes.step(C, late, "ARBITRATION_ACCEPTED", LocalDate.of(2025, 3, 1), "test"), "L17");
        disputes.step(C, late, "ARBITRATION_ACCEPTED", LocalDate.of(2024, 6, 1), "test");
        assertThat(disputes.of(C, id).get(0).get("deadline")).isEqualTo("2024-07-31");
        refusedFor(() -> disputes.step(C, late, "AWARDED", LocalDate.of(2024, 8, 15), "test"), "L17");
        disputes.step(C, late, "AWARD_EXTENDED", LocalDate.of(2024, 7, 20), "test");
        conflictFor(() -> disputes.step(C, late, "AWARD_EXTENDED", LocalDate.of(2024, 7, 21), "test"), "仲裁中");
        disputes.step(C, late, "AWARDED", LocalDate.of(2024, 8, 15), "test");
        assertThat(disputes.of(C, id).get(0).get("deadline")).isEqualTo("2024-09-14");
        refusedFor(() -> disputes.step(C, late, "FINAL", LocalDate.of(2024, 9, 10), "test"), "L17");
        refusedFor(() -> disputes.step(C, late, "SUED", LocalDate.of(2024, 9, 20), "test"), "L17");
        disputes.step(C, late, "FINAL", LocalDate.of(2024, 9, 20), "test");
        assertThat(disputes.of(C, id).get(0).get("stageLabel")).isEqualTo("裁决生效");
        assertThat(disputes.of(C, id).get(0).get("deadline")).isNull();

        // the bureau hears once when the two years to apply for arbitration are about to run out
        long near = disputes.open(C, id, "TRANSFEREE", "地块四至争议", today.minusYears(2).plusDays(3), "test");
        watch.run(today);
        watch.run(today);
        assertThat(jdbc.sql("select count(*) from notification where kind = 'LAND_DISPUTE_DEADLINE' and subject_key = :k")
                .param("k", "land_dispute:" + near + ":MEDIATION").query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> disputes.open(C, id, "NEIGHBOUR", "", null, "test")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKeys("raisedBy", "summary", "knownOn"));
    }

    @Test
    void anUnsignedTransferIsWithdrawnAndNeverLive_aSignedOneIsNot_andTheContractNamesTheMandate() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        long mistaken = record("00001", "3", start, end);
        lifecycle.terminate(C, mistaken, "WITHDRAWN", "录入有误", null, "test");
        assertThat(jdbc.sql("select isempty(period) from land_transfer_parcel where transfer_id = :t").param("t", mistaken)
                .query(Boolean.class).single()).isTrue();
        conflictFor(() -> contracts.draft(C, mistaken, new TransferContracts.Terms(COOP_CODE, "ANNUAL", BigDecimal.ZERO, "COURT"),
                "test"), "撤销");
        conflictFor(() -> transfers.file(C, mistaken, today, "test"), "撤销");

        long id = record(coop, "出租", "00001", "3", start, end,
                mandate(List.of(household), today.minusDays(5), today.plusYears(1), today.minusDays(5)));
        sign(id, BigDecimal.ZERO, null);
        assertThat((String) contracts.get(C, id).get("text")).contains("甲方书面委托川起村股份经济合作社办理本合同");
        conflictFor(() -> lifecycle.terminate(C, id, "WITHDRAWN", "想撤销", null, "test"), "不能撤销");
        refusedFor(() -> lifecycle.terminate(C, id, "ABANDONED", "弃耕", LocalDate.of(2026, 6, 30), "test"), "L13");
    }

    @Test
    void rentInWheatIsValuedAtTheMinimumPurchasePriceAndRisesAsAgreed() {
        jdbc.sql("update land_contract set extension_recorded = true where contract_no = :n").param("n", "HT" + collective).update();
        long id = record("00002", "10", LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31));
        java.util.function.Function<TransferContracts.Terms, Runnable> draft = t -> () -> contracts.draft(C, id, t, "test");
        refusedFor(draft.apply(new TransferContracts.Terms(COOP_CODE, "ANNUAL", BigDecimal.ZERO, "COURT", null, "WHEAT", null,
                null, null)), "实物租金");
        refusedFor(draft.apply(new TransferContracts.Terms(COOP_CODE, "ONE_OFF", BigDecimal.ZERO, "COURT", null, "CASH", null,
                2, new BigDecimal("10"))), "一次性");
        refusedFor(draft.apply(new TransferContracts.Terms(COOP_CODE, "ANNUAL", BigDecimal.ZERO, "COURT", null, "CORN", null,
                null, null)), "计价方式");
        contracts.draft(C, id, new TransferContracts.Terms(COOP_CODE, "ANNUAL", BigDecimal.ZERO, "COURT", null, "WHEAT",
                new BigDecimal("400"), 2, new BigDecimal("10")), "test");
        String text = (String) contracts.get(C, id).get("text");
        // 2026's price is not listed yet: the latest listed year (2025, 1.19 元/斤) stands in
        assertThat(text).contains("每亩每年小麦 400 斤", "2025 年为每斤 1.19 元，折合每亩每年 476.00 元", "自第 3 年起每 2 年递增 10%");
        String hash = (String) contracts.get(C, id).get("sha256");
        contracts.confirm(C, id, "TRANSFEROR", hash, "test");
        contracts.confirm(C, id, "TRANSFEREE", hash, "test");
        // 400 斤 × 1.19 元 × 10 亩 = 4760.00 a year, and 10 % more from the third year
        assertThat(rents.of(C, id, today)).extracting(r -> ((BigDecimal) r.get("amount_yuan")).toPlainString())
                .containsExactly("4760.00", "4760.00", "5236.00", "5236.00");
    }

    @Test
    void aSignedTransferNotYetBegunEndsByAgreementWithoutEverBeingLive() {
        LocalDate start = today.plusMonths(2);
        long id = record("00001", "3", start, start.plusYears(1));
        sign(id, BigDecimal.ZERO, null);
        refusedFor(() -> lifecycle.terminate(C, id, "CHANGED_USE", "未开始即改变用途", today, "test"), "");
        lifecycle.terminate(C, id, "AGREEMENT", "双方协商，合同开始前解除", today, "test");
        assertThat(jdbc.sql("select isempty(period) from land_transfer_parcel where transfer_id = :t").param("t", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(lifecycle.of(C, id).get("terminatedOn")).isEqualTo(start.minusDays(1).toString());
    }
}
