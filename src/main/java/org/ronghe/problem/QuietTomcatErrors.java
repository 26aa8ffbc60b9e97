package org.ronghe.problem;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before they reach the application (a malformed request line, illegal characters or
 * escapes in the path, oversized headers) get the same kind of answer as everything else: problem+json for
 * {@code /api/**}, a short Chinese page otherwise; never exception text or the server version.
 */
@Component
class QuietTomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                host.getPipeline().addValve(new ChineseErrorReportValve());
            }
        });
    }

    /** Writes the Chinese report; replaces Tomcat's English one. */
    static final class ChineseErrorReportValve extends ErrorReportValve {

        ChineseErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getRequestURI();
            if (uri == null && request.getCoyoteRequest() != null) {
                uri = String.valueOf(request.getCoyoteRequest().requestURI());
            }
            boolean api = uri != null && uri.startsWith("/api/");
            String title = ProblemTitles.title(status);
            String detail = ProblemTitles.explanation(status);
            try {
                response.setCharacterEncoding("UTF-8");
                response.setContentType(api ? "application/problem+json" : "text/html");
                PrintWriter writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                if (api) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
                } else {
                    writer.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>融合 · "
                            + title + "</title></head><body><h1>" + title + " " + status + "</h1><p>" + detail
                            + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: nothing more can be said
            }
        }
    }
}
