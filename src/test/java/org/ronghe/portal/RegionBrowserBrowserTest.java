package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ronghe.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in a real browser (the system Chromium, never a downloaded one): logs in, opens the region browser,
 * picks 北城街道 and sees its villages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionBrowserBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM
                    + ": install it (apt-get install chromium) or set CHROMIUM_PATH; .ci/run installs it");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
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
    void logInOpenTheRegionBrowserAndSeeBeichengsVillages() {
        Page page = browser.newPage();
        String base = "http://localhost:" + port;

        page.navigate(base + "/login");
        page.getByLabel("用户名").fill("demo-unit");
        page.getByLabel("密码").fill("wrong");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.locator(".errors")).containsText("用户名或密码错误");

        page.getByLabel("用户名").fill("demo-unit");
        page.getByLabel("密码").fill("ronghe-demo");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.locator(".user .who")).hasText("演示·发改局承办人");

        page.locator("nav.mainnav").getByText("区划").click();
        assertThat(page.locator("h1")).containsText("高平市");
        Locator townships = page.locator("#townships tbody tr");
        assertThat(townships).hasCount(15);

        page.getByText("北城街道", new Page.GetByTextOptions().setExact(true)).click();
        Locator villages = page.locator("#villages table.villages tbody tr");
        assertThat(page.locator("#villages h2")).containsText("北城街道");
        assertThat(villages.filter(new Locator.FilterOptions().setHasText("城西社区居委会"))).hasCount(1);
        assertThat(villages.first()).containsText("140581001001");
        page.close();
    }
}
