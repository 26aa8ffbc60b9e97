package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ronghe.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CPPCC office staff import the seed letter through the UI in the system Chromium: upload, review the extracted
 * fields beside the highlighted letter, confirm, and find proposal TA0010 of 九三学社高平市支社 with its reply, four
 * commitment groups and its figures.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyImportBrowserTest {

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(RegionBrowserBrowserTest.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void importTheSeedLetterThroughTheUi(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("高发改发2025-85.txt");
        try (var in = getClass().getResourceAsStream("/letters/seed-gaoping-2025-85.txt")) {
            Files.write(seed, in.readAllBytes());
        }
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("用户名").fill("demo-office");
        page.getByLabel("密码").fill("ronghe-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

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
