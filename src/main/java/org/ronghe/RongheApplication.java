package org.ronghe;

import java.util.Arrays;

import org.ronghe.document.ReplyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Ronghe (融合): the county platform for urban–rural integration work.
 *
 * <p>A modular monolith: each top-level package under {@code org.ronghe} is one application module
 * (see {@code docs/architecture.md}); their boundaries are verified by Spring Modulith in the test suite.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class RongheApplication {

    /**
     * Starts the platform. With no {@code spring.datasource.url} the embedded PostgreSQL is started first.
     * {@code reply ...} runs the letter command line instead ({@link ReplyCommand}), without Spring, web server or
     * database, and exits with its code.
     *
     * @param args Spring Boot command-line arguments, e.g. {@code --server.port=8081}, or {@code reply parse FILE...}
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("reply")) {
            System.setProperty("logback.configurationFile", "cli-logback.xml");
            System.exit(new ReplyCommand(System.out, System.err).run(Arrays.asList(args).subList(1, args.length)));
        }
        SpringApplication.run(RongheApplication.class, args);
    }
}
