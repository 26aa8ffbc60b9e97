package org.ronghe.account;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Turns the {@code demo} profile on for trial installations: when the embedded database is used (no
 * {@code spring.datasource.url}) and {@code ronghe.demo} is not {@code false}. With an external database the
 * profile is on only if asked for explicitly.
 */
public class DemoProfileActivator implements EnvironmentPostProcessor, Ordered {

    /** Name of the profile. */
    public static final String PROFILE = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean wanted = !"false".equalsIgnoreCase(environment.getProperty("ronghe.demo", "true"));
        if (embedded && wanted && !environment.matchesProfiles(PROFILE)) {
            environment.addActiveProfile(PROFILE);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
