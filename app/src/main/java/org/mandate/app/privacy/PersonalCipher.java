package org.mandate.app.privacy;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Seals and opens personal fields with their subject's key: a person's, or a request's for its texts (retention,
 * see {@link PersonalFields}). Unwrapped keys are cached per subject, so an approval
 * or a projection reading a batch costs no key query after the first event of each person; erasure evicts the
 * subject on the node that erases. Other nodes learn of it when their cached key expires ({@link #KEEP}, 30 s): a
 * node of a cluster never goes on opening an erased person's data for longer than that, at the cost of one key query
 * per person and node every 30 s. An erased subject's fields open to nothing, and new personal data about them is
 * not sealed at all but replaced by the erased text.
 */
public class PersonalCipher {

    /** Cached for a subject whose key is destroyed (or who has none although a ciphertext names them). */
    private static final Optional<SecretKey> ERASED = Optional.empty();

    private final Supplier<SecretKey> masterKey;
    private volatile SecretKey master;
    private final SubjectKeys keys;
    /** How long a node trusts a key it read (or the absence of one) before reading the table again. */
    static final Duration KEEP = Duration.ofSeconds(30);

    private record Cached(Optional<SecretKey> key, long readAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /**
     * Past this many subjects, stale entries are dropped: every request has a key of its own (retention), so without
     * a bound the cache would grow with the store. A dropped key costs one query when it is next used.
     */
    static final int MOST_CACHED = 10_000;
    private final long keepNanos;

    PersonalCipher(SecretKey master, SubjectKeys keys) {
        this(() -> master, keys, KEEP);
    }

    /** The master key is looked up on first use: a generated one lives in a table that Flyway makes first. */
    PersonalCipher(Supplier<SecretKey> master, SubjectKeys keys) {
        this(master, keys, KEEP);
    }

    PersonalCipher(Supplier<SecretKey> master, SubjectKeys keys, Duration keep) {
        this.masterKey = master;
        this.keys = keys;
        this.keepNanos = keep.toNanos();
    }

    /** The cached key while it is fresh, else null. */
    private Optional<SecretKey> cached(String subject) {
        Cached cached = cache.get(subject);
        return cached == null || System.nanoTime() - cached.readAt() >= keepNanos ? null : cached.key();
    }

    private Optional<SecretKey> remember(String subject, Optional<SecretKey> key) {
        if (cache.size() >= MOST_CACHED) {
            long now = System.nanoTime();
            cache.values().removeIf(cached -> now - cached.readAt() >= keepNanos);
            if (cache.size() >= MOST_CACHED) {
                cache.clear();
            }
        }
        cache.put(subject, new Cached(key, System.nanoTime()));
        return key;
    }

    private SecretKey master() {
        SecretKey known = master;
        if (known == null) {
            synchronized (this) {
                if (master == null) {
                    master = masterKey.get();
                }
                known = master;
            }
        }
        return known;
    }

    /** The field sealed for its subject, Base64; empty when the subject is erased. */
    public Optional<String> seal(String subject, String clear) {
        return keyForWriting(subject).map(key -> Base64.getEncoder().encodeToString(
                Aead.seal(key, clear.getBytes(StandardCharsets.UTF_8), associated(subject))));
    }

    /** The field in clear; empty when the subject's key is destroyed (or the text does not open with it). */
    public Optional<String> open(String subject, String sealed) {
        Optional<SecretKey> key = cached(subject);
        if (key == null) {
            key = remember(subject, load(subject));
        }
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] clear = Aead.open(key.get(), Base64.getDecoder().decode(sealed), associated(subject));
            return Optional.of(new String(clear, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a field that does not open reads as erased: a page or export never fails on one
            return Optional.empty();
        }
    }

    /**
     * Destroys the subject's key and forgets it here; true if a key was destroyed. The cache is emptied rather than
     * marked erased, so that a rolled back erasure leaves the key readable.
     */
    public boolean destroy(String subject) {
        boolean destroyed = keys.destroy(subject);
        cache.remove(subject);
        return destroyed;
    }

    /** Drops a cached key, so that the next use reads the table (after an erasure on another node). */
    public void evict(String subject) {
        cache.remove(subject);
    }

    /** True once the subject's key was destroyed. */
    public boolean erased(String subject) {
        return keys.find(subject).map(SubjectKeys.Stored::destroyed).orElse(false);
    }

    private Optional<SecretKey> keyForWriting(String subject) {
        Optional<SecretKey> cached = cached(subject);
        if (cached != null) {
            return cached;
        }
        Optional<SubjectKeys.Stored> stored = keys.find(subject);
        SubjectKeys.Stored key = stored.orElseGet(() -> keys.create(subject, wrap(MasterKey.generate()),
                () -> cache.remove(subject)));
        Optional<SecretKey> unwrapped = key.destroyed() ? ERASED : Optional.of(unwrap(key.wrapped()));
        return remember(subject, unwrapped);
    }

    private Optional<SecretKey> load(String subject) {
        return keys.find(subject).filter(stored -> !stored.destroyed()).map(stored -> unwrap(stored.wrapped()));
    }

    private String wrap(SecretKey key) {
        return Base64.getEncoder().encodeToString(Aead.seal(master(), key.getEncoded(), WRAP));
    }

    private SecretKey unwrap(String wrapped) {
        try {
            return new SecretKeySpec(Aead.open(master(), Base64.getDecoder().decode(wrapped), WRAP), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A person's key does not open with mandate.privacy.master-key: the "
                    + "master key is not the one the keys were made with. Start with the original master key.", e);
        }
    }

    private static final byte[] WRAP = "mandate personal key".getBytes(StandardCharsets.UTF_8);

    private static byte[] associated(String subject) {
        return subject.getBytes(StandardCharsets.UTF_8);
    }
}
