package org.ronghe;

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
public class RongheApplication {

    /**
     * Starts the platform. With no {@code spring.datasource.url} the embedded PostgreSQL is started first.
     *
     * @param args Spring Boot command-line arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(RongheApplication.class, args);
    }
}
