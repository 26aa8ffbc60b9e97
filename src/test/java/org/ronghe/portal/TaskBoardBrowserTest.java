package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;

/**
 * 重点任务督办 in the system Chromium: a department leader opens the board, sees the unit's overdue task in the demo
 * plan, files a progress report that completes it, and the county dashboard no longer lists it and shows the
 * area's new progress.
 */
@IntegrationTest
class TaskBoardBrowserTest extends ChromiumTest {

    static final String TASK = "（演示）建成县乡村三级土地流转服务平台";

    @Test
    void aLeaderReportsOnAnOverdueTaskAndTheDashboardFollows() {
        Page leader = signedIn("demo-leader-agri");
        leader.locator("nav.mainnav").getByText("总览").click();
        assertThat(leader.locator("#flagged")).containsText(TASK);

        leader.locator("nav.mainnav").getByText("重点任务").click();
        assertThat(leader.locator("#my-tasks")).containsText(TASK);
        assertThat(leader.locator("#my-tasks tr", new Page.LocatorOptions().setHasText(TASK))).containsText("已逾期");
        leader.locator("#my-tasks").getByText(TASK).click();

        leader.getByLabel("进度（%）").fill("100");
        leader.getByLabel("状态").selectOption(new SelectOption().setLabel("已完成"));
        leader.getByLabel("进展情况").fill("平台已在15个乡镇上线，村级服务点全部接入。");
        leader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("报送").setExact(true)).click();
        assertThat(leader.locator(".notice").first()).containsText("进展已报送");
        assertThat(leader.locator("#task-status")).hasText("已完成");
        assertThat(leader.locator("#reports")).containsText("平台已在15个乡镇上线");

        leader.locator("nav.mainnav").getByText("总览").click();
        assertThat(leader.locator("#flagged")).not().containsText(TASK);
        // area 1: (2 × 100 + 1 × 70) ÷ 3
        assertThat(leader.locator("#areas tr", new Page.LocatorOptions().setHasText("推动城乡生产要素自由交换和双向流动"))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("（演示）高平市城乡融合发展重点任务")))
                .containsText("90.00");
        assertThat(leader.locator("#area-chart canvas")).isVisible();
    }
}
