package org.mandate.app.web.request;

import org.apache.commons.lang3.StringUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.app.web.People;
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
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    Timeline(EventStore events, People people) {
        this.events = events;
        this.people = people;
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
                    "asked for " + submitted.amount().toPlainString() + " " + submitted.currency()
                            + " (" + submitted.category() + ")", submitted.description());
        }
        if (event instanceof StepOpened opened) {
            return new TimelineEntry(opened.openedAt(), "Mandate", "asked " + name(opened.assignee().value())
                    + " to decide step ‘" + opened.name() + "’", null);
        }
        if (event instanceof StepDecided decided) {
            String onBehalf = decided.onBehalfOf() == null ? ""
                    : " on behalf of " + name(decided.onBehalfOf().value())
                    + (decided.mandateId() == null ? "" : ", under a mandate");
            return new TimelineEntry(decided.decidedAt(), name(decided.decidedBy().value()),
                    decided.outcome().name().toLowerCase() + " step ‘"
                            + stepNames.getOrDefault(decided.stepId().value(), "?") + "’" + onBehalf
                            // set by the decide-from-the-mail page (docs/notifications.md)
                            + ("mail".equals(message.getMetaData().get("decidedFrom")) ? ", from a mail" : ""),
                    decided.rationale());
        }
        TimelineEntry vote = voteEntry(event, stepNames);
        if (vote != null) {
            return vote;
        }
        if (event instanceof StepDelegated delegated) {
            return new TimelineEntry(delegated.delegatedAt(), name(delegated.from().value()), "lent the step ‘"
                    + stepNames.getOrDefault(delegated.stepId().value(), "?") + "’ to " + name(delegated.to().value()),
                    delegated.note());
        }
        if (event instanceof StepDelegationRecalled recalled) {
            return new TimelineEntry(recalled.recalledAt(), name(recalled.by().value()), "took the step back from "
                    + name(recalled.from().value()), recalled.reason());
        }
        if (event instanceof StepEscalated escalated) {
            return new TimelineEntry(escalated.escalatedAt(),
                    escalated.by() == null ? "Mandate" : name(escalated.by().value()),
                    (escalated.by() == null ? "escalated the step, its time limit passed," : "escalated the step")
                            + " from " + name(escalated.from().value()) + " to " + name(escalated.to().value()),
                    escalated.reason());
        }
        if (event instanceof StepReassigned reassigned) {
            return new TimelineEntry(reassigned.reassignedAt(), "Mandate", "moved the step from "
                    + name(reassigned.from().value()) + " to " + name(reassigned.to().value()), reassigned.reason());
        }
        if (event instanceof RequestCommented commented) {
            return new TimelineEntry(commented.commentedAt(), name(commented.by().value()), "commented"
                    + (commented.mentions().isEmpty() ? "" : ", mentioning " + commented.mentions().stream()
                    .map(person -> name(person.value())).collect(Collectors.joining(", "))), commented.text());
        }
        if (event instanceof AttachmentAdded attached) {
            return new TimelineEntry(attached.addedAt(), name(attached.by().value()), (attached.supersedes() == null
                    ? "attached " : "attached a newer version, ") + attached.fileName() + " (SHA-256 "
                    + attached.hash().substring(0, 12) + "…)", null);
        }
        if (event instanceof MoreInformationRequested asked) {
            return new TimelineEntry(asked.askedAt(), name(asked.askedBy().value()), "sent it back for more "
                    + "information" + (asked.onBehalfOf() == null ? "" : " for " + name(asked.onBehalfOf().value()))
                    + "; the step waits for the answer", asked.question());
        }
        if (event instanceof MoreInformationProvided answered) {
            return new TimelineEntry(answered.answeredAt(), name(answered.by().value()), "answered"
                    + (answered.title() != null || answered.description() != null ? " and amended the request" : "")
                    + "; the step is back with its holder", answered.answer());
        }
        if (event instanceof RequesterLeftBeforeAnswering left) {
            return new TimelineEntry(left.leftAt(), name(left.requester().value()), "left before answering "
                    + "(departure recorded by " + name(left.recordedBy().value()) + "); the step is back with its "
                    + "holder, its time limit running again", null);
        }
        if (event instanceof RequestWithdrawn withdrawn) {
            return new TimelineEntry(withdrawn.withdrawnAt(), name(withdrawn.by().value()), "withdrew the request",
                    withdrawn.reason());
        }
        if (event instanceof RequestApproved approved) {
            return new TimelineEntry(approved.approvedAt(), "Mandate", "closed the request: approved", null);
        }
        if (event instanceof RequestRejected rejected) {
            return new TimelineEntry(rejected.rejectedAt(), "Mandate", "closed the request: rejected", null);
        }
        if (event instanceof RequestDataShredded shredded) {
            return new TimelineEntry(shredded.shreddedAt(), "Mandate", "shredded the request's texts: its "
                    + "retention period (" + shredded.retention() + " after closing, category " + shredded.category()
                    + ") had ended", null);
        }
        return new TimelineEntry(message.getTimestamp(), "Mandate", plainWords(message.getPayloadType().getSimpleName()),
                null);
    }

    /** A committee vote's events: the vote opening, each ballot (and each change), a leaver, the quorum. */
    private TimelineEntry voteEntry(Object event, Map<String, String> stepNames) {
        if (event instanceof QuorumStepOpened opened) {
            return new TimelineEntry(opened.openedAt(), "Mandate", "asked " + (opened.committeeId() == null
                    ? "the committees" : opened.committeeId().value()) + " to vote on step ‘" + opened.name() + "’ ("
                    + opened.rule() + "): " + names(opened.voters()), opened.leftOut() == null ? null
                    : name(opened.leftOut().value()) + " made the request and is left out of the vote.");
        }
        if (event instanceof VoteCast cast) {
            boolean forSomeone = !cast.voter().equals(cast.votedBy());
            return new TimelineEntry(cast.castAt(), name(cast.votedBy().value()), "voted to "
                    + (cast.outcome().name().equals("APPROVED") ? "approve" : "reject") + " step ‘"
                    + stepNames.getOrDefault(cast.stepId().value(), "?") + "’"
                    + (forSomeone ? " for " + name(cast.voter().value()) + ", under a mandate" : "")
                    + (cast.replaces() == null ? "" : ", changing " + (forSomeone ? "that" : "their") + " vote"),
                    cast.rationale());
        }
        if (event instanceof VoterRemoved removed) {
            return new TimelineEntry(removed.removedAt(), "Mandate", "took " + name(removed.voter().value())
                    + " off the vote; it now needs " + removed.needed() + " approval(s)", removed.reason());
        }
        if (event instanceof VoterReplaced replaced) {
            return new TimelineEntry(replaced.replacedAt(), "Mandate", "gave " + name(replaced.voter().value())
                    + "'s seat on the vote to " + name(replaced.successor().value()) + ", who sits on the committee; "
                    + "their vote starts afresh", replaced.reason());
        }
        if (event instanceof VoteOverdue overdue) {
            return new TimelineEntry(overdue.overdueAt(), "Mandate", "chased the vote on step ‘"
                    + stepNames.getOrDefault(overdue.stepId().value(), "?") + "’, past its time limit: still to vote "
                    + names(overdue.stillToVote()), overdue.reason());
        }
        if (event instanceof QuorumMet met) {
            return new TimelineEntry(met.metAt(), "Mandate", "the quorum on step ‘" + stepNames.getOrDefault(
                    met.stepId().value(), "?") + "’ was met (" + met.rule() + "): approved by "
                    + names(met.approvedBy()), null);
        }
        if (event instanceof QuorumFailed failed) {
            return new TimelineEntry(failed.failedAt(), "Mandate", "the quorum on step ‘" + stepNames.getOrDefault(
                    failed.stepId().value(), "?") + "’ can no longer be met (" + failed.rule() + "): rejected",
                    failed.reason());
        }
        return null;
    }

    private String names(List<PersonId> people) {
        return people.stream().map(person -> name(person.value())).collect(Collectors.joining(", "));
    }

    private String name(String personId) {
        return people.name(personId);
    }

    /** "StepReassigned" becomes "step reassigned". */
    static String plainWords(String typeName) {
        return String.join(" ", StringUtils.splitByCharacterTypeCamelCase(typeName)).toLowerCase(Locale.ROOT);
    }
}
