package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A refused page tells people why, in Chinese, in the real container's error page. */
@IntegrationTest
class RefusalPageBrowserTest extends ChromiumTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProposerOpeningSomeoneElsesProposalIsToldWhy() {
        long seed = jdbc.sql("select proposal_id from reply where doc_number = '高发改发〔2025〕85号'").query(Long.class).single();
        Page proposer = signedIn("demo-proposer");
        com.microsoft.playwright.Response response = proposer.navigate(base() + "/proposals/" + seed);
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(proposer.locator("main")).containsText("只能查看本人提出或联名的提案");
        proposer.context().close();
    }
}
