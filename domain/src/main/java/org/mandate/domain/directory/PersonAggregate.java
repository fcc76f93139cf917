package org.mandate.domain.directory;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mandate.domain.Refusals;
import org.mandate.domain.notification.Delivery;
import org.mandate.domain.notification.NotificationPreferenceSet;
import org.mandate.domain.notification.SetNotificationPreference;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person in the directory. Their joining, authority and manager are events, so any past org chart can be rebuilt. */
@AggregateRoot(type = "Person")
public class PersonAggregate {

    /** Enough to catch a typo (no @, a space, no dot in the domain); the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @AggregateIdentifier
    private PersonId id;
    private boolean left;
    private boolean erased;
    private ErasureRequested pendingErasure;

    PersonAggregate() {
        // for Axon
    }

    @CommandHandler
    public PersonAggregate(JoinPerson command, Directory directory) {
        if (command.name() == null || command.name().isBlank()) {
            throw Refusals.invalid("directory.personAggregate.aPersonNeedsAName");
        }
        if (command.manager() != null && directory.find(command.manager()).isEmpty()) {
            throw Refusals.invalid("directory.personAggregate.managerIsNotInThe", command.manager());
        }
        apply(new PersonJoined(command.personId(), command.name(), command.title(), command.manager(),
                command.roles(), command.authority()));
    }

    @CommandHandler
    void handle(SetAuthority command) {
        stillHere();
        if (command.authority() == null
                || command.authority().limits().values().stream().anyMatch(limit -> limit.compareTo(BigDecimal.ZERO) < 0)) {
            throw Refusals.invalid("committee.membershipPolicy.anAuthorityIsALimit");
        }
        apply(new AuthoritySet(id, command.authority()));
    }

    @CommandHandler
    void handle(SetRoles command) {
        stillHere();
        if (command.roles() == null || command.roles().stream().anyMatch(Objects::isNull)) {
            throw Refusals.invalid("directory.personAggregate.rolesAreAListOf");
        }
        apply(new RolesSet(id, Set.copyOf(command.roles()), command.recordedBy()));
    }

    @CommandHandler
    void handle(SetEmail command) {
        stillHere();
        if (command.email() == null || command.email().length() > 254 || !EMAIL.matcher(command.email()).matches()) {
            throw Refusals.invalid("directory.personAggregate.isNotAMailAddress", command.email());
        }
        apply(new EmailSet(id, command.email(), command.recordedBy()));
    }

    @CommandHandler
    void handle(SetNotificationPreference command) {
        stillHere();
        if (command.kind() == null || command.delivery() == null) {
            throw Refusals.invalid("directory.personAggregate.sayWhichKindOfNotice");
        }
        Integer hour = command.digestHour();
        if (command.delivery() == Delivery.DAILY_DIGEST && (hour == null || hour < 0 || hour > 23)) {
            throw hour == null ? Refusals.invalid("directory.personAggregate.digestNeedsAnHour")
                    : Refusals.invalid("directory.personAggregate.digestHourOutOfRange", hour);
        }
        apply(new NotificationPreferenceSet(id, command.kind(), command.delivery(),
                command.delivery() == Delivery.DAILY_DIGEST ? hour : null));
    }

    @CommandHandler
    void handle(ChangeManager command, Directory directory) {
        stillHere();
        new ReportingLines(directory).checkNewManager(id, command.manager());
        apply(new ManagerChanged(id, command.manager()));
    }

    @CommandHandler
    void handle(RecordDeparture command, Directory directory, OpenWork work, Clock clock) {
        stillHere();
        PersonId successor = new ReportingLines(directory).successorOf(id, command.successor());
        new Handover(directory).check(id, successor, work.of(id));
        apply(new PersonLeft(id, successor, command.recordedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(RequestErasure command, Clock clock) {
        ErasurePolicy.checkRequest(left, erased, pendingErasure, command);
        apply(new ErasureRequested(id, command.requestedBy(), command.reason().strip(), clock.instant()));
    }

    @CommandHandler
    void handle(ApproveErasure command, Clock clock) {
        ErasurePolicy.checkApproval(erased, pendingErasure, command);
        apply(new PersonErased(id, pendingErasure.requestedBy(), command.approvedBy(), pendingErasure.reason(),
                clock.instant()));
    }

    /** Allowed for leavers and erased people too: a subject may ask what is still held about them. */
    @CommandHandler
    void handle(RecordDataExport command, Clock clock) {
        apply(new PersonalDataExported(id, command.exportedBy(), command.events(), clock.instant()));
    }

    private void stillHere() {
        if (left) {
            throw Refusals.conflict("directory.personAggregate.hasAlreadyLeftTheirRecord", id);
        }
    }

    @EventSourcingHandler
    void on(PersonJoined event) {
        this.id = event.personId();
    }

    @EventSourcingHandler
    void on(PersonLeft event) {
        this.left = true;
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        this.pendingErasure = event;
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        this.erased = true;
        this.pendingErasure = null;
    }
}
