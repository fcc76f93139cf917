package org.mandate.app.request.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.app.web.People;
import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.AttachmentAdded;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestDataShredded;
import org.mandate.domain.request.RequestCommented;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepDelegationRecalled;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepReassigned;
import org.mandate.domain.request.VoteCast;
import org.mandate.domain.request.VoteOverdue;
import org.mandate.domain.request.VoterRemoved;
import org.mandate.domain.request.VoterReplaced;
import org.mandate.domain.request.StepOpened;
import org.mandate.processes.Words;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request's history told from its own events in the event store, the source of truth: every fact is there,
 * including reasons no projection keeps (a withdrawal's). Events this page does not know yet are still listed,
 * by name, so nothing that happened is hidden.
 */
@Component
class Timeline {

    /** What the page needs from the history: the lines, and the path version the request's steps ran on. */
    record History(List<TimelineEntry> entries, String pathVersion) {
    }

    private final EventStore events;
    private final People people;
    private final Messages messages;

    Timeline(EventStore events, People people, Messages messages) {
        this.events = events;
        this.people = people;
        this.messages = messages;
    }

    History of(String requestId) {
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, String> stepNames = new HashMap<>();
        String[] pathVersion = {null};
        events.readEvents(requestId).asStream().forEach(message -> {
            if (message.getPayload() instanceof StepOpened opened) {
                stepNames.put(opened.stepId().value(), opened.name());
                pathVersion[0] = opened.pathVersion() == null ? pathVersion[0] : opened.pathVersion();
            }
            if (message.getPayload() instanceof QuorumStepOpened opened) {
                stepNames.put(opened.stepId().value(), opened.name());
                pathVersion[0] = opened.pathVersion() == null ? pathVersion[0] : opened.pathVersion();
            }
            entries.add(entry(message, stepNames));
        });
        return new History(List.copyOf(entries), pathVersion[0]);
    }

    private TimelineEntry entry(DomainEventMessage<?> message, Map<String, String> stepNames) {
        Object event = message.getPayload();
        if (event instanceof RequestSubmitted submitted) {
            return new TimelineEntry(submitted.submittedAt(), name(submitted.requester().value()),
                    say("history.submitted", Amounts.format(submitted.amount(), submitted.currency(), Messages.locale()),
                            submitted.category()), submitted.description());
        }
        if (event instanceof StepOpened opened) {
            return new TimelineEntry(opened.openedAt(), "Mandate", say("history.stepOpened",
                    name(opened.assignee().value()), opened.name()), null);
        }
        if (event instanceof StepDecided decided) {
            String onBehalf = decided.onBehalfOf() == null ? ""
                    : say(decided.mandateId() == null ? "history.onBehalf" : "history.onBehalf.mandate",
                    name(decided.onBehalfOf().value()));
            return new TimelineEntry(decided.decidedAt(), name(decided.decidedBy().value()),
                    say("history.decided." + decided.outcome().name(),
                            stepNames.getOrDefault(decided.stepId().value(), "?")) + onBehalf
                            // set by the decide-from-the-mail page (docs/notifications.md)
                            + ("mail".equals(message.getMetaData().get("decidedFrom")) ? say("history.fromMail") : ""),
                    decided.rationale());
        }
        TimelineEntry vote = voteEntry(event, stepNames);
        if (vote != null) {
            return vote;
        }
        if (event instanceof StepDelegated delegated) {
            return new TimelineEntry(delegated.delegatedAt(), name(delegated.from().value()), say("history.lent",
                    stepNames.getOrDefault(delegated.stepId().value(), "?"), name(delegated.to().value())),
                    delegated.note());
        }
        if (event instanceof StepDelegationRecalled recalled) {
            return new TimelineEntry(recalled.recalledAt(), name(recalled.by().value()), say("history.recalled",
                    name(recalled.from().value())), recalled.reason());
        }
        if (event instanceof StepEscalated escalated) {
            return new TimelineEntry(escalated.escalatedAt(),
                    escalated.by() == null ? "Mandate" : name(escalated.by().value()),
                    say(escalated.by() == null ? "history.escalated.timeout" : "history.escalated",
                            name(escalated.from().value()), name(escalated.to().value())),
                    escalated.reason());
        }
        if (event instanceof StepReassigned reassigned) {
            return new TimelineEntry(reassigned.reassignedAt(), "Mandate", say("history.reassigned",
                    name(reassigned.from().value()), name(reassigned.to().value())), reassigned.reason());
        }
        if (event instanceof RequestCommented commented) {
            return new TimelineEntry(commented.commentedAt(), name(commented.by().value()), commented.mentions().isEmpty()
                    ? say("history.commented") : say("history.commented.mentioning", commented.mentions().stream()
                    .map(person -> name(person.value())).collect(Collectors.joining(", "))), commented.text());
        }
        if (event instanceof AttachmentAdded attached) {
            return new TimelineEntry(attached.addedAt(), name(attached.by().value()), say(attached.supersedes() == null
                    ? "history.attached" : "history.attached.newer", attached.fileName(),
                    attached.hash().substring(0, 12)), null);
        }
        if (event instanceof MoreInformationRequested asked) {
            return new TimelineEntry(asked.askedAt(), name(asked.askedBy().value()), asked.onBehalfOf() == null
                    ? say("history.sentBack") : say("history.sentBack.for", name(asked.onBehalfOf().value())),
                    asked.question());
        }
        if (event instanceof MoreInformationProvided answered) {
            return new TimelineEntry(answered.answeredAt(), name(answered.by().value()), say(answered.title() != null
                    || answered.description() != null ? "history.answered.amended" : "history.answered"),
                    answered.answer());
        }
        if (event instanceof RequesterLeftBeforeAnswering left) {
            return new TimelineEntry(left.leftAt(), name(left.requester().value()), say("history.leftBeforeAnswering",
                    name(left.recordedBy().value())), null);
        }
        if (event instanceof RequestWithdrawn withdrawn) {
            return new TimelineEntry(withdrawn.withdrawnAt(), name(withdrawn.by().value()), say("history.withdrawn"),
                    withdrawn.reason());
        }
        if (event instanceof RequestApproved approved) {
            return new TimelineEntry(approved.approvedAt(), "Mandate", say("history.approved"), null);
        }
        if (event instanceof RequestRejected rejected) {
            return new TimelineEntry(rejected.rejectedAt(), "Mandate", say("history.rejected"), null);
        }
        if (event instanceof RequestDataShredded shredded) {
            return new TimelineEntry(shredded.shreddedAt(), "Mandate", say("history.shredded",
                    shredded.retention(), shredded.category()), null);
        }
        String type = message.getPayloadType().getSimpleName();
        return new TimelineEntry(message.getTimestamp(), "Mandate", messages.orDefault("event." + type, plainWords(type)),
                null);
    }

    /** A committee vote's events: the vote opening, each ballot (and each change), a leaver, the quorum. */
    private TimelineEntry voteEntry(Object event, Map<String, String> stepNames) {
        if (event instanceof QuorumStepOpened opened) {
            return new TimelineEntry(opened.openedAt(), "Mandate", say("history.voteOpened", opened.committeeId() == null
                    ? say("history.theCommittees") : opened.committeeId().value(), opened.name(), opened.rule(),
                    names(opened.voters())), opened.leftOut() == null ? null
                    : say("history.leftOut", name(opened.leftOut().value())));
        }
        if (event instanceof VoteCast cast) {
            boolean forSomeone = !cast.voter().equals(cast.votedBy());
            return new TimelineEntry(cast.castAt(), name(cast.votedBy().value()), say("history.voted." + cast.outcome().name(),
                    stepNames.getOrDefault(cast.stepId().value(), "?"))
                    + (forSomeone ? say("history.voted.for", name(cast.voter().value())) : "")
                    + (cast.replaces() == null ? "" : say(forSomeone ? "history.voted.changingThat"
                    : "history.voted.changingTheir")),
                    cast.rationale());
        }
        if (event instanceof VoterRemoved removed) {
            return new TimelineEntry(removed.removedAt(), "Mandate", say("history.voterRemoved",
                    name(removed.voter().value()), removed.needed()), removed.reason());
        }
        if (event instanceof VoterReplaced replaced) {
            return new TimelineEntry(replaced.replacedAt(), "Mandate", say("history.voterReplaced",
                    name(replaced.voter().value()), name(replaced.successor().value())), replaced.reason());
        }
        if (event instanceof VoteOverdue overdue) {
            return new TimelineEntry(overdue.overdueAt(), "Mandate", say("history.voteOverdue",
                    stepNames.getOrDefault(overdue.stepId().value(), "?"), names(overdue.stillToVote())),
                    overdue.reason());
        }
        if (event instanceof QuorumMet met) {
            return new TimelineEntry(met.metAt(), "Mandate", say("history.quorumMet", stepNames.getOrDefault(
                    met.stepId().value(), "?"), met.rule(), names(met.approvedBy())), null);
        }
        if (event instanceof QuorumFailed failed) {
            return new TimelineEntry(failed.failedAt(), "Mandate", say("history.quorumFailed", stepNames.getOrDefault(
                    failed.stepId().value(), "?"), failed.rule()), failed.reason());
        }
        return null;
    }

    /** A history line in the page's language. */
    private String say(String key, Object... args) {
        return messages.text(key, args);
    }

    private String names(List<PersonId> people) {
        return people.stream().map(person -> name(person.value())).collect(Collectors.joining(", "));
    }

    private String name(String personId) {
        return people.name(personId);
    }

    /** "StepReassigned" becomes "step reassigned". */
    static String plainWords(String typeName) {
        return Words.of(typeName);
    }
}
