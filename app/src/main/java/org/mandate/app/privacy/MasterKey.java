package org.mandate.app.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key that wraps every person's key. Given as 32 bytes in Base64 by {@code mandate.privacy.master-key} (from
 * the environment or a secret store, never from a file next to the database). Without one, a key is generated
 * once into the data directory: enough for the embedded demo, unsafe for production (whoever copies the data
 * directory gets the key with the data, and several nodes would each make their own). See docs/privacy.md.
 */
final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    static final String DEV_FILE = "privacy-master-key.txt";

    private MasterKey() {
    }

    static SecretKey of(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "mandate.privacy.master-key");
        }
        Path file = dataDir.resolve(DEV_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Files.writeString(file, Base64.getEncoder().encodeToString(generate().getEncoded()),
                        StandardCharsets.US_ASCII);
            }
            LOG.warn("mandate.privacy.master-key is not set: personal data is encrypted with a development key kept "
                    + "in {}, which is unsafe for production (docs/privacy.md)", file.toAbsolutePath());
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development master key in " + file, e);
        }
    }

    static SecretKey generate() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }

    private static SecretKey decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not Base64: give 32 random bytes in Base64 "
                    + "(e.g. openssl rand -base64 32)", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " holds " + bytes.length + " bytes; an AES-256 master key is "
                    + "32 bytes in Base64 (e.g. openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
