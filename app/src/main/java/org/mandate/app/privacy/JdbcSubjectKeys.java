package org.mandate.app.privacy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The {@code personal_key} table. A new key commits in a transaction of its own: the event it was made for may
 * still roll back, but a key that another node or a later event already used must never vanish with it.
 */
class JdbcSubjectKeys implements SubjectKeys {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    JdbcSubjectKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Optional<Stored> find(String subject) {
        List<Stored> found = jdbc.query("select wrapped_key from personal_key where subject = ?",
                (row, n) -> new Stored(row.getString("wrapped_key")), subject);
        return found.stream().findFirst();
    }

    @Override
    public Stored create(String subject, String wrapped) {
        try {
            own.executeWithoutResult(status -> jdbc.update("insert into personal_key (subject, wrapped_key, "
                    + "created_at) values (?, ?, ?)", subject, wrapped, Timestamp.from(clock.instant())));
            return new Stored(wrapped);
        } catch (DuplicateKeyException raced) {
            return find(subject).orElseThrow(() -> raced);
        }
    }

    @Override
    public boolean destroy(String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        int destroyed = jdbc.update("update personal_key set wrapped_key = null, destroyed_at = ? "
                + "where subject = ? and wrapped_key is not null", now, subject);
        if (destroyed == 0 && find(subject).isEmpty()) {
            // a subject without personal data so far: the row still says that none may be kept from now on
            jdbc.update("insert into personal_key (subject, wrapped_key, created_at, destroyed_at) values (?, null, "
                    + "?, ?)", subject, now, now);
        }
        return destroyed > 0;
    }
}
