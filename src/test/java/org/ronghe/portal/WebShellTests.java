package org.ronghe.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class WebShellTests {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void homeShowsTheCountyAndItsTownshipsToEveryone() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"zh-CN\""), containsString("高平市"),
                        containsString("北城街道"), containsString("338"), containsString("/webjars/htmx.org/"),
                        containsString("提案办理"), containsString("土地流转"))));
    }

    @Test
    void webjarAssetsAreServedLocally() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/echarts.min.js")).andExpect(status().isOk());
    }

    @Test
    void errorsGetAChineseErrorPageOrProblemJsonWithoutInternals() throws Exception {
        // through the real server: the container's error dispatch is not simulated by MockMvc
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        String leader = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "demo-leader:ronghe-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/no-such-page"))
                .header("Accept", "text/html").header("Authorization", leader).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(page.statusCode()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.body()).contains("页面不存在", "返回首页")
                .doesNotContain("Exception", "Whitelabel");

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/no-such-endpoint"))
                .header("Authorization", leader).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(api.statusCode()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(api.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");

        HttpResponse<String> badCode = http.send(HttpRequest.newBuilder(URI.create(base + "/regions/abc"))
                .header("Accept", "text/html").header("Authorization", leader).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(badCode.statusCode()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(badCode.body()).contains("页面不存在").doesNotContain("Exception");
    }

    @Test
    void departmentListShowsAliases() throws Exception {
        mvc.perform(get("/departments").with(user("u").roles("LEADER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("高平市发展改革和科技局"),
                        containsString("高平市发展和改革委员会"), containsString("高发改"))));
    }

    @Test
    void theLandPageLeadsToItsParts() throws Exception {
        mvc.perform(get("/land").with(user("u").roles("LEADER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>土地流转</h1>"), containsString("href=\"/land/listings\""),
                        containsString("href=\"/land/map\""), containsString("href=\"/land/statistics\""))));
    }

    @Test
    void healthReportsTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"UP\"")));
    }

    @Test
    void openApiDocumentsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("融合 Ronghe API"), containsString("/api/regions/{code}"),
                        containsString("/api/departments"))));
    }
}
