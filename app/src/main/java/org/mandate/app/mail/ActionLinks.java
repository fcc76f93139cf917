package org.mandate.app.mail;

import org.mandate.app.web.voice.Messages;
import org.mandate.domain.request.Outcome;
import org.mandate.projections.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Decide-from-the-mail links: what the link may do (this person, this step, this outcome, until then) is in the
 * link itself, signed with HMAC-SHA256 under a key made once and kept in the database, so every node checks every
 * link and nothing about a link needs storing until it is used. A used link is recorded with the decision it made,
 * so it works once.
 */
class ActionLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** What a link lets its person do. */
    record Link(String id, String person, String requestId, String stepId, Outcome outcome, Instant expires) {
    }

    /** Why a link does nothing, in words for the page: under {@code key} in the mail bundle, the message in English. */
    static final class Refused extends RuntimeException {
        private final String key;
        private final Object[] args;

        Refused(String key, Object... args) {
            super(Messages.english(key, args));
            this.key = key;
            this.args = args;
        }

        /** The sentence in the page's language. */
        String message() {
            return Messages.of(key, args);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile byte[] key;

    ActionLinks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String sign(Link link) {
        String payload = String.join("|", "v1", link.id(), link.person(), link.requestId(), link.stepId(),
                link.outcome().name(), Long.toString(link.expires().getEpochSecond()));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(body) + "." + ENCODE.encodeToString(mac(body));
    }

    /** The link's terms if it is genuine and not expired; otherwise {@link Refused} with why. */
    Link verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        byte[] body;
        byte[] signature;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            body = DECODE.decode(parts[0]);
            signature = DECODE.decode(parts[1]);
        } catch (IllegalArgumentException notOurs) {
            throw new Refused("mailact.refused.notOurs");
        }
        if (!MessageDigest.isEqual(mac(body), signature)) {
            throw new Refused("mailact.refused.changed");
        }
        String[] terms = new String(body, StandardCharsets.UTF_8).split("\\|");
        if (terms.length != 7 || !terms[0].equals("v1")) {
            throw new Refused("mailact.refused.version");
        }
        Link link = new Link(terms[1], terms[2], terms[3], terms[4], Outcome.valueOf(terms[5]),
                Instant.ofEpochSecond(Long.parseLong(terms[6])));
        if (!clock.instant().isBefore(link.expires())) {
            throw new Refused("mailact.refused.expired", String.valueOf(link.expires()));
        }
        return link;
    }

    /** When the link was used, or null. */
    Instant usedAt(Link link) {
        return jdbc.query("select used_at from mail_link_use where link_id = ?", (row, n) -> Rows.instant(row,
                "used_at"), link.id()).stream().findFirst().orElse(null);
    }

    /**
     * Records the use, in the transaction of the decision it made ({@link MailLinkUses}); a link used already breaks
     * the key ({@link DuplicateKeyException}), which rolls that decision back.
     */
    void recordUse(String linkId, String person, Outcome outcome, Instant at) {
        jdbc.update("insert into mail_link_use (link_id, person_id, outcome, used_at) values (?, ?, ?, ?)", linkId,
                person, outcome.name(), Rows.timestamp(at));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", unavailable);
        }
    }

    /** The signing key: read once; made on first use, the first node to insert it wins. */
    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            String stored = jdbc.queryForList("select secret from mail_link_key where key_id = ?", String.class, "v1")
                    .stream().findFirst().orElse(null);
            if (stored == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    jdbc.update("insert into mail_link_key (key_id, secret) values (?, ?)", "v1",
                            Base64.getEncoder().encodeToString(fresh));
                } catch (DuplicateKeyException anotherNodeWasFirst) {
                    // read theirs below
                }
                stored = jdbc.queryForObject("select secret from mail_link_key where key_id = ?", String.class, "v1");
            }
            current = Base64.getDecoder().decode(stored);
            key = current;
        }
        return current;
    }
}
