package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;


import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;

/**
 * The proposal path so far, as the people involved do it in the system Chromium: a proposer submits, the CPPCC
 * office files and assigns it, the handling unit finds it in its to-do list, signs for it and drafts the reply, the
 * supervision office releases it with the unit's next 文号, and the proposal is answered.
 */
@IntegrationTest
class ProposalPathBrowserTest extends ChromiumTest {

    @Test
    void submissionToFeedbackAndThePublicPage() {
        Page proposer = signedIn("demo-proposer");
        proposer.locator("nav.mainnav").getByText("提案办理").click();
        proposer.getByText("提交提案").click();
        proposer.getByLabel("届次").selectOption(new SelectOption().setLabel("（演示）政协高平市第七届委员会第六次会议"));
        proposer.getByLabel("标题").fill("关于建设高平市农产品冷链物流中心的提案");
        proposer.getByLabel("案由与建议").fill("我市农产品外销损耗大，建议建设冷链物流中心。");
        proposer.getByLabel("类别").selectOption(new SelectOption().setLabel("农业农村"));
        proposer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true)).click();
        assertThat(proposer.locator("#status")).hasText("已提交");
        String url = proposer.url();
        proposer.context().close();

        Page office = signedIn("demo-office");
        office.navigate(url);
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立案").setExact(true)).click();
        assertThat(office.locator("#status")).hasText("已立案");
        assertThat(office.locator("#number")).containsText("TA");
        office.locator("#units").selectOption(new SelectOption().setLabel("高平市农业农村局"));
        office.locator("#assign").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("交办").setExact(true)).click();
        assertThat(office.locator("#status")).hasText("已交办");
        assertThat(office.locator("#assignments")).containsText("待签收");
        office.context().close();

        Page unit = signedIn("demo-unit-agri");
        unit.locator("nav.mainnav").getByText("待办").click();
        unit.getByText("关于建设高平市农产品冷链物流中心的提案").click();
        unit.locator("#assignments").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("签收").setExact(true)).click();
        assertThat(unit.locator("#assignments")).containsText("已签收");
        assertThat(unit.locator("#timeline")).containsText("签收");

        unit.getByLabel("答复正文（标题“一、”“（一）”各占一行）").fill("一、基本情况\n我局已将冷链物流中心列入年度计划。");
        unit.getByLabel("办理结果类别").selectOption("B");
        unit.getByLabel("签发人").fill("王局长");
        unit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核").setExact(true)).click();
        assertThat(unit.locator(".notice").first()).containsText("提交督查室审核");
        String proposalUrl = unit.url();
        unit.context().close();

        Page supervision = signedIn("demo-supervision");
        supervision.locator("nav.mainnav").getByText("答复审核").click();
        com.microsoft.playwright.Locator row = supervision.locator("#review tbody tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("关于建设高平市农产品冷链物流中心的提案"));
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("签发").setExact(true)).click();
        assertThat(supervision.locator(".notice").first()).containsText("高农发〔");
        supervision.navigate(proposalUrl);
        assertThat(supervision.locator("#status")).hasText("已答复");
        supervision.context().close();

        Page answering = signedIn("demo-proposer");
        answering.navigate(proposalUrl);
        answering.getByLabel("基本满意").check();
        answering.getByLabel("意见（不满意时必填）").fill("希望尽快开工");
        answering.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交意见").setExact(true)).click();
        assertThat(answering.locator(".notice").first()).containsText("已提交您的意见");
        assertThat(answering.locator("#feedback")).containsText("基本满意");
        answering.context().close();

        Page publishing = signedIn("demo-office");
        publishing.navigate(proposalUrl);
        publishing.getByText("查看答复函").first().click();
        publishing.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("公开此答复（隐去个人联系方式）")).click();
        assertThat(publishing.locator(".notice").first()).containsText("已公开");
        publishing.locator("nav.mainnav").getByText("统计").click();
        assertThat(publishing.locator("#by-unit")).containsText("高平市农业农村局");
        assertThat(publishing.locator("#unit-chart canvas")).hasCount(1);
        publishing.context().close();

        Page visitor = browser.newContext().newPage();
        visitor.navigate(base() + "/public/replies");
        assertThat(visitor.locator("body")).containsText("关于建设高平市农产品冷链物流中心的提案");
        visitor.context().close();
    }
}
