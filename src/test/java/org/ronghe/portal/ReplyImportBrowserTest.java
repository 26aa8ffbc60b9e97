package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronghe.IntegrationTest;

/**
 * CPPCC office staff import the seed letter through the UI in the system Chromium: upload, review the extracted
 * fields beside the highlighted letter, confirm, and find proposal TA0010 of 九三学社高平市支社 with its reply, four
 * commitment groups and its figures.
 */
@IntegrationTest
class ReplyImportBrowserTest extends ChromiumTest {

    @Test
    void importTheSeedLetterThroughTheUi(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("高发改发2025-85.txt");
        try (var in = getClass().getResourceAsStream("/letters/seed-gaoping-2025-85.txt")) {
            Files.write(seed, in.readAllBytes());
        }
        Page page = signedIn("demo-office");

        page.locator("nav.mainnav").getByText("公文").click();
        page.getByText("导入答复函").click();
        page.setInputFiles("#files", seed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提取要素")).click();

        assertThat(page.locator("h1")).hasText("核对答复函要素");
        assertThat(page.locator("input[name=docNumber]")).hasValue("高发改发〔2025〕85号");
        assertThat(page.locator("input[name=proposalNumber]")).hasValue("TA0010");
        assertThat(page.locator("mark[title='发文字号']")).hasText("高发改发〔2025〕85号");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认导入")).click();
        assertThat(page.locator(".notice").last()).containsText("导入");
        page.getByText("查看答复函").click();

        assertThat(page.locator("#proposal-number")).hasText("TA0010");
        assertThat(page.locator("#proposer")).hasText("九三学社高平市支社");
        assertThat(page.locator("#commitment-count")).hasText("4");
        assertThat(page.locator("#figures")).containsText("57.90");
        assertThat(page.locator("#figures")).containsText("199.3");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "rendered", "imported-reply.png"))
                .setFullPage(true));
        page.close();
    }
}
