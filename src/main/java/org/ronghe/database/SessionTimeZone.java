package org.ronghe.database;

import com.zaxxer.hikari.HikariDataSource;
import org.ronghe.tenancy.CountySettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Sets every pooled connection's {@code TimeZone} to the county's zone ({@code ronghe.county.zone}), on the embedded
 * server and on an external one alike. The JDBC driver would otherwise pass the JVM's own zone, and then
 * {@code timestamptz::date}, {@code to_char} and {@code date_trunc} in SQL would give the machine's day instead of
 * the county's: a record made at 01:30 in Gaoping would count as the day before on a server set to UTC. With this,
 * SQL turns instants into days and times exactly as {@link java.time.Clock} of the county does in Java.
 */
@Component
class SessionTimeZone implements BeanPostProcessor {

    private final ObjectProvider<CountySettings> county;

    SessionTimeZone(ObjectProvider<CountySettings> county) {
        this.county = county;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        // the embedded pool is built started, with the statement already set (EmbeddedDatabaseConfiguration)
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            String own = pool.getConnectionInitSql();
            String set = statement(county.getObject());
            pool.setConnectionInitSql(own == null || own.isBlank() ? set : set + "; " + own);
        }
        return bean;
    }

    /** @return the statement that sets a connection's zone to the county's */
    static String statement(CountySettings county) {
        return "set time zone '" + county.zoneId().getId().replace("'", "") + "'";
    }
}
