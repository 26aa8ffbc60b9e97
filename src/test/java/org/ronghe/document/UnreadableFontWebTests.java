package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ronghe.IntegrationTest;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.ronghe.land.IdentityNumbers;
import org.ronghe.land.LandRegistry;
import org.ronghe.land.TransferContracts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform with {@code ronghe.font.fangsong} pointing at a file that does not exist: it starts (one WARN line
 * naming the setting), reports the font in {@code /actuator/health} without going DOWN, refuses 公文 PDF/OFD, the
 * print preview and the contract PDF with 503 and a Chinese reason naming the setting (a page for browsers,
 * problem+json for the API and for images), and still gives DOCX. Its own application context, closed after the
 * class, so the setting reaches no other test.
 */
@IntegrationTest
@TestPropertySource(properties = "ronghe.font.fangsong=" + UnreadableFontWebTests.MISSING)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class UnreadableFontWebTests {

    static final String MISSING = "/nonexistent/ronghe-test-fonts/fzfs.ttf";
    static final String SETTING = "ronghe.font.fangsong";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    LandRegistry registry;
    @Autowired
    TransferContracts contracts;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void replyPdfOfdAndPreviewAreRefusedNamingTheSettingWhileDocxIsGiven(CapturedOutput output) throws Exception {
        assertThat(output.getAll().lines().filter(l -> l.contains("WARN") && l.contains(SETTING)))
                .as("one WARN line at start-up naming the setting and the file").singleElement().asString()
                .contains(MISSING);

        CurrentUser office = accounts.find("demo-office").orElseThrow();
        String letter;
        try (var in = getClass().getResourceAsStream("/letters/seed-gaoping-2025-85.txt")) {
            letter = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String imported = mvc.perform(multipart("/api/replies/import").file(new MockMultipartFile("files", "seed.txt",
                        "text/plain", letter.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user(office)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = json.readTree(imported).get(0).get("replyId").asLong();

        for (String format : List.of("pdf", "ofd")) {
            HttpResponse<String> api = get("/api/replies/" + id + "/document?format=" + format, "demo-office",
                    "application/json");
            assertProblem(api, 503);
            assertThat(json.readTree(api.body()).get("title").asString()).isEqualTo("暂时无法提供");
            assertThat(json.readTree(api.body()).get("detail").asString()).contains(SETTING, "仿宋", "DOCX");

            HttpResponse<String> page = get("/replies/" + id + "/document." + format, "demo-office", "text/html");
            assertPage(page);
        }
        assertPage(get("/replies/" + id + "/print", "demo-office", "text/html"));
        assertProblem(get("/replies/" + id + "/pages/1.png", "demo-office", "image/avif,image/webp,*/*"), 503);

        HttpResponse<byte[]> docx = http.send(request("/api/replies/" + id + "/document?format=docx", "demo-office",
                "*/*"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.body()).startsWith('P', 'K');
        assertThat(get("/replies/" + id + "/document.docx", "demo-office", "text/html").statusCode()).isEqualTo(200);
        assertThat(get("/replies/" + id, "demo-office", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void theContractPdfIsRefusedNamingTheSettingWhileTheWordCopyIsGiven() throws Exception {
        String collective = "14058120322381";
        String body = "14058119700707121";
        registry.importCsv("140581", String.join(",", LandRegistry.HEADERS) + "\n" + collective + ",良户村八十一组,"
                + collective + "0001,钱二," + body + IdentityNumbers.idCheck(body) + ",3,HTLH81,1998-10-01,2028-09-30,否,"
                + collective + "00001,井边地,4.00,耕地,否,,,,\n");
        var agri = user(accounts.find("demo-unit-agri").orElseThrow());
        String location = mvc.perform(post("/land/transfers").with(csrf()).with(agri)
                        .param("parcels", collective + "00001:4").param("form", "出租").param("transfereeName", "孙家庭农场")
                        .param("transfereeKind", "FAMILY_FARM").param("start", "2026-04-01").param("end", "2027-03-31")
                        .param("landUse", "GRAIN").param("rent", "580"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/land/transfers/");
        String person = "14058119850505323";
        mvc.perform(post(location + "/contract").with(csrf()).with(agri)
                .param("transfereeId", person + IdentityNumbers.idCheck(person)).param("payment", "ANNUAL")
                .param("deposit", "0").param("dispute", "COURT"));
        long id = Long.parseLong(location.substring("/land/transfers/".length()));
        assertThat(contracts.get("140581", id)).containsKey("sha256");

        assertPage(get(location + "/contract.pdf", "demo-unit-agri", "text/html"));
        assertProblem(get(location + "/contract.pdf", "demo-unit-agri", "application/pdf"), 503);
        HttpResponse<byte[]> docx = http.send(request(location + "/contract.docx", "demo-unit-agri", "text/html"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.body()).startsWith('P', 'K');
    }

    @Test
    void healthShowsTheFontsDegradedWithoutTakingThePlatformDown() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null, "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode h = json.readTree(health.body());
        assertThat(h.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(h.get("components").get("fonts").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(h.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness", null, "application/json").statusCode()).isEqualTo(200);

        HttpResponse<String> fonts = get("/actuator/health/font-settings", null, "application/json");
        assertThat(fonts.statusCode()).isEqualTo(200);
        JsonNode roles = json.readTree(fonts.body()).get("components").get("fonts").get("details");
        assertThat(roles.get("fangsong").get("status").asString()).isEqualTo("UNUSABLE");
        assertThat(roles.get("fangsong").get("source").asString()).isEqualTo("configured");
        assertThat(roles.get("fangsong").get("problem").asString()).contains(SETTING, "文件不存在");
        assertThat(roles.get("kaiti").get("status").asString()).isEqualTo("UP");
        assertThat(roles.get("kaiti").get("family").asString()).isEqualTo("Ronghe Kai");
        assertThat(fonts.body()).doesNotContain(MISSING);
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains(SETTING).doesNotContain("Exception", MISSING);
    }

    private static void assertPage(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains(SETTING, "仿宋", "DOCX").doesNotContain("Exception", MISSING);
    }

    private HttpResponse<String> get(String path, String account, String accept) throws Exception {
        return http.send(request(path, account, accept), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String path, String account, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
        if (account != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((account + ":ronghe-demo").getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }
}
