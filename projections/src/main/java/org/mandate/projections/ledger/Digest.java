package org.mandate.projections.ledger;

import org.mandate.domain.Refusals;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of the chain as an auditor keeps it: {@code head} is {@code "<links>:<sha-256 hex>"}, so a digest names
 * the position it vouches for and a later verification can check that exact prefix of history.
 */
public record Digest(String head, long events, Instant at) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

    public static String head(long links, String hash) {
        return links + ":" + hash;
    }

    /** A digest an auditor kept, parsed; a malformed one is refused with the expected shape. */
    public record Kept(long links, String hash) {

        public static Kept parse(String digest) {
            Matcher matcher = FORMAT.matcher(digest == null ? "" : digest.strip().toLowerCase());
            if (!matcher.matches()) {
                throw Refusals.invalid("ledger.digest.notADigest", digest,
                        "42:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
            }
            return new Kept(Long.parseLong(matcher.group(1)), matcher.group(2));
        }
    }
}
