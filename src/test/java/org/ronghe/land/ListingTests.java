package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.account.UserAccounts;
import org.ronghe.problem.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** 供需发布与匹配: supply and demand listings, the ranking with its reasons, and what never matches. */
@IntegrationTest
class ListingTests {

    static final String C = "140581";
    static final AtomicInteger GROUPS = new AtomicInteger(40);

    @Autowired
    LandRegistry registry;
    @Autowired
    Listings listings;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;

    /** Registers a household of 良户村 (原村乡 140581203) with one 耕地 parcel of {@code area} 亩; @return its collective code. */
    String household(String area, boolean basicFarmland) {
        String collective = "140581203223" + GROUPS.getAndIncrement();
        String body = "14058119700101" + (100 + GROUPS.get());
        String row = collective + ",良户村第" + collective.substring(12) + "组," + collective + "0001,王户主,"
                + body + IdentityNumbers.idCheck(body) + ",3,HT" + collective + ",1998-10-01,2028-09-30,是,";
        registry.importCsv(C, String.join(",", LandRegistry.HEADERS) + "\n" + row + collective + "00001,大田," + area
                + ",耕地," + (basicFarmland ? "是" : "否") + ",,,,\n");
        return collective;
    }

    long offer(String collective, int years, String rent, List<String> uses) {
        return listings.offer(C, new Listings.Supply(collective + "0001", false, List.of(collective + "00001"), "出租", years,
                new BigDecimal(rent), uses), "test");
    }

    @Test
    void aDemandIsMatchedToSupplyRankedWithReasons() {
        String near = household("60", false);
        String small = household("12", false);
        String orchardOnFarmland = household("55", true);
        long good = offer(near, 10, "600", List.of("GRAIN", "VEGETABLE"));
        long tooSmall = offer(small, 5, "900", List.of("GRAIN"));
        long restricted = offer(orchardOnFarmland, 10, "500", List.of("ORCHARD"));
        long demand = listings.seek(C, new Listings.Demand("高平市丰收种植专业合作社", "COOPERATIVE", List.of("140581203"),
                new BigDecimal("50"), new BigDecimal("100"), "CULTIVATED", "VEGETABLE", 10, new BigDecimal("700")), "test");
        List<Listings.Match> ranked = listings.match(C, demand).stream()
                .filter(m -> List.of(good, tooSmall, restricted).contains(m.supplyId())).toList();
        // vegetables are not among the small listing's uses, and no orchard or fish pond may go on basic farmland
        assertThat(ranked).extracting(Listings.Match::supplyId).containsExactly(good);
        assertThat(ranked.get(0).reasons()).anyMatch(r -> r.startsWith("面积 60.00 亩在所需 50.00–100.00 亩之内：30"));
        assertThat(ranked.get(0).score()).isGreaterThanOrEqualTo(92);

        long grainDemand = listings.seek(C, new Listings.Demand("李家庭农场", "FAMILY_FARM", List.of("140581203"),
                new BigDecimal("50"), new BigDecimal("100"), "CULTIVATED", "GRAIN", 10, new BigDecimal("700")), "test");
        List<Listings.Match> grain = listings.match(C, grainDemand).stream()
                .filter(m -> List.of(good, tooSmall, restricted).contains(m.supplyId())).toList();
        assertThat(grain).extracting(Listings.Match::supplyId).containsExactly(good, restricted, tooSmall);
        Listings.Match last = grain.get(2);
        assertThat(last.reasons()).anyMatch(r -> r.startsWith("可流转 5 年，需要 10 年：10"));
        assertThat(last.reasons()).anyMatch(r -> r.startsWith("最低租金 900.00 元/亩/年，预算 700.00：19"));
    }

    @Test
    void theBureauPublishesSupplyAndDemandOnThePagesAndSeesTheMatches() throws Exception {
        String collective = household("30", false);
        var agri = user(accounts.find("demo-unit-agri").orElseThrow());
        mvc.perform(post("/land/supply").with(csrf()).with(agri).param("householdCode", collective + "0001")
                        .param("parcels", collective + "00001").param("form", "出租").param("termYears", "8")
                        .param("minRent", "550").param("allowedUses", "GRAIN"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("notice", "已发布供给信息"));
        String location = mvc.perform(post("/land/demand").with(csrf()).with(agri).param("transfereeName", "页面测试合作社")
                        .param("transfereeKind", "COOPERATIVE").param("townships", "140581203").param("minArea", "20")
                        .param("maxArea", "40").param("landType", "CULTIVATED").param("landUse", "GRAIN")
                        .param("termYears", "8").param("maxRent", "600"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/land/demand/");
        mvc.perform(get(location).with(agri)).andExpect(status().isOk())
                .andExpect(content().string(containsString("良户村第" + collective.substring(12) + "组")))
                .andExpect(content().string(containsString("面积 30.00 亩在所需 20.00–40.00 亩之内：30")));
        mvc.perform(post("/land/demand").with(csrf()).with(agri).param("transfereeName", "x").param("minArea", "abc")
                        .param("termYears", "99"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", containsString("未发布")));
        mvc.perform(get("/land/listings").with(user(accounts.find("demo-leader").orElseThrow()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("supply-form"))))
                .andExpect(content().string(containsString("页面测试合作社")))
                .andExpect(content().string(containsString(location)));
    }

    @Test
    void listingsAreCheckedAndTheirParcelsListedOnce() throws Exception {
        String collective = household("8", false);
        assertThatThrownBy(() -> listings.offer(C, new Listings.Supply(collective + "0001", false,
                List.of("1405812032239900001"), "出租", 5, new BigDecimal("500"), List.of("GRAIN")), "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("L01");
        assertThatThrownBy(() -> listings.offer(C, new Listings.Supply(collective + "0001", false, List.of(collective + "00001"),
                "转让", 50, new BigDecimal("-1"), List.of("FACTORY")), "test"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKeys("form", "termYears", "minRent",
                        "allowedUses"));
        offer(collective, 5, "500", List.of("GRAIN"));
        assertThatThrownBy(() -> offer(collective, 5, "500", List.of("GRAIN"))).hasMessageContaining("另一条有效的供给信息");

        mvc.perform(post("/api/land/demand").with(csrf()).with(user(accounts.find("demo-unit-agri").orElseThrow()))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"transfereeName":"某公司","transfereeKind":"ENTERPRISE","townships":["140581999"],
                                 "minArea":100,"maxArea":50,"landType":"FOREST","landUse":"GRAIN","termYears":5,"maxRent":600}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'townships')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'minArea')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'landType')]").exists());
        mvc.perform(post("/api/land/demand").with(csrf()).with(user(accounts.find("demo-unit").orElseThrow()))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(get("/public/land")).andExpect(status().isOk())
                .andExpect(content().string(containsString("原村乡")))
                .andExpect(content().string(containsString("（演示）西栗庄村02组"))) // the demo data's 入股 offer
                .andExpect(content().string(containsString("良户村第" + collective.substring(12) + "组")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("王户主"))));
    }
}
