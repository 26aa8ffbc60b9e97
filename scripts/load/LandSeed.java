import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs scripts/load/land-match-seed.sql against the embedded database of a load-test run:
 * LandSeed <port> <password> <land.key> <sql>. The registry keeps heads' identity numbers encrypted with the instance's
 * key (land.IdentityVault: AES-256-GCM, nonce first, and an HMAC-SHA-256 fingerprint), so the seeded households get
 * one invented number encrypted the same way, as session settings bench.head_id_cipher and bench.head_id_hash, and
 * the registry pages can show it. Prints the rows of every query in the file, tab-separated.
 */
public class LandSeed {
    public static void main(String[] args) throws Exception {
        byte[] key = Base64.getDecoder().decode(Files.readString(Path.of(args[2])).strip());
        String body = "14058119700101999"; // invented: born 1970-01-01, sequence 999
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        String id = body + "10X98765432".charAt(sum % 11);
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 32, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = c.doFinal(id.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, 32, 32, "HmacSHA256"));
        String hash = HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        String cipher = HexFormat.of().formatHex(nonce) + HexFormat.of().formatHex(sealed);

        String sql = Files.readString(Path.of(args[3]));
        try (var conn = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[0] + "/ronghe", "postgres", args[1]);
             var s = conn.createStatement()) {
            s.execute("set bench.head_id_cipher = '" + cipher + "'; set bench.head_id_hash = '" + hash + "'");
            boolean rows = s.execute(sql);
            while (true) {
                if (rows) {
                    try (var rs = s.getResultSet()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int i = 1; i <= n; i++) {
                                line.append(i > 1 ? "\t" : "").append(rs.getString(i));
                            }
                            System.out.println(line);
                        }
                    }
                } else if (s.getUpdateCount() == -1) {
                    break;
                }
                rows = s.getMoreResults();
            }
        }
    }
}
