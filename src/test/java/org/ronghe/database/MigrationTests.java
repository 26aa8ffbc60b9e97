package org.ronghe.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MigrationTests {

    @Autowired
    Flyway flyway;
    @Autowired
    JdbcClient jdbc;

    @Test
    void allMigrationsAppliedOnPostgres() {
        assertThat(flyway.info().all()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void everyBusinessTableCarriesCountyCode() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""")
                .query(String.class).list();
        assertThat(tables).contains("region", "department", "department_alias", "app_user", "audit_event");
        List<String> withoutCounty = jdbc.sql("""
                select t.table_name from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and t.table_name <> 'flyway_schema_history'
                  and not exists (select 1 from information_schema.columns c
                                  where c.table_schema = 'public' and c.table_name = t.table_name
                                    and c.column_name = 'county_code' and c.is_nullable = 'NO')""")
                .query(String.class).list();
        assertThat(withoutCounty).as("tables without a NOT NULL county_code").isEmpty();
    }
}
