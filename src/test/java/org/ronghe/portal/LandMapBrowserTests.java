package org.ronghe.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The land map in the system Chromium: a leader opens 地块分布图 from the land page, picks 三甲镇, the four demo parcels
 * are drawn in their colours without a script error, and the transferred one's popup leads to its transfer.
 */
@IntegrationTest
class LandMapBrowserTests extends ChromiumTest {

    @Autowired
    TestClock clock;

    /** Client coordinates of the middle of the pixels drawn in the transferred colour (#2e7d32 over the background). */
    static final String GREEN_CENTRE = """
            () => {
              const canvas = document.querySelector('#land-map canvas');
              const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let n = 0, sx = 0, sy = 0, drawn = 0;
              for (let i = 0; i < data.length; i += 4) {
                if (data[i + 3] > 0) drawn++;
                if (data[i + 3] > 100 && data[i] < 80 && data[i + 1] > 100 && data[i + 1] < 150 && data[i + 2] < 80) {
                  const p = i / 4; n++; sx += p % canvas.width; sy += Math.floor(p / canvas.width);
                }
              }
              const r = canvas.getBoundingClientRect();
              return n === 0 ? null : {drawn: drawn, green: n, x: r.left + sx / n * r.width / canvas.width,
                                       y: r.top + sy / n * r.height / canvas.height};
            }""";

    @Test
    void theMapDrawsTheDemoParcelsAndAPopupLeadsToTheTransfer() {
        Page page = signedIn("demo-leader");
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.location().contains("favicon")) {
                errors.add(m.text() + " " + m.location());
            }
        });
        page.locator("nav.mainnav").getByText("土地流转").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("地块分布图")).click();
        page.getByLabel("乡镇").selectOption(new SelectOption().setLabel("三甲镇"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看")).click();
        assertThat(page.locator("#land-map")).hasAttribute("data-drawn", "4");
        assertThat(page.locator("#map-status")).containsText("图上共 4 块地");
        assertThat(page.locator("#map-legend")).containsText("已流转 1 块，8.60 亩");
        assertThat(page.locator("#map-legend")).containsText("挂牌中 2 块，17.20 亩");
        assertThat(page.locator("#map-legend")).containsText("未流转 1 块，3.40 亩");

        @SuppressWarnings("unchecked")
        java.util.Map<String, Number> green = (java.util.Map<String, Number>) page.evaluate(GREEN_CENTRE);
        org.assertj.core.api.Assertions.assertThat(green).as("the transferred parcel is painted").isNotNull();
        org.assertj.core.api.Assertions.assertThat(green.get("green").intValue()).isGreaterThan(500);
        page.mouse().click(green.get("x").doubleValue(), green.get("y").doubleValue());
        assertThat(page.locator(".leaflet-popup-content")).containsText("大坪地");
        assertThat(page.locator(".leaflet-popup-content")).containsText("（演示）高平市三甲丰收种植专业合作社");
        page.locator(".leaflet-popup-content").getByText("查看流转记录").click();
        assertThat(page.locator("body")).containsText("1405811022030100001");
        org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
        page.close();
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void namesFromImportedDataAreShownAsTextNotMarkup() {
        // the outline of 陈区镇 (no other test draws there) whose name carries markup
        jdbc.sql("""
                insert into land_division_boundary (county_code, division_code, name, geometry, loaded_by, loaded_at)
                values ('140581', '140581104000', '<img id="inj" src="/x">镇', cast(:g as jsonb), 'test', :now)""")
                .param("now", clock.dateTime())
                .param("g", "{\"type\":\"Polygon\",\"coordinates\":[[[112.90,35.60],[112.91,35.60],[112.91,35.61],[112.90,35.61],[112.90,35.60]]]}")
                .update();
        Page page = signedIn("demo-leader");
        page.navigate(base() + "/land/map?township=140581104");
        assertThat(page.locator(".division-label").first()).containsText("<img id=\"inj\" src=\"/x\">镇");
        org.assertj.core.api.Assertions.assertThat(page.locator("#inj").count()).isZero();
        page.close();
    }
}
