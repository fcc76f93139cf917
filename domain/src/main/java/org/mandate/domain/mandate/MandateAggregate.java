package org.mandate.domain.mandate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mandate.domain.Refusals;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A standing mandate. It ends by revocation or, with no event at all, when its window closes. */
@AggregateRoot(type = "Mandate")
public class MandateAggregate {

    @AggregateIdentifier
    private MandateId id;
    private PersonId grantor;
    private PersonId holder;
    private Instant validUntil;
    private boolean revoked;

    MandateAggregate() {
        // for Axon
    }

    @CommandHandler
    public MandateAggregate(GrantMandate command, Directory directory, Mandates mandates, MandateLimits limits,
                            Clock clock) {
        Instant now = clock.instant();
        PersonId principal = new GrantPolicy(directory, mandates, limits).check(command, now);
        String reason = strip(command.reason());
        apply(new MandateGranted(command.mandateId(), command.grantor(), command.holder(), principal,
                command.passedOn(), command.scope(), command.validFrom(), command.validUntil(), reason,
                command.mayRedelegate(), now));
    }

    @CommandHandler
    void handle(RevokeMandate command, Clock clock) {
        String reason = strip(command.reason());
        if (reason != null && reason.length() > GrantMandate.MAX_REASON) {
            throw Refusals.invalid("request.delegationPolicy.theReasonIsLongerThan", GrantMandate.MAX_REASON);
        }
        if (!command.by().equals(grantor) && !command.by().equals(holder)) {
            throw Refusals.forbidden("mandate.mandateAggregate.onlyWhoGrantedThisMandate", grantor, holder);
        }
        stillLive(clock.instant());
        apply(new MandateRevoked(id, command.by(), reason, clock.instant()));
    }

    @CommandHandler
    void handle(EndMandateOnDeparture command, Clock clock) {
        if (revoked || !clock.instant().isBefore(validUntil)) {
            return; // already over: a departure changes nothing
        }
        if (!command.leaver().equals(grantor) && !command.leaver().equals(holder)) {
            throw Refusals.conflict("mandate.mandateAggregate.neitherGrantedNorHoldsMandate", command.leaver(), id);
        }
        apply(new MandateRevoked(id, command.recordedBy(), command.leaver() + " left the organisation",
                clock.instant()));
    }

    private void stillLive(Instant now) {
        if (revoked) {
            throw Refusals.conflict("mandate.mandateAggregate.mandateWasAlreadyRevoked", id);
        }
        if (!now.isBefore(validUntil)) {
            throw Refusals.conflict("mandate.mandateAggregate.mandateAlreadyEndedAtThere", id, validUntil);
        }
    }

    @EventSourcingHandler
    void on(MandateGranted event) {
        id = event.mandateId();
        grantor = event.grantor();
        holder = event.holder();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(MandateRevoked event) {
        revoked = true;
    }

    /** A reason a person may leave out: stripped, and none when nothing but blanks was typed. */
    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
