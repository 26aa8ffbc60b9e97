package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;


import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;

/**
 * A person in a real browser (the system Chromium, never a downloaded one): logs in, opens the region browser,
 * picks 北城街道 and sees its villages.
 */
@IntegrationTest
class RegionBrowserBrowserTest extends ChromiumTest {

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
