package org.ronghe.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.ronghe.tenancy.CountySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the embedded PostgreSQL and a connection pool on it when no external database is configured
 * ({@link EmbeddedDatabaseCondition}). The pool is closed before the server stops because it depends on it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresLauncher embeddedPostgres(DatabaseProperties properties) {
        DatabaseProperties.Embedded embedded = properties.embedded();
        return EmbeddedPostgresLauncher.start(
                embedded.ephemeral() ? null : properties.embeddedClusterDir(), embedded.port(), embedded.database());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresLauncher postgres, CountySettings county) {
        HikariConfig config = new HikariConfig();
        config.setConnectionInitSql(SessionTimeZone.statement(county));
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(postgres.username());
        config.setPassword(postgres.password());
        config.setPoolName("ronghe-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
