package org.mandate.domain.committee;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mandate.domain.FreeText;
import org.mandate.domain.Refusals;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A committee: a named group of people who share an authority, each membership an event. Dissolved committees keep
 * their history; their name may be used again by a new committee under another id.
 */
@AggregateRoot(type = "Committee")
public class Committee {

    static final int LONGEST_NAME = 100;

    @AggregateIdentifier
    private String id;
    private CommitteeId committeeId;
    private String name;
    private boolean formed;
    private boolean dissolved;
    private final Set<PersonId> members = new HashSet<>();

    Committee() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FormCommittee command, Committees committees, Clock clock) {
        if (!command.committeeId().wellFormed()) {
            throw Refusals.invalid("committee.committee.aCommitteeIdIs1", command.committeeId());
        }
        String wanted = command.name() == null ? "" : command.name().strip();
        if (wanted.isEmpty() || wanted.length() > LONGEST_NAME) {
            throw Refusals.invalid("committee.committee.aCommitteeNeedsAName", LONGEST_NAME);
        }
        FreeText.check("name", wanted);
        committees.named(wanted).ifPresent(other -> {
            throw Refusals.conflict("committee.committee.theCommitteeIsAlreadyCalled", other, wanted);
        });
        if (formed) {
            throw Refusals.conflict(dissolved ? "committee.committee.idTakenByDissolved"
                    : "committee.committee.idTaken", command.committeeId());
        }
        apply(new CommitteeFormed(command.committeeId(), wanted, command.formedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(AddCommitteeMember command, Directory directory, Clock clock) {
        stillSitting();
        MembershipPolicy.checkNewMember(name, command.personId(), members, directory);
        apply(new CommitteeMemberAdded(committeeId, command.personId(), command.addedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(RemoveCommitteeMember command, Clock clock) {
        stillSitting();
        if (!members.contains(command.personId())) {
            throw Refusals.conflict("committee.committee.doesNotSitOnIts",
                    command.personId(), name, members.stream().map(PersonId::value).sorted().toList());
        }
        apply(new CommitteeMemberRemoved(committeeId, command.personId(), command.removedBy(), false,
                clock.instant()));
    }

    /** Idempotent: a departure handled twice, or a member already removed, changes nothing. */
    @CommandHandler
    void handle(RemoveMemberOnDeparture command, Clock clock) {
        if (!dissolved && members.contains(command.leaver())) {
            apply(new CommitteeMemberRemoved(committeeId, command.leaver(), command.recordedBy(), true,
                    clock.instant()));
        }
    }

    @CommandHandler
    void handle(SetCommitteeAuthority command, Clock clock) {
        stillSitting();
        MembershipPolicy.checkAuthority(name, command, members);
        apply(new CommitteeAuthoritySet(committeeId, command.authority(), command.currency(), command.setBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(DissolveCommittee command, Clock clock) {
        stillSitting();
        apply(new CommitteeDissolved(committeeId, command.dissolvedBy(), clock.instant()));
    }

    private void stillSitting() {
        if (dissolved) {
            throw Refusals.conflict("committee.committee.isDissolvedItsHistoryCan", name);
        }
    }

    @EventSourcingHandler
    void on(CommitteeFormed event) {
        id = event.committeeId().streamId();
        committeeId = event.committeeId();
        name = event.name();
        formed = true;
    }

    @EventSourcingHandler
    void on(CommitteeMemberAdded event) {
        members.add(event.personId());
    }

    @EventSourcingHandler
    void on(CommitteeMemberRemoved event) {
        members.remove(event.personId());
    }

    @EventSourcingHandler
    void on(CommitteeDissolved event) {
        dissolved = true;
    }
}
