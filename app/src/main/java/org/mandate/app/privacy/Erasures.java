package org.mandate.app.privacy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.directory.ApproveErasure;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.ErasureRequested;
import org.mandate.domain.directory.PersonErased;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.RequestErasure;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asking for and approving an erasure (four eyes: the aggregate refuses the same administrator twice), and where a
 * person's erasure stands, for the API and the person's admin page.
 */
@Service
public class Erasures {

    /** Where a person's erasure stands: NONE, REQUESTED (waiting for a second administrator) or ERASED. */
    public record ErasureStatus(String state, String requestedBy, String reason, Instant requestedAt,
                                String approvedBy, Instant erasedAt) {

        static final ErasureStatus NONE = new ErasureStatus("NONE", null, null, null, null, null);

        public boolean requested() {
            return state.equals("REQUESTED");
        }

        public boolean erased() {
            return state.equals("ERASED");
        }
    }

    private final CommandGateway commands;
    private final Directory directory;
    private final EventStore events;

    Erasures(CommandGateway commands, Directory directory, EventStore events) {
        this.commands = commands;
        this.directory = directory;
        this.events = events;
    }

    public void request(String person, String reason, String admin) {
        commands.sendAndWait(new RequestErasure(existing(person), PersonId.of(admin), reason));
    }

    public void approve(String person, String admin) {
        commands.sendAndWait(new ApproveErasure(existing(person), PersonId.of(admin)));
    }

    /** Read from the person's own events, so it is never behind the last request or approval. */
    public ErasureStatus status(String person) {
        PersonId id = existing(person);
        AtomicReference<ErasureStatus> status = new AtomicReference<>(ErasureStatus.NONE);
        events.readEvents(id.value()).asStream()
                .filter(message -> ErasureRequested.class.equals(message.getPayloadType())
                        || PersonErased.class.equals(message.getPayloadType()))
                .forEach(message -> {
                    if (message.getPayload() instanceof ErasureRequested asked) {
                        status.set(new ErasureStatus("REQUESTED", asked.requestedBy().value(), asked.reason(),
                                asked.requestedAt(), null, null));
                    } else if (message.getPayload() instanceof PersonErased erased) {
                        Instant asked = status.get().requestedAt();
                        status.set(new ErasureStatus("ERASED", erased.requestedBy().value(), erased.reason(), asked,
                                erased.approvedBy().value(), erased.erasedAt()));
                    }
                });
        return status.get();
    }

    private PersonId existing(String id) {
        if (id == null || id.isBlank() || directory.find(PersonId.of(id.strip())).isEmpty()) {
            throw AppRefusals.notFound("refusal.people.nobody", id);
        }
        return PersonId.of(id.strip());
    }
}
