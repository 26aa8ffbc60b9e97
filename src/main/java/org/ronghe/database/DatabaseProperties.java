package org.ronghe.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform's data storage, bound from {@code ronghe.*}.
 *
 * @param dataDir   directory holding all persistent local data; the embedded database lives in {@code dataDir/pg}
 *                  (default {@code ./data}, relative to the working directory)
 * @param embedded  settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set
 */
@ConfigurationProperties("ronghe")
public record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Embedded embedded) {

    /**
     * Embedded PostgreSQL settings.
     *
     * @param port      TCP port on 127.0.0.1; {@code 0} picks a free port at every start
     * @param ephemeral when {@code true} the database lives in a fresh temporary directory that is deleted on
     *                  shutdown (used by the test suite); otherwise it persists in {@code dataDir/pg}
     * @param database  name of the database created for the platform
     */
    public record Embedded(@DefaultValue("0") int port, @DefaultValue("false") boolean ephemeral,
                           @DefaultValue("ronghe") String database) {
    }

    /** @return the directory of the embedded PostgreSQL cluster ({@code dataDir/pg}) */
    public Path embeddedClusterDir() {
        return dataDir.resolve("pg");
    }
}
