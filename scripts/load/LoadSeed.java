import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

/** Runs scripts/load/seed.sql against the embedded database of a load-test run: LoadSeed <port> <password>. */
public class LoadSeed {
    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of(args[2]));
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[0] + "/ronghe", "postgres", args[1]);
             var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
