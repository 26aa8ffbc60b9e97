package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The land transfer path of issue 6 in the system Chromium, as the agriculture bureau's service hall does it for the
 * parties: the 确权 data of a household of 石桥口村 (米山镇) is imported, the household lists its two parcels, a
 * cooperative's demand finds them, a transfer is recorded from the match, its contract is drafted from the model text,
 * checked and confirmed by both parties, filed, and then appears on the township's ledger and on the map.
 */
@IntegrationTest
class LandPathBrowserTest extends ChromiumTest {

    @Autowired
    TestClock clock;

    static final String COLLECTIVE = "14058110120401";
    static final String HOUSEHOLD = COLLECTIVE + "0001";
    static final String COOPERATIVE = "高平市石桥口粮食种植专业合作社";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHouseholdListsTwoParcels_aCooperativeFindsThem_andTheSignedFiledContractIsOnTheLedgerAndTheMap() {
        String body = "14058119680808321";
        String row = COLLECTIVE + ",石桥口村一组," + HOUSEHOLD + ",郭满囤," + body + idCheck(body) + ",4,HTSQK01,1998-10-01,2028-09-30,是,";
        String csv = "发包方编码,发包方名称,承包方编码,承包方代表,代表身份证号,家庭成员数,承包合同编号,承包起始日期,承包截止日期,延包已登记,"
                + "地块编码,地块名称,面积（亩）,土地类型,永久基本农田,东至,南至,西至,北至,边界（GeoJSON）\n"
                + row + COLLECTIVE + "00001,西沟地,8.00,耕地,否,路,沟,张地,河," + square(112.8800) + "\n"
                + row + COLLECTIVE + "00002,东沟地,6.50,耕地,否,渠,路,李地,坡," + square(112.8810) + "\n";

        Page bureau = signedIn("demo-unit-agri");
        bureau.locator("nav.mainnav").getByText("土地流转").click();
        bureau.getByLabel("确权数据文件").setInputFiles(new FilePayload("石桥口村.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入").setExact(true)).click();
        assertThat(bureau.locator(".notice").first()).containsText("已导入 1 个发包方、1 户承包方");

        // the household lists both parcels
        bureau.navigate(base() + "/land/listings");
        bureau.locator("#householdCode").fill(HOUSEHOLD);
        bureau.locator("#sparcels").fill(COLLECTIVE + "00001、" + COLLECTIVE + "00002");
        bureau.locator("#stermYears").fill("8");
        bureau.locator("#minRent").fill("600");
        bureau.locator("#supply-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("发布")).click();
        assertThat(bureau.locator("#open-supply")).containsText("石桥口村一组");
        // the members' first-refusal days (L11) pass without a member coming forward
        jdbc.sql("update land_supply set published_at = cast(:now as timestamptz) - interval '20 days' where household_id = "
                + "(select id from land_household where code = :h)").param("now", clock.dateTime()).param("h", HOUSEHOLD).update();

        // a cooperative looks for 10–20 亩 of grain land in 米山镇 and finds them
        bureau.locator("#dname").fill(COOPERATIVE);
        bureau.getByLabel("受让方类型").selectOption("COOPERATIVE");
        bureau.locator("#dtownships").selectOption(new SelectOption().setLabel("米山镇"));
        bureau.locator("#minArea").fill("10");
        bureau.getByLabel("面积上限").fill("20");
        bureau.locator("#dtermYears").fill("5");
        bureau.locator("#maxRent").fill("700");
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布并匹配")).click();
        Locator match = bureau.locator("#matches tbody tr").filter(new Locator.FilterOptions().setHasText("石桥口村一组"));
        assertThat(match).containsText("14.50");
        assertThat(match).containsText("面积");

        // the parties agree: from next 1 January, 650 元/亩/年
        int year = clock.today().getYear() + 1;
        match.locator("input[name=start]").fill(year + "-01-01");
        match.locator("input[name=rent]").fill("650");
        match.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录流转")).click();
        assertThat(bureau.locator(".notice").first()).containsText("已按匹配记录流转");
        assertThat(bureau.locator("#transfer-fields")).containsText(year + "-01-01 至 " + (year + 4) + "-12-31");

        // the contract from the model text, checked by both parties, then confirmed by each
        bureau.locator("#transfereeId").fill("91350100M000100Y43");
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("生成合同")).click();
        Locator contract = bureau.locator("#contract pre");
        assertThat(contract).containsText("农村土地经营权出租合同");
        assertThat(contract).containsText("地块编码 " + COLLECTIVE + "00001");
        assertThat(contract).containsText("地块编码 " + COLLECTIVE + "00002");
        assertThat(contract).containsText("每亩每年人民币 650.00 元");
        assertThat(contract).not().containsText(body);
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("承包方确认")).click();
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受让方确认")).click();
        assertThat(bureau.locator("#contract")).containsText("双方已确认，文本已锁定");
        assertThat(bureau.locator("#rents")).containsText("9425.00");

        // filed with the collective, reported to the township
        bureau.locator("#on").fill(clock.today().toString());
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("备案").setExact(true)).click();
        assertThat(bureau.locator("#filing")).hasText(clock.today().toString());
        String transferUrl = bureau.url();

        bureau.navigate(base() + "/land");
        bureau.locator("#township").selectOption(new SelectOption().setLabel("米山镇"));
        bureau.locator("#ledger-filter").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("查看")).click();
        Locator ledgerRow = bureau.locator("#ledger tbody tr").filter(new Locator.FilterOptions().setHasText(COOPERATIVE));
        assertThat(ledgerRow).containsText("14.50");
        assertThat(ledgerRow).containsText(clock.today().toString());
        assertThat(bureau.locator("#ledger")).not().containsText("西栗庄村");
        ledgerRow.getByRole(AriaRole.LINK).click();
        org.assertj.core.api.Assertions.assertThat(bureau.url()).isEqualTo(transferUrl);

        // and on the map: before the term begins the parcels are free; within it both are transferred
        bureau.navigate(base() + "/land");
        bureau.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("地块分布图")).click();
        bureau.getByLabel("乡镇").selectOption(new SelectOption().setLabel("米山镇"));
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看")).click();
        assertThat(bureau.locator("#map-legend")).containsText("未流转 2 块，14.50 亩");
        bureau.getByLabel("日期").fill(year + "-06-01");
        bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看")).click();
        assertThat(bureau.locator("#land-map")).hasAttribute("data-drawn", "2");
        assertThat(bureau.locator("#map-legend")).containsText("已流转 2 块，14.50 亩");
        bureau.context().close();
    }

    /** A quoted CSV cell with a GeoJSON square of about 0.0008° at longitude {@code west}, latitude 35.85. */
    static String square(double west) {
        double east = west + 0.0008;
        String ring = "[[%1$.4f,35.8500],[%2$.4f,35.8500],[%2$.4f,35.8507],[%1$.4f,35.8507],[%1$.4f,35.8500]]"
                .formatted(west, east);
        return "\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":[" + ring + "]}\"";
    }

    /** GB 11643 check character, computed here independently of the code under test. */
    static char idCheck(String body17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
