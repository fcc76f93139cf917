package org.mandate.app.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandate.app.web.People;
import org.mandate.domain.directory.PersonErased;
import org.mandate.domain.request.RequestDataShredded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Carries out an approved erasure, or the end of a request's retention, in the command's own transaction (the
 * processing group is subscribing): the key is destroyed and the read models' clear copies are blanked together
 * with the event that records it, or not at all. The cached key is dropped again after the commit, in case a reader
 * loaded it in between.
 */
@Component
@ProcessingGroup(Shredding.NAME)
class Shredding {

    static final String NAME = "privacy";
    private static final Logger LOG = LoggerFactory.getLogger(Shredding.class);

    private final PersonalCipher cipher;
    private final ReadModelShredder readModels;
    private final People people;
    private final RequestShredder requests;
    private final JdbcTemplate jdbc;
    private final RetentionPolicy policy;
    private final RetentionMeters meters;

    Shredding(PersonalCipher cipher, JdbcTemplate jdbc, People people, RetentionPolicy policy,
              RetentionMeters meters) {
        this.cipher = cipher;
        this.readModels = new ReadModelShredder(jdbc);
        this.people = people;
        this.requests = new RequestShredder(jdbc);
        this.jdbc = jdbc;
        this.policy = policy;
        this.meters = meters;
    }

    @EventHandler
    void on(RequestDataShredded event) {
        String request = event.requestId().toString();
        int cells = requests.shred(request);
        // the aggregate records the event once; a row already there (put by hand) is left as it is
        if (jdbc.queryForObject("select count(*) from request_shredded where request_id = ?", Integer.class,
                request) == 0) {
            jdbc.update("insert into request_shredded (request_id, category, retention, closed_at, shredded_at) "
                    + "values (?, ?, ?, ?, ?)", request, event.category(), event.retention().toString(),
                    timestamp(event.closedAt()), timestamp(event.shreddedAt()));
        }
        String subject = PersonalFields.requestSubject(request);
        cipher.destroy(subject);
        String period = policy.policyOf(event.category());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    meters.shredded(period);
                }

                @Override
                public void afterCompletion(int status) {
                    cipher.evict(subject);
                }
            });
        } else {
            meters.shredded(period);
        }
        LOG.info("Shredded request {} ({} kept {} after closing): key destroyed, {} read model cells blanked",
                request, event.category(), event.retention(), cells);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    @EventHandler
    void on(PersonErased event) {
        String person = event.personId().value();
        int cells = readModels.shred(person);
        cipher.destroy(person);
        people.forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cipher.evict(person);
                    people.forget();
                }
            });
        }
        LOG.info("Erased {}: key destroyed, {} read model cells blanked", person, cells);
    }
}
