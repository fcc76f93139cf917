package org.mandate.app.privacy;

import java.util.Optional;

/** Where the wrapped per-person keys live: a table of their own (JdbcSubjectKeys), or memory in unit tests. */
interface SubjectKeys {

    /** The stored key: empty when the subject never had one; {@code wrapped} null once it was destroyed. */
    Optional<Stored> find(String subject);

    /**
     * Stores a new key unless one was stored first (by another transaction or node): then that one is returned.
     * {@code ifUndone} runs if the new key is rolled back with the transaction that made it, so that nobody goes on
     * using a key that is not stored.
     */
    Stored create(String subject, String wrapped, Runnable ifUndone);

    /** Destroys the key for good; true if there was one to destroy. */
    boolean destroy(String subject);

    record Stored(String wrapped) {
        boolean destroyed() {
            return wrapped == null;
        }
    }
}
