package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

/** 流转合同: drafted from a transfer (L06 identity check), confirmed by both parties, then fixed by the database. */
@IntegrationTest
class TransferContractTests {

    static final String C = "140581";
    static final String COLLECTIVE = "14058120322380";

    @Autowired
    LandRegistry registry;
    @Autowired
    TransferService transfers;
    @Autowired
    TransferContracts contracts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void l06_l07_aContractIsDraftedConfirmedByBothAndThenCannotChange() {
        String body = "14058119660606111";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n" + COLLECTIVE + ",良户村八十组," + COLLECTIVE
                + "0001,赵大," + body + IdentityNumbers.idCheck(body) + ",4,HTLH80,1998-10-01,2028-09-30,否," + COLLECTIVE
                + "00001,庙前地,6.50,耕地,否,路,沟,李地,河\n");
        long transfer = transfers.record(C, new TransferService.Draft("出租", "高平市绿源农业有限公司", "ENTERPRISE",
                LocalDate.of(2026, 3, 1), LocalDate.of(2028, 2, 29), "GRAIN", new BigDecimal("650"),
                List.of(new TransferService.Share(COLLECTIVE + "00001", new BigDecimal("6.50")))), "test").id();

        assertThatThrownBy(() -> contracts.draft(C, transfer, new TransferContracts.Terms("91350100M000100Y44", "ANNUAL",
                BigDecimal.ZERO, "ARBITRATION"), "test")).isInstanceOf(InvalidInputException.class).hasMessageContaining("L06");
        contracts.draft(C, transfer, new TransferContracts.Terms("91350100M000100Y43", "ANNUAL", new BigDecimal("3000"),
                "ARBITRATION"), "test");
        Map<String, Object> draft = contracts.get(C, transfer);
        assertThat(draft.get("model")).isEqualTo("GF-2021-2606");
        assertThat((String) draft.get("text")).contains("第二条 流转土地", "地块编码 " + COLLECTIVE + "00001", "6.50 亩",
                "每亩每年人民币 650.00 元", "风险保障金人民币 3000 元", "统一社会信用代码 91350100M000100Y43", "仲裁");
        assertThat((String) draft.get("text")).doesNotContain(body);
        String hash = (String) draft.get("sha256");

        assertThatThrownBy(() -> contracts.confirm(C, transfer, "TRANSFEROR", "0".repeat(64), "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已改动");
        assertThat(contracts.confirm(C, transfer, "TRANSFEROR", hash, "test")).isFalse();
        assertThatThrownBy(() -> contracts.confirm(C, transfer, "TRANSFEROR", hash, "test")).isInstanceOf(ErrorResponseException.class);
        assertThat(contracts.confirm(C, transfer, "TRANSFEREE", hash, "test")).isTrue();

        assertThatThrownBy(() -> contracts.draft(C, transfer, new TransferContracts.Terms("91350100M000100Y43", "ONE_OFF",
                BigDecimal.ZERO, "COURT"), "test")).isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> jdbc.sql("update land_transfer_contract set text = 'x' where transfer_id = :t")
                .param("t", transfer).update()).isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("delete from land_transfer_contract where transfer_id = :t").param("t", transfer).update();
        assertThat(contracts.get(C, transfer).get("sha256")).isEqualTo(hash);
        assertThat(contracts.get(C, transfer).get("signed")).isEqualTo(true);
    }
}
