package org.mandate.app.privacy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The {@code personal_key} table. A person's new key commits in a transaction of its own: the event it was made for
 * may still roll back, but a key that another node or a later event already used must never vanish with it. A
 * request's key is made by the submission, the first event of a request id made for it, and nothing else can use it
 * before that commits: it is written in the submission's own transaction (one commit less per request, and no key
 * left behind by a submission that rolled back), and forgotten if that rolls back.
 */
class JdbcSubjectKeys implements SubjectKeys {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final TransactionTemplate joined;
    private final Clock clock;

    JdbcSubjectKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Optional<Stored> find(String subject) {
        List<Stored> found = jdbc.query("select wrapped_key from personal_key where subject = ?",
                (row, n) -> new Stored(row.getString("wrapped_key")), subject);
        return found.stream().findFirst();
    }

    @Override
    public Stored create(String subject, String wrapped, Runnable ifUndone) {
        if (subject.startsWith(PersonalFields.REQUEST_SUBJECT)) {
            // no race to catch here: the request id is new, and on PostgreSQL a failed insert would abort the
            // submission's transaction anyway, so a duplicate key fails the submission, as it should
            joined.executeWithoutResult(status -> {
                insert(subject, wrapped);
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int completion) {
                            if (completion != STATUS_COMMITTED) {
                                ifUndone.run();
                            }
                        }
                    });
                }
            });
            return new Stored(wrapped);
        }
        try {
            own.executeWithoutResult(status -> insert(subject, wrapped));
            return new Stored(wrapped);
        } catch (DuplicateKeyException raced) {
            // another node made this person's key first: use theirs
            return find(subject).orElseThrow(() -> raced);
        }
    }

    private void insert(String subject, String wrapped) {
        jdbc.update("insert into personal_key (subject, wrapped_key, created_at) values (?, ?, ?)", subject, wrapped,
                Timestamp.from(clock.instant()));
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
