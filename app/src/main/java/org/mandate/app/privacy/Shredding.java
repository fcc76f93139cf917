package org.mandate.app.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandate.app.web.People;
import org.mandate.domain.directory.PersonErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carries out an approved erasure in the approval's own transaction (the processing group is subscribing): the
 * key is destroyed and the read models' clear copies are blanked together with the event that records it, or
 * not at all. The cached key is dropped again after the commit, in case a reader loaded it in between.
 */
@Component
@ProcessingGroup(Shredding.NAME)
class Shredding {

    static final String NAME = "privacy";
    private static final Logger LOG = LoggerFactory.getLogger(Shredding.class);

    private final PersonalCipher cipher;
    private final ReadModelShredder readModels;
    private final People people;

    Shredding(PersonalCipher cipher, org.springframework.jdbc.core.JdbcTemplate jdbc, People people) {
        this.cipher = cipher;
        this.readModels = new ReadModelShredder(jdbc);
        this.people = people;
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
