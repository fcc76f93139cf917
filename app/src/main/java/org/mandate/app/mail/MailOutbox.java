package org.mandate.app.mail;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.mandate.app.web.People;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateGranted;
import org.mandate.domain.mandate.MandateRevoked;
import org.mandate.domain.mandate.Scope;
import org.mandate.domain.notification.NoticeKind;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestCommented;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepDelegationRecalled;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepOpened;
import org.mandate.domain.request.StepReassigned;
import org.mandate.domain.request.VoteCast;
import org.mandate.domain.request.VoteOverdue;
import org.mandate.domain.request.VoterRemoved;
import org.mandate.domain.request.VoterReplaced;

import java.time.Instant;
import java.util.function.Function;
import java.util.Set;

/**
 * Decides who hears of which event, in a tracking processor: each notice is queued in the batch's transaction with
 * the token, so an event is queued once per person whatever crashes (the unique key makes a retried batch a no-op).
 * Sending is the dispatcher's job, so a slow mail server holds up neither commands nor this processor.
 */
@ProcessingGroup(MailOutbox.NAME)
@DisallowReplay
class MailOutbox {

    static final String NAME = "mail-outbox";

    private final MailNotices notices;
    private final NoticeQueue queue;
    private final ChatQueue chat;
    private final People people;
    private final MailVoice voices;
    private final MandateHolders mandateHolders;
    private final VoteNotices votes;

    MailOutbox(MailNotices notices, NoticeQueue queue, ChatQueue chat, People people, MailVoice voices,
               MandateHolders mandateHolders, VoteNotices votes) {
        this.notices = notices;
        this.queue = queue;
        this.chat = chat;
        this.people = people;
        this.voices = voices;
        this.mandateHolders = mandateHolders;
        this.votes = votes;
    }

    @EventHandler
    void on(RequestSubmitted event) {
        notices.rememberRequest(new MailNotices.RequestFacts(event.requestId().toString(), event.title(),
                event.category(), event.amount(), event.currency(), event.requester().value()));
    }

    @EventHandler
    void on(StepOpened event, EventMessage<?> message) {
        notices.stepWith(event.stepId().value(), event.requestId().toString(), event.assignee().value(),
                event.assignee().value(), event.dueAt(), event.openedAt());
        arrived(message, event.requestId().toString(), event.stepId().value(), event.assignee().value(),
                voice -> voice.text("mail.why.opened", event.name()),
                "The approval path put its step ‘" + event.name() + "’ in front of "
                        + people.name(event.assignee().value()) + ".", event.dueAt(), event.openedAt());
        mandateHolders.offer(message, event.requestId().toString(), event.stepId().value(), event.assignee().value(),
                event.dueAt(), event.openedAt());
    }

    @EventHandler
    void on(StepDelegated event, EventMessage<?> message) {
        MailNotices.DueStep step = moved(event.stepId().value(), event.requestId().toString(), event.to().value(),
                null, event.delegatedAt());
        arrived(message, event.requestId().toString(), event.stepId().value(), event.to().value(),
                voice -> voice.text("mail.why.lent", people.name(event.from().value()), voice.said(event.note())),
                people.name(event.from().value()) + " lent this step to "
                        + people.name(event.to().value()) + " to decide in their place" + said(event.note()),
                step == null ? null : step.dueAt(), event.delegatedAt());
    }

    @EventHandler
    void on(StepEscalated event, EventMessage<?> message) {
        MailNotices.DueStep step = moved(event.stepId().value(), event.requestId().toString(), event.to().value(),
                event.to().value(), event.escalatedAt());
        String to = people.name(event.to().value());
        Function<MailVoice.Voice, String> why = voice -> event.by() == null
                ? voice.text("mail.why.escalated.timeout", people.name(event.from().value()))
                : voice.text("mail.why.escalated", people.name(event.by().value()), people.name(event.from().value()),
                voice.said(event.reason()));
        String whyInChat = event.by() == null
                ? "It waited too long with " + people.name(event.from().value()) + ", so it moved up to " + to + "."
                : people.name(event.by().value()) + " escalated it from " + people.name(event.from().value())
                + " to " + to + said(event.reason());
        arrived(message, event.requestId().toString(), event.stepId().value(), event.to().value(), why, whyInChat,
                step == null ? null : step.dueAt(), event.escalatedAt());
        mandateHolders.offer(message, event.requestId().toString(), event.stepId().value(), event.to().value(),
                step == null ? null : step.dueAt(), event.escalatedAt());
    }

    @EventHandler
    void on(StepReassigned event, EventMessage<?> message) {
        MailNotices.DueStep step = moved(event.stepId().value(), event.requestId().toString(), event.to().value(),
                event.to().value(), event.reassignedAt());
        arrived(message, event.requestId().toString(), event.stepId().value(), event.to().value(),
                voice -> voice.text("mail.why.reassigned", people.name(event.from().value()),
                        voice.said(event.reason())),
                "It was handed over to " + people.name(event.to().value()) + " from "
                        + people.name(event.from().value()) + said(event.reason()),
                step == null ? null : step.dueAt(), event.reassignedAt());
        mandateHolders.offer(message, event.requestId().toString(), event.stepId().value(), event.to().value(),
                step == null ? null : step.dueAt(), event.reassignedAt());
    }

    /** The holder took the step back themselves: they know, nobody is told. */
    @EventHandler
    void on(StepDelegationRecalled event) {
        moved(event.stepId().value(), event.requestId().toString(), event.by().value(), event.by().value(),
                event.recalledAt());
    }

    @EventHandler
    void on(StepDecided event) {
        notices.stepClosed(event.stepId().value());
        notices.decided(event.requestId().toString(), Decisions.stored(event.outcome().name(),
                people.name(event.decidedBy().value()),
                event.onBehalfOf() == null ? "" : people.name(event.onBehalfOf().value()),
                event.rationale() == null ? "" : event.rationale()));
    }

    /** Every voter hears of the vote, and whoever may vote for one of them under a mandate. */
    @EventHandler
    void on(QuorumStepOpened event, EventMessage<?> message) {
        votes.opened(event, message);
    }

    /** A voter who voted (or had their vote cast under a mandate) is told and reminded no more. */
    @EventHandler
    void on(VoteCast event) {
        notices.seats().closed(event.stepId().value(), event.voter().value());
    }

    @EventHandler
    void on(VoterRemoved event) {
        notices.seats().closed(event.stepId().value(), event.voter().value());
    }

    /** The leaver hears no more; their successor takes the seat and hears of the vote like any voter. */
    @EventHandler
    void on(VoterReplaced event, EventMessage<?> message) {
        votes.handedOn(event, message);
    }

    @EventHandler
    void on(VoteOverdue event, EventMessage<?> message) {
        votes.overdue(event, message);
    }

    @EventHandler
    void on(QuorumMet event) {
        notices.stepClosed(event.stepId().value());
        notices.decided(event.requestId().toString(), Decisions.stored(Decisions.QUORUM_MET, event.rule(),
                String.join(", ", event.approvedBy().stream().map(voter -> people.name(voter.value())).toList())));
    }

    @EventHandler
    void on(QuorumFailed event) {
        notices.stepClosed(event.stepId().value());
        notices.decided(event.requestId().toString(), Decisions.stored(Decisions.QUORUM_FAILED, event.reason()
                + (event.reason().endsWith(".") ? "" : ".")));
    }

    @EventHandler
    void on(RequestApproved event, EventMessage<?> message) {
        outcome(message, event.requestId().toString(), "approved", event.approvedAt());
    }

    @EventHandler
    void on(RequestRejected event, EventMessage<?> message) {
        outcome(message, event.requestId().toString(), "rejected", event.rejectedAt());
    }

    /**
     * Everyone an open step was with hears that it is gone (and whoever lent it: it is still theirs), under their
     * choice for arriving steps; the channel hears it once.
     */
    @EventHandler
    void on(RequestWithdrawn event, EventMessage<?> message) {
        String requestId = event.requestId().toString();
        MailNotices.RequestFacts request = notices.request(requestId);
        Set<String> holders = notices.holders(requestId);
        notices.requestClosed(requestId);
        if (request == null) {
            return;
        }
        String by = people.name(event.by().value());
        String withdrew = by + " withdrew the request" + said(event.reason())
                + (event.reason() == null || event.reason().isBlank() ? "" : ".");
        String headline = "Withdrawn: ‘" + request.title() + "’ from " + people.name(request.requester());
        for (String holder : holders) {
            if (!holder.equals(event.by().value())) {
                MailVoice.Voice voice = voices.of(holder);
                boolean why = event.reason() != null && !event.reason().isBlank();
                queue.offer(new MailNotices.Queued(message.getIdentifier(), holder, NoticeKind.STEP_ARRIVED,
                        requestId, null, voice.text("mail.withdrawn.headline",
                        voice.about(request.title(), people.name(request.requester()))),
                        why ? voice.text("mail.withdrawn.why", by, event.reason().strip())
                                : voice.text("mail.withdrawn", by), null), event.withdrawnAt());
            }
        }
        String with = holders.isEmpty() ? "" : " It was with " + String.join(", ", holders.stream()
                .map(people::name).toList()) + "; nothing is left to decide.";
        chat.offer(new ChatNotices.Post(message.getIdentifier(), ChatNotices.REQUEST_WITHDRAWN, requestId, null,
                String.join(", ", holders), headline, withdrew + with, null), event.withdrawnAt());
    }

    /** Each person a comment mentions hears of it, with the comment itself (they may read the request). */
    @EventHandler
    void on(RequestCommented event, EventMessage<?> message) {
        MailNotices.RequestFacts request = notices.request(event.requestId().toString());
        if (request == null) {
            return;
        }
        String by = people.name(event.by().value());
        for (PersonId mentioned : event.mentions()) {
            MailVoice.Voice voice = voices.of(mentioned.value());
            queue.offer(new MailNotices.Queued(message.getIdentifier(), mentioned.value(), NoticeKind.MENTIONED,
                    event.requestId().toString(), null, voice.text("mail.mentioned.headline", by, request.title()),
                    voice.text("mail.mentioned", by, voice.said(event.text())), null), event.commentedAt());
        }
    }

    /**
     * The requester hears the question of a step sent back to them (as a mention: someone addresses them on a
     * request), and no reminder runs for the step while it waits.
     */
    @EventHandler
    void on(MoreInformationRequested event, EventMessage<?> message) {
        notices.stepDue(event.stepId().value(), null);
        MailNotices.RequestFacts request = notices.request(event.requestId().toString());
        if (request == null) {
            return;
        }
        String asker = people.name(event.askedBy().value());
        MailVoice.Voice voice = voices.of(request.requester());
        queue.offer(new MailNotices.Queued(message.getIdentifier(), request.requester(), NoticeKind.MENTIONED,
                event.requestId().toString(), null, voice.text("mail.asked.headline", asker, request.title()),
                voice.text("mail.asked", asker, voice.said(event.question())), null), event.askedAt());
        chat.offer(new ChatNotices.Post(message.getIdentifier(), ChatNotices.STEP_ARRIVED, event.requestId().toString(),
                null, request.requester(), "Waiting for " + people.name(request.requester()) + "'s answer: ‘"
                + request.title() + "’", asker + " asks" + said(event.question()), null), event.askedAt());
    }

    /** The step's holder hears the answer: the step is back with them, its due date moved by the pause. */
    @EventHandler
    void on(MoreInformationProvided event, EventMessage<?> message) {
        String requestId = event.requestId().toString();
        if (event.title() != null) {
            notices.retitled(requestId, event.title());
        }
        notices.stepDue(event.stepId().value(), event.dueAt());
        MailNotices.DueStep step = notices.step(event.stepId().value());
        if (step == null || step.holder() == null) {
            return;
        }
        arrived(message, requestId, event.stepId().value(), step.holder(),
                voice -> voice.text("mail.why.answered", people.name(event.by().value()), voice.said(event.answer())),
                people.name(event.by().value()) + " answered" + said(event.answer()), event.dueAt(),
                event.answeredAt());
    }

    /** Nobody is left to answer: the step is back with its holder, its due date moved by the pause. */
    @EventHandler
    void on(RequesterLeftBeforeAnswering event, EventMessage<?> message) {
        notices.stepDue(event.stepId().value(), event.dueAt());
        MailNotices.DueStep step = notices.step(event.stepId().value());
        if (step == null || step.holder() == null) {
            return;
        }
        String requester = people.name(event.requester().value());
        arrived(message, event.requestId().toString(), event.stepId().value(), step.holder(),
                voice -> voice.text("mail.why.requesterLeft", requester),
                requester + " left before answering your question.", event.dueAt(), event.leftAt());
    }

    @EventHandler
    void on(MandateGranted event, EventMessage<?> message) {
        notices.mandateGranted(event.mandateId().toString(), event.grantor().value(), event.holder().value(),
                event.principal().value(), event.validUntil());
        Scope scope = event.scope();
        MailVoice.Voice voice = voices.of(event.holder().value());
        String principal = people.name(event.principal().value());
        String what = scope.categories().contains(Scope.ANY) ? voice.text("mail.mandate.anyCategory")
                : String.join(", ", scope.categories());
        queue.offer(new MailNotices.Queued(message.getIdentifier(), event.holder().value(),
                NoticeKind.MANDATE_GRANTED, null, null, voice.text("mail.mandate.headline", principal),
                voice.text("mail.mandate", people.name(event.grantor().value()), principal, what,
                        voice.amount(scope.maxAmount(), scope.currency()), voice.at(event.validFrom()),
                        voice.at(event.validUntil()), voice.said(event.reason())), event.validUntil()),
                event.grantedAt());
    }

    /** A revoked mandate (by its grantor, or because someone in it left) is about to end no more. */
    @EventHandler
    void on(MandateRevoked event) {
        notices.mandateEnded(event.mandateId().toString());
    }

    private MailNotices.DueStep moved(String stepId, String requestId, String to, String owner, Instant at) {
        MailNotices.DueStep step = notices.step(stepId);
        notices.stepWith(stepId, requestId, to, owner, step == null ? null : step.dueAt(), at);
        return step;
    }

    /** The step's new holder hears why it reached them; the channel hears the same in the third person. */
    private void arrived(EventMessage<?> message, String requestId, String stepId, String to,
                         Function<MailVoice.Voice, String> why, String whyInChat, Instant dueAt, Instant at) {
        MailNotices.RequestFacts request = notices.request(requestId);
        if (request == null) {
            return;
        }
        String about = "‘" + request.title() + "’ from " + people.name(request.requester());
        MailVoice.Voice voice = voices.of(to);
        queue.offer(new MailNotices.Queued(message.getIdentifier(), to, NoticeKind.STEP_ARRIVED, requestId, stepId,
                voice.text("mail.arrived.headline", voice.about(request.title(), people.name(request.requester()))),
                why.apply(voice), dueAt), at);
        chat.offer(new ChatNotices.Post(message.getIdentifier(), ChatNotices.STEP_ARRIVED, requestId, stepId, to,
                "Waiting for " + people.name(to) + ": " + about, whyInChat, dueAt), at);
    }

    private void outcome(EventMessage<?> message, String requestId, String outcome, Instant at) {
        MailNotices.RequestFacts request = notices.request(requestId);
        notices.requestClosed(requestId);
        if (request == null) {
            return;
        }
        String last = notices.lastDecision(requestId);
        MailVoice.Voice voice = voices.of(request.requester());
        queue.offer(new MailNotices.Queued(message.getIdentifier(), request.requester(), NoticeKind.REQUEST_DECIDED,
                requestId, null, voice.text("mail.decided.headline." + outcome, request.title()),
                voice.text("mail.decided." + outcome) + (last == null ? "" : " " + Decisions.text(last, voice)),
                null), at);
        chat.offer(new ChatNotices.Post(message.getIdentifier(), ChatNotices.REQUEST_DECIDED, requestId, null,
                request.requester(), "‘" + request.title() + "’ from " + people.name(request.requester()) + " was "
                + outcome, last == null ? "It was " + outcome + "." : Decisions.text(last, voices.organisation()),
                null), at);
    }

    /** ": the words" when there are words, else ".". */
    static String said(String words) {
        return words == null || words.isBlank() ? "." : ": “" + words.strip() + "”";
    }
}
