package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;

/**
 * First sign-in with a generated password, in the system Chromium: an administrator creates an account and reads its
 * initial password once; its user signs in, is held at the change-password page (other pages lead back there),
 * chooses a password and lands on the home page, from where the platform is open.
 */
@IntegrationTest
class FirstLoginBrowserTest extends ChromiumTest {

    @Test
    void aNewUserSignsInWithTheGeneratedPasswordAndMustChooseTheirOwn() {
        Page admin = signedIn("demo-admin");
        admin.navigate(base() + "/admin/users/new");
        admin.getByLabel("用户名").fill("browser.first");
        admin.getByLabel("姓名").fill("浏览器首登");
        admin.getByLabel("角色").selectOption(new SelectOption().setLabel("领导"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建")).click();
        assertThat(admin.locator(".notice")).containsText("已创建账号 browser.first");
        Matcher initial = Pattern.compile("初始密码：([A-Za-z0-9]{16})").matcher(admin.locator(".notice").textContent());
        org.assertj.core.api.Assertions.assertThat(initial.find()).isTrue();
        String generated = initial.group(1);
        assertThat(admin.locator("#accounts tr", new Page.LocatorOptions().setHasText("browser.first")))
                .containsText("待改密码");
        admin.context().close();

        Page user = browser.newContext().newPage();
        user.navigate(base() + "/login");
        user.getByLabel("用户名").fill("browser.first");
        user.getByLabel("密码").fill(generated);
        user.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(user).hasURL(base() + "/account/password");
        assertThat(user.locator(".notice")).containsText("首次登录或密码被重置后，请先修改密码");

        user.locator("nav.mainnav").getByText("重点任务").click();
        assertThat(user).hasURL(base() + "/account/password");

        user.getByLabel("当前密码").fill(generated);
        user.getByLabel("新密码（").fill("gaoping2025browser");
        user.getByLabel("再次输入新密码").fill("gaoping2025browser");
        user.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("修改")).click();
        assertThat(user).hasURL(base() + "/");
        assertThat(user.locator(".notice")).containsText("密码已修改");
        assertThat(user.locator(".topbar .who")).hasText("浏览器首登");

        user.locator("nav.mainnav").getByText("重点任务").click();
        assertThat(user).hasURL(base() + "/tasks");
        user.context().close();
    }
}
