package org.ronghe.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external database is configured: neither {@code spring.datasource.url} nor its
 * environment-variable form {@code SPRING_DATASOURCE_URL} is set.
 */
public class EmbeddedDatabaseCondition implements Condition {

    /** Name of the property whose absence selects the embedded database. */
    public static final String URL_PROPERTY = "spring.datasource.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
    }
}
