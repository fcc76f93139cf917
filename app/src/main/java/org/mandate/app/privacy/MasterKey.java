package org.mandate.app.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The key that wraps every person's key. Given as 32 bytes in Base64 by {@code mandate.privacy.master-key} (from
 * the environment or a secret store, never stored beside the data). Without one, a key is generated once into the
 * database ({@code privacy_dev_master_key}), where every node of a cluster finds the same one: enough for the
 * embedded demo and for tests, unsafe for production, since whoever reads the database reads the key with it. A
 * warning says so at every start. See docs/privacy.md.
 */
final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    static SecretKey of(String configured, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "mandate.privacy.master-key");
        }
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String stored = own.execute(status -> {
            List<String> found = jdbc.queryForList("select key_base64 from privacy_dev_master_key where id = 1",
                    String.class);
            return found.isEmpty() ? null : found.get(0);
        });
        if (stored == null) {
            try {
                String made = Base64.getEncoder().encodeToString(generate().getEncoded());
                own.executeWithoutResult(status -> jdbc.update("insert into privacy_dev_master_key (id, key_base64, "
                        + "created_at) values (1, ?, ?)", made, Timestamp.from(Instant.now())));
                stored = made;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                stored = jdbc.queryForObject("select key_base64 from privacy_dev_master_key where id = 1",
                        String.class);
            }
        }
        LOG.warn("mandate.privacy.master-key is not set: personal data is encrypted under a development master key "
                + "kept in the database itself, which is unsafe for production (docs/privacy.md)");
        return decode(stored, "privacy_dev_master_key");
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
