package org.ronghe.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests a careless or hostile client sends, through the real server (Tomcat parses URLs and multipart bodies
 * that MockMvc would not): each gets a 4xx with a Chinese page or problem+json, never a 500.
 */
@IntegrationTest
class HostileRequestTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void malformedPercentEscapesAndNulCharactersAreBadRequests() throws Exception {
        // java.net.URI refuses such URLs, so these go over a plain socket
        assertThat(raw("/api/departments/resolve?name=%ZZ", null)).startsWith("HTTP/1.1 400")
                .contains("application/problem+json").doesNotContain("Exception");
        assertThat(raw("/api/departments/resolve?name=%00", null)).startsWith("HTTP/1.1 400")
                .contains("application/problem+json");
        assertThat(raw("/api/audit?actor=%ZZ", basic("demo-admin"))).startsWith("HTTP/1.1 400");
        assertThat(raw("/login?error=%ZZ", null)).startsWith("HTTP/1.1 400").contains("请求有误")
                .doesNotContain("Exception");
        // refused by Tomcat itself, before the application: still Chinese, still no internals
        assertThat(raw("/%ZZ", null)).startsWith("HTTP/1.1 400").contains("请求有误").doesNotContain("Tomcat");
        assertThat(raw("/api/%ZZ", null)).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .doesNotContain("Tomcat");
    }

    @Test
    void malformedMultipartBodiesAreBadRequests() throws Exception {
        String body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ncode";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/regions/import"))
                .header("Authorization", basic("demo-admin"))
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 400);
    }

    @Test
    void oversizedUploadsAre413ProblemJson() throws Exception {
        byte[] big = new byte[22 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        String head = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        byte[] tail = "\r\n--XYZ--\r\n".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(big);
        out.write(tail);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/regions/import"))
                .header("Authorization", basic("demo-admin"))
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 413);
    }

    @Test
    void pagesAUserMayNotSeeGetTheChinese403Page() throws Exception {
        HttpResponse<String> r = send("/admin/audit", basic("demo-unit"), "text/html", null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("无权访问");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenExplainsThePageExpired() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo-unit&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("页面已过期").contains("CSRF");
    }

    @Test
    void anApiCallWithANonBasicAuthorizationHeaderStillNeedsCsrf() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/departments"))
                .header("Authorization", "Bearer x").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(401, 403);
    }

    @Test
    void visitorsReadingPublicPagesGetNoSession() throws Exception {
        HttpResponse<String> r = send("/", null, "text/html", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(r.headers().firstValue("Content-Language").orElse("zh-CN")).startsWith("zh");
    }

    @Test
    void theErrorPathOpenedDirectlyIsNotA200() throws Exception {
        assertThat(send("/error", null, "text/html", null).statusCode()).isEqualTo(404);
    }

    private String raw(String pathAndQuery, String authorization) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + (authorization != null ? "Authorization: " + authorization + "\r\n" : "")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> send(String path, String authorization, String accept, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":ronghe-demo").getBytes(StandardCharsets.UTF_8));
    }
}
