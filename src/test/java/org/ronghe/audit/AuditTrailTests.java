package org.ronghe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void recordsOnlyInsideTheCallersTransaction() {
        assertThatThrownBy(() -> trail.record("140581", "TEST", "test", "1", "测试", null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void rowsAreRolledBackWithTheirChange() {
        long before = count();
        try {
            tx.executeWithoutResult(s -> {
                trail.record("140581", "TEST_ROLLBACK", "test", "1", "回滚", null, java.util.Map.of("a", 1));
                throw new IllegalStateException("change failed");
            });
        } catch (IllegalStateException expected) {
            // the change failed, so its audit row must be gone too
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theTrailIsAppendOnly() {
        tx.executeWithoutResult(s -> trail.record("140581", "TEST_APPEND", "test", "2", "追加", null, null));
        AuditPage page = trail.find(new AuditQuery("140581", "system", "test", "2", "TEST_APPEND", 0, 10));
        assertThat(page.events()).hasSize(1);
        assertThat(page.events().get(0).actor()).isEqualTo(AuditTrail.SYSTEM_ACTOR);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set summary = 'x'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .hasMessageContaining("append-only");
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
