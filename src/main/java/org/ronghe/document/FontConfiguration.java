package org.ronghe.document;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The web application's fonts: {@link FontRoles} loaded once at start-up from the settings {@code ronghe.font.<role>}
 * in the Spring environment (application properties, {@code -D} system properties, or environment variables such as
 * {@code RONGHE_FONT_FANGSONG}), else the shipped fonts.
 *
 * <p>A configured font that cannot be used is logged at start-up (one WARN line per role, naming the setting and the
 * file) and shown by the health component {@code fonts} with the status {@link #DEGRADED}: the platform stays up and
 * ready, since everything but PDF/OFD documents works (DOCX needs no font files), while monitoring sees that
 * something needs fixing. The status order in {@code application.properties} ranks it between OUT_OF_SERVICE and UP
 * and maps it to HTTP 200, so the overall status reads DEGRADED without taking the instance out of a load balancer.
 */
@Configuration(proxyBeanMethods = false)
class FontConfiguration {

    /** Health status of a platform that works but cannot draw PDF/OFD documents with the configured fonts. */
    static final Status DEGRADED = new Status("DEGRADED", "配置的字体无法使用：PDF、OFD 公文和合同 PDF 暂不能生成");

    private static final Logger log = LoggerFactory.getLogger(FontConfiguration.class);

    @Bean
    FontRoles fontRoles(Environment environment) {
        FontRoles fonts = FontRoles.load(environment::getProperty);
        for (FontRoles.Problem p : fonts.problems()) {
            log.warn("Font setting {} is unusable: {} ({}); PDF and OFD documents that need the {} font are refused "
                    + "until it is corrected or removed", p.role().setting(), p.location(), p.reason(), p.role().name());
        }
        return fonts;
    }

    /** Health component {@code fonts}: per role its setting, whether the shipped font is used, and any problem. */
    @Bean
    HealthIndicator fontsHealthIndicator(FontRoles fonts) {
        return () -> {
            Map<String, Object> roles = new LinkedHashMap<>();
            Map<FontRoles.Role, FontRoles.Problem> problems = new LinkedHashMap<>();
            fonts.problems().forEach(p -> problems.put(p.role(), p));
            for (FontRoles.Role role : FontRoles.Role.values()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("setting", role.setting());
                detail.put("source", fonts.isShipped(role) ? "shipped" : "configured");
                FontRoles.Problem problem = problems.get(role);
                if (problem == null) {
                    detail.put("status", "UP");
                    detail.put("family", fonts.family(role));
                } else {
                    detail.put("status", "UNUSABLE");
                    detail.put("problem", problem.publicMessage());
                }
                roles.put(role.name().toLowerCase(java.util.Locale.ROOT), detail);
            }
            return Health.status(problems.isEmpty() ? Status.UP : DEGRADED).withDetails(roles).build();
        };
    }
}
