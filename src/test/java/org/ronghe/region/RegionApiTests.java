package org.ronghe.region;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RegionApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void countyListsItsFifteenTownships() throws Exception {
        mvc.perform(get("/api/regions/140581000000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("140581000000"))
                .andExpect(jsonPath("$.name").value("高平市"))
                .andExpect(jsonPath("$.level").value("county"))
                .andExpect(jsonPath("$.parentCode").value("140500000000"))
                .andExpect(jsonPath("$.children", hasSize(15)))
                .andExpect(jsonPath("$.children[0].name").value("北城街道"))
                .andExpect(jsonPath("$.children[*].level", hasItem("township")));
    }

    @Test
    void townshipListsItsNineteenVillagesIncludingLianghu() throws Exception {
        mvc.perform(get("/api/regions/140581203000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("township"))
                .andExpect(jsonPath("$.parentCode").value("140581000000"))
                .andExpect(jsonPath("$.children", hasSize(19)))
                .andExpect(jsonPath("$.children[?(@.code == '140581203223')].name").value("良户村委会"))
                .andExpect(jsonPath("$.children[?(@.code == '140581203223')].level").value("village"));
    }

    @Test
    void villageHasNoChildren() throws Exception {
        mvc.perform(get("/api/regions/140581203223"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("良户村委会"))
                .andExpect(jsonPath("$.parentCode").value("140581203000"))
                .andExpect(jsonPath("$.children", hasSize(0)));
    }

    @Test
    void unknownCodeIs404ProblemJson() throws Exception {
        mvc.perform(get("/api/regions/140581999000"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("区划不存在"));
    }

    @Test
    void malformedCodeIs400ProblemJsonNamingTheField() throws Exception {
        for (String bad : new String[] {"abc", "14058100000", "1405810000000", "14058100000x"}) {
            mvc.perform(get("/api/regions/" + bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("code"));
        }
    }

    @Test
    void defaultCountyHasAllUnitsOfTheNbsEdition(@Autowired RegionDirectory directory) throws Exception {
        org.assertj.core.api.Assertions.assertThat(directory.count("140581", RegionLevel.TOWNSHIP)).isEqualTo(15);
        org.assertj.core.api.Assertions.assertThat(directory.count("140581", RegionLevel.VILLAGE)).isEqualTo(338);
    }
}
