package org.mandate.app.mail;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SetEmail;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What the mail and chat tests share. The demo school is shared by every test, so a test hires people of its own,
 * each with an address, and finds its mail and posts by them; and a test can move the outbox back before an event,
 * as a crash would, to see that it sends nothing twice.
 */
abstract class OutboxIntegrationTest extends MandateIntegrationTest {

    @Autowired
    protected CommandGateway commands;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected TokenStore tokens;
    @Autowired
    protected TransactionManager transactions;

    /** A head of department of the test's own, under vera with authority 2000; see {@link #hireHeadAndTeacher}. */
    protected String head;
    /** A teacher under {@link #head}. */
    protected String teacher;

    /** Hires a new head and teacher, named {@code <prefix>head-<8 hex>} and {@code <prefix>teacher-<same>}. */
    protected void hireHeadAndTeacher(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        head = prefix + "head-" + suffix;
        teacher = prefix + "teacher-" + suffix;
        join(head, "vera", Authority.upTo(2_000));
        join(teacher, head, Authority.none());
    }

    /** A new person with the address {@code <id>@school.example} and the password "demo". */
    protected void join(String id, String manager, Authority authority) {
        join(id, id, manager, Set.of(), authority);
        commands.sendAndWait(new SetEmail(PersonId.of(id), id + "@school.example", PersonId.of("ivy")));
    }

    /** The outbox reads the event {@code eventId} and all after it again: its token moves back before it. */
    protected void replayOutboxFrom(String eventId) {
        long position = jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, eventId);
        StreamingEventProcessor outbox = processing.eventProcessor(MailOutbox.NAME, StreamingEventProcessor.class)
                .orElseThrow();
        outbox.shutDown();
        transactions.executeInTransaction(() -> tokens.storeToken(GapAwareTrackingToken.newInstance(position - 1,
                List.of()), MailOutbox.NAME, 0));
        outbox.start();
    }

    protected ReceivedMail awaitMail(String person, String subjectPart) {
        return awaitMailAt(person + "@school.example", subjectPart);
    }

    protected ReceivedMail awaitMailAt(String address, String subjectPart) {
        return await(address + " receives ‘" + subjectPart + "’").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ReceivedMail.to(MAIL, address).stream()
                        .filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null),
                        found -> found != null);
    }

    protected static String csrf(String page) {
        return PageSession.csrfIn(page);
    }
}
