package org.mandate.app.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * bcrypt costs tens of milliseconds of CPU per check, and HTTP Basic checks the password on every API call. This
 * remembers, for a short time, that a password matched a stored hash, so a client calling many times in a row pays
 * bcrypt once per {@code ttl}. Safe because:
 * <ul>
 *   <li>only successes are remembered: every wrong guess still costs bcrypt;</li>
 *   <li>the entry is keyed by the stored hash, so a new password (a new hash) never meets an old entry, and the
 *   user's details (roles, departure, disabled login) are still loaded and checked on every call;</li>
 *   <li>the password itself is never kept: only an HMAC of it under a random key that lives in this process's
 *   memory alone, compared in constant time;</li>
 *   <li>an entry lives {@code ttl} from its bcrypt check, however often it is used.</li>
 * </ul>
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    /** Entries are one per stored hash that matched recently; past this many the expired ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;
    private static final String HMAC = "HmacSHA256";

    private record Match(byte[] proof, Instant until) {
    }

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Match> matches = new ConcurrentHashMap<>();

    RememberedPasswordChecks(PasswordEncoder delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttl.isZero() || ttl.isNegative()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        byte[] proof = proof(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Match known = matches.get(encodedPassword);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.proof(), proof)) {
            return true;
        }
        if (!delegate.matches(rawPassword, encodedPassword)) {
            return false;
        }
        matches.put(encodedPassword, new Match(proof, now.plus(ttl)));
        if (matches.size() > SWEEP_ABOVE) {
            matches.values().removeIf(match -> !now.isBefore(match.until()));
        }
        return true;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private byte[] proof(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
