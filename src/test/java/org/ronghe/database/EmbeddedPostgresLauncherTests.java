package org.ronghe.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps its data across restarts and stops cleanly. */
class EmbeddedPostgresLauncherTests {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestartAndTheServerStopsOnClose() throws Exception {
        Path cluster = dir.resolve("pg");
        int port;
        try (EmbeddedPostgresLauncher pg = EmbeddedPostgresLauncher.start(cluster, 0, "ronghe")) {
            port = pg.port();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password()); Statement st = c.createStatement()) {
                st.execute("create table kept (county_code varchar(6), note text)");
                st.execute("insert into kept values ('140581', '重启后仍在')");
            }
        }
        assertThat(Files.exists(cluster.resolve("postmaster.pid"))).as("server stopped, pid file removed").isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("nothing listens any more")
                .isInstanceOf(java.io.IOException.class);

        try (EmbeddedPostgresLauncher pg = EmbeddedPostgresLauncher.start(cluster, 0, "ronghe");
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("重启后仍在");
        }
    }

    @Test
    void aSecondInstanceOnTheSameDirectoryIsRefusedAndLeavesTheFirstRunning() throws Exception {
        Path cluster = dir.resolve("shared");
        try (EmbeddedPostgresLauncher first = EmbeddedPostgresLauncher.start(cluster, 0, "ronghe")) {
            assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(cluster, 0, "ronghe"))
                    .hasMessageContaining("正被另一个正在运行的 Ronghe 实例使用");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select 1")) {
                assertThat(rs.next()).as("the first server still accepts connections").isTrue();
            }
        }
    }

    @Test
    void connectionsWithoutThePasswordAreRefused() throws Exception {
        Path cluster = dir.resolve("locked");
        try (EmbeddedPostgresLauncher pg = EmbeddedPostgresLauncher.start(cluster, 0, "ronghe")) {
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl()).close())
                    .as("no password").hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), "postgres", "guess").close())
                    .as("wrong password").hasMessageContaining("password");
            Path secret = dir.resolve("locked.secret");
            assertThat(Files.readString(secret).strip()).isEqualTo(pg.password()).hasSize(48);
            assertThat(java.nio.file.Files.getPosixFilePermissions(secret))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void refusesADatabaseNameThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(dir, 0, "x; drop"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
