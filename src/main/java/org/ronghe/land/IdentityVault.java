package org.ronghe.land;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps identity numbers encrypted at rest (PIPL art. 51: personal information protected by encryption): AES-256-GCM
 * with a random 96-bit nonce per value, and an HMAC-SHA-256 fingerprint for finding a number without decrypting.
 * The key is 32 random bytes in {@code ronghe.land.key-file} (default {@code <data-dir>/land.key}, owner-only),
 * created at the first start; back it up with the database, since without it the numbers cannot be read.
 */
@Component
public class IdentityVault {

    private static final int NONCE = 12;

    private final SecretKeySpec cipherKey;
    private final SecretKeySpec macKey;
    private final SecureRandom random = new SecureRandom();

    IdentityVault(@Value("${ronghe.land.key-file:${ronghe.data-dir:./data}/land.key}") Path keyFile) {
        byte[] key = load(keyFile);
        this.cipherKey = new SecretKeySpec(key, 0, 32, "AES");
        this.macKey = new SecretKeySpec(key, 32, 32, "HmacSHA256");
    }

    private static byte[] load(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[64];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "land", ".key");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.move(tmp, file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != 64) {
                throw new IllegalStateException("land key file must hold 64 bytes (Base64): " + file);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the land key file " + file, e);
        }
    }

    /** @return the value encrypted: nonce followed by ciphertext and tag */
    public byte[] encrypt(String value) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, cipherKey, new GCMParameterSpec(128, nonce));
            byte[] body = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + body.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(body, 0, out, NONCE, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the value {@link #encrypt} encrypted */
    public String decrypt(byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, cipherKey, new GCMParameterSpec(128, sealed, 0, NONCE));
            return new String(c.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt: wrong land key?", e);
        }
    }

    /** @return a keyed fingerprint (hex) of the value, equal for equal values */
    public String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
