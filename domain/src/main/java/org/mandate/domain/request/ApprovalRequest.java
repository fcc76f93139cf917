package org.mandate.domain.request;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mandate.domain.Money;
import org.mandate.domain.Refusals;
import org.mandate.domain.binding.BoundPaths;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Handover;
import org.mandate.domain.directory.HeldStep;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.Mandates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A request for approval and the state of its steps. Commands are validated here, state changes only in on(...). */
@AggregateRoot(type = "ApprovalRequest")
public class ApprovalRequest {

    /** The shipped path's key; bound to any category on first start (see BindDefaultPath). */
    public static final String DEFAULT_PROCESS = "approval";

    @AggregateIdentifier
    private RequestId id;
    private PersonId requester;
    private String category;
    private Money money;
    /** Its status and its steps: who holds, decides and lent each, and which are committee votes. */
    private RequestSteps steps = RequestSteps.none();
    /** Everyone who took part so far: the requester, and whoever held, lent, borrowed or decided a step. */
    private final Set<PersonId> participants = new LinkedHashSet<>();
    /** Attachments by hash, each with the hash that superseded it (null while current); and their names. */
    private final Map<String, String> attachments = new LinkedHashMap<>();
    private final Map<String, String> attachmentNames = new LinkedHashMap<>();
    /** The committee votes: steps decided by a quorum rather than by one holder (see QuorumPolicy). */
    private final Map<StepId, QuorumVote> quorums = new LinkedHashMap<>();
    /** When it was approved, rejected or withdrawn: its retention period runs from then. */
    private Instant closedAt;
    /** When its texts were shredded (retention); null while they are kept. */
    private Instant shreddedAt;
    /** The step sent back to the requester with a question, while it waits for the answer; null otherwise. */
    private SendBackPolicy.Waiting waiting;
    /** The texts as last set, so that an answer records only what it changed. */
    private String title;
    private String description;

    ApprovalRequest() {
        // for Axon
    }

    @CommandHandler
    public ApprovalRequest(SubmitRequest command, Directory directory, BoundPaths paths, Committees committees,
                           Clock clock) {
        SubmissionPolicy.check(command);
        if (directory.find(command.requester()).isEmpty()) {
            throw Refusals.forbidden("request.approvalRequest.youAreNotInThe");
        }
        // above everyone in the chain, a committee may still decide it: the bound path routes it there
        boolean committeeCovers = committees.sitting().stream().anyMatch(committee -> !committee.members().isEmpty()
                && committee.covers(command.category(), command.money()));
        if (!committeeCovers) {
            new ApprovalRouting(directory).firstApprover(command.requester(), command.category(),
                    command.money().amount());
        }
        String processKey = PathChoice.pathFor(command, paths);
        Money money = command.money();
        apply(new RequestSubmitted(command.requestId(), command.title().strip(), command.category(), money.amount(),
                money.currency(), strip(command.description()), command.requester(), processKey, clock.instant()));
    }

    @CommandHandler
    void handle(OpenStep command, Clock clock) {
        if (steps.opened(command.stepId())) {
            return; // the engine may repeat itself after a retry; a step opens once
        }
        if (!steps.inReview()) {
            throw Refusals.conflict("request.approvalRequest.requestIsNoNewStep", id, steps.status());
        }
        if (command.assignee() == null || command.assignee().equals(requester)) {
            throw Refusals.conflict("request.approvalRequest.theApprovalPathRoutedStep",
                    command.name(), Refusals.phrase(command.assignee() == null ? "request.approvalRequest.nobody"
                            : "request.approvalRequest.theRequester"));
        }
        apply(new StepOpened(id, command.stepId(), command.name(), command.assignee(), command.dueAt(),
                clock.instant(), command.pathVersion()));
    }

    @CommandHandler
    void handle(OpenQuorumStep command, Committees committees, Clock clock) {
        if (steps.opened(command.stepId())) {
            return; // the engine may repeat itself after a retry; a step opens once
        }
        if (!steps.inReview()) {
            throw Refusals.conflict("request.approvalRequest.requestIsNoNewStep", id, steps.status());
        }
        QuorumPolicy.Snapshot snapshot = QuorumPolicy.open(command, facts(), committees);
        apply(new QuorumStepOpened(id, command.stepId(), command.name(), command.committee(),
                snapshot.rule().text(), snapshot.voters(), snapshot.groups(), snapshot.leftOut(),
                snapshot.rule().needed(snapshot.voters().size()), command.dueAt(), clock.instant(),
                command.pathVersion()));
    }

    /**
     * A member who left is off the vote: their vote no longer counts. Their successor takes the seat when
     * SeatSuccessionPolicy allows it; otherwise the quorum is recomputed over the voters left.
     */
    @CommandHandler
    void handle(RemoveVoter command, Committees committees, Directory directory, Clock clock) {
        QuorumVote vote = quorums.get(command.stepId());
        if (!steps.inReview() || vote == null || vote.closed()
                || !vote.voters().contains(command.voter())) {
            return; // run by a handler: a vote that closed or never had them is left alone
        }
        Optional<String> noSuccession = SeatSuccessionPolicy.whyNot(command.successor(), vote, facts(),
                committees, directory);
        if (noSuccession.isEmpty()) {
            apply(new VoterReplaced(id, command.stepId(), command.voter(), command.successor(), command.reason(),
                    clock.instant()));
            return; // a seat for a seat: the quorum needs what it did, and the successor has yet to vote
        }
        apply(new VoterRemoved(id, command.stepId(), command.voter(), command.successor() == null
                ? command.reason() : command.reason() + "; their seat is not handed on: " + noSuccession.get(),
                vote.rule().needed(vote.voters().size() - 1), clock.instant()));
        concludeIfDecided(vote, clock.instant());
    }

    @CommandHandler
    void handle(DecideStep command, Mandates mandates, Directory directory, Clock clock) {
        Instant now = clock.instant();
        if (quorums.containsKey(command.stepId())) {
            vote(command, quorums.get(command.stepId()), mandates, directory, now);
            return;
        }
        DecisionPolicy.Authorisation authorisation = DecisionPolicy.check(command, facts(),
                step(command.stepId()), mandates, directory, now);
        refuseWhilePaused(command.stepId(), Refusals.phrase("request.word.decided"));
        String rationale = strip(command.rationale());
        apply(new StepDecided(id, command.stepId(), command.outcome(), command.decider(),
                authorisation.onBehalfOf(), authorisation.mandate() == null ? null : authorisation.mandate().toString(),
                rationale, now));
    }

    private void vote(DecideStep command, QuorumVote vote, Mandates mandates, Directory directory, Instant now) {
        if (!steps.inReview()) {
            throw Refusals.conflict("request.approvalRequest.thisRequestIsAlreadyThere", status(steps.status()));
        }
        QuorumPolicy.Seat seat = QuorumPolicy.seat(command, facts(), vote, mandates, directory, now);
        Outcome before = vote.voteOf(seat.voter()).map(QuorumVote.Vote::outcome).orElse(null);
        if (before == command.outcome()) {
            throw Refusals.conflict(seat.onBehalfOf() == null ? "request.approvalRequest.youAlreadyVoted"
                    : "request.approvalRequest.alreadyVoted", seat.voter().value(),
                    Refusals.phrase(before == Outcome.APPROVED ? "request.word.approved" : "request.word.rejected"));
        }
        apply(new VoteCast(id, command.stepId(), seat.voter(), command.outcome(), command.decider(),
                seat.mandate() == null ? null : seat.mandate().toString(), strip(command.rationale()), before, now));
        concludeIfDecided(vote, now);
    }

    /** The aggregate, not the engine, decides the quorum: met, or no longer possible, recorded once. */
    private void concludeIfDecided(QuorumVote vote, Instant now) {
        if (vote.met()) {
            apply(new QuorumMet(id, vote.id(), vote.rule().text(), vote.with(Outcome.APPROVED), now));
        } else {
            vote.whyItCannotBeMet().ifPresent(reason -> apply(new QuorumFailed(id, vote.id(), vote.rule().text(),
                    vote.with(Outcome.REJECTED), reason, now)));
        }
    }

    @CommandHandler
    void handle(DelegateStep command, Directory directory, Clock clock) {
        refuseForCommittee(command.stepId(), "request.approvalRequest.committeeVoteNotLent");
        DelegationPolicy.checkDelegation(command, facts(), step(command.stepId()), directory);
        refuseWhilePaused(command.stepId(), Refusals.phrase("request.word.lent"));
        apply(new StepDelegated(id, command.stepId(), command.by(), command.to(), strip(command.note()),
                clock.instant()));
    }

    @CommandHandler
    void handle(RecallDelegation command, Clock clock) {
        refuseForCommittee(command.stepId(), "request.approvalRequest.committeeVoteNothingToRecall");
        StepHolding step = step(command.stepId());
        DelegationPolicy.checkRecall(command, facts(), step);
        apply(new StepDelegationRecalled(id, command.stepId(), command.by(), step.delegate(),
                strip(command.reason()), clock.instant()));
    }

    @CommandHandler
    void handle(EscalateStep command, Directory directory, Clock clock) {
        if (quorums.containsKey(command.stepId()) && command.automatic()) {
            overdueVote(quorums.get(command.stepId()), command.reason(), clock.instant());
            return;
        }
        refuseForCommittee(command.stepId(), "request.approvalRequest.committeeVoteNotEscalated");
        StepHolding step = step(command.stepId());
        if (command.automatic() && (!steps.inReview() || step == null || step.decided()
                || paused(command.stepId()))) {
            return; // the timer fired as the step closed or was sent back; nothing is late (any more)
        }
        facts().openStep(command.stepId(), step);
        EscalationPolicy.checkWho(command, facts(), step, clock.instant());
        refuseWhilePaused(command.stepId(), Refusals.phrase("request.word.escalated"));
        Person target = EscalationPolicy.target(facts(), step, directory).orElse(null);
        if (target == null) {
            if (command.automatic()) {
                return; // already at the top: the step stays where it is, still overdue
            }
            throw EscalationPolicy.atTheTop(step);
        }
        apply(new StepEscalated(id, command.stepId(), step.assignee(), target.id(), command.by(),
                command.reason().strip(), clock.instant()));
    }

    /**
     * A committee vote has no single holder to move up from, and nobody outside the committee may gain a say in it:
     * its time limit chases the voters still to vote instead (docs/committees.md, ADR 0020).
     */
    private void overdueVote(QuorumVote vote, String reason, Instant now) {
        if (!steps.inReview() || vote.closed() || vote.stillToVote().isEmpty()) {
            return; // the timer fired as the vote closed, or everyone has voted: nobody is late
        }
        apply(new VoteOverdue(id, vote.id(), vote.stillToVote(), reason == null ? null : reason.strip(), now));
    }

    /**
     * A departure hands a step on; run by a handler, so a step that moved or closed meanwhile is left alone. A step
     * the leaver lent out comes back first: the authority it was lent under ended with the departure.
     */
    @CommandHandler
    void handle(ReassignStep command, Directory directory, Clock clock) {
        StepHolding step = step(command.stepId());
        if (!steps.inReview() || step == null || step.decided()
                || !(command.from().equals(step.assignee()) || command.from().equals(step.delegate()))) {
            return;
        }
        HeldStep held = new HeldStep(id.toString(), step.id().value(), null, requester, step.assignee(),
                step.delegate());
        PersonId taker = new Handover(directory).takerOf(command.from(), command.to(), held)
                .orElseThrow(() -> Refusals.conflict("request.approvalRequest.nobodyActiveMayTakeStep",
                        step.id(), id, command.from()));
        if (command.from().equals(step.assignee()) && step.delegate() != null) {
            apply(new StepDelegationRecalled(id, command.stepId(), command.from(), step.delegate(),
                    command.from() + " left, so the step they lent comes back and goes to " + taker,
                    clock.instant()));
        }
        apply(new StepReassigned(id, command.stepId(), command.from(), taker, command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawRequest command, Clock clock) {
        if (!command.by().equals(requester)) {
            throw Refusals.forbidden("request.approvalRequest.onlyTheRequesterCanWithdraw");
        }
        if (!steps.inReview()) {
            throw Refusals.conflict("request.approvalRequest.thisRequestIsAlreadyAnd", status(steps.status()));
        }
        String reason = strip(command.reason());
        if (reason != null && reason.length() > DecideStep.MAX_RATIONALE) {
            throw Refusals.invalid("request.delegationPolicy.theReasonIsLongerThan", DecideStep.MAX_RATIONALE);
        }
        apply(new RequestWithdrawn(id, command.by(), reason, clock.instant()));
    }

    @CommandHandler
    void handle(CompleteRequest command, Directory directory, Clock clock) {
        if (!steps.inReview()) {
            return; // already closed, e.g. withdrawn while the engine was finishing
        }
        if (command.outcome() == Outcome.APPROVED) {
            boolean committeeApproved = quorums.values().stream()
                    .anyMatch(vote -> vote.outcome() == Outcome.APPROVED);
            OrganisationChecks.checkApproval(facts(), steps.all(), committeeApproved, directory);
            apply(new RequestApproved(id, clock.instant()));
        } else {
            apply(new RequestRejected(id, clock.instant()));
        }
    }

    /** Comments are taken on closed requests too (CommentPolicy says why). */
    @CommandHandler
    void handle(CommentOnRequest command, Mandates mandates, Directory directory, Clock clock) {
        Instant now = clock.instant();
        ShreddingPolicy.checkNewText(shreddedAt);
        List<PersonId> mentions = CommentPolicy.check(command, facts(), participants, steps.all(), mandates,
                directory, now);
        apply(new RequestCommented(id, command.commentId().strip(), command.by(), command.text().strip(), mentions,
                now));
    }

    /** The step stays with whoever holds it; it waits, its time limit standing still, until the requester answers. */
    @CommandHandler
    void handle(ReturnStep command, Mandates mandates, Directory directory, Clock clock) {
        Instant now = clock.instant();
        refuseForCommittee(command.stepId(), "request.approvalRequest.committeeVoteNotSentBack");
        DecisionPolicy.Authorisation authorisation = SendBackPolicy.checkReturn(command, facts(),
                step(command.stepId()), waiting, mandates, directory, now);
        apply(new MoreInformationRequested(id, command.stepId(), command.by(), authorisation.onBehalfOf(),
                authorisation.mandate() == null ? null : authorisation.mandate().toString(),
                command.question().strip(), now));
    }

    /** The answer resumes the step with its holder; its due date moves by the time it waited. */
    @CommandHandler
    void handle(AnswerRequest command, Clock clock) {
        Instant now = clock.instant();
        SendBackPolicy.checkAnswer(command, facts(), waiting);
        Duration paused = pauseUntil(now);
        Instant dueAt = movedDueDate(now);
        String newTitle = strip(command.title());
        String newDescription = command.description() == null ? null : command.description().strip();
        apply(new MoreInformationProvided(id, waiting.stepId(), command.by(), command.answer().strip(),
                newTitle == null || newTitle.equals(title) ? null : newTitle,
                newDescription == null || newDescription.equals(description == null ? "" : description.strip())
                        ? null : newDescription,
                paused, dueAt, now));
    }

    /**
     * The requester left while a step waited for their answer: nobody is left to answer, so the step resumes with its
     * holder, its due date moved by the pause as an answer would have moved it. Run by the departure's handler, so a
     * request that no longer waits (answered, closed) is left alone.
     */
    @CommandHandler
    void handle(EndWaitOnDeparture command, Clock clock) {
        if (waiting == null || !steps.inReview() || !command.requester().equals(requester)) {
            return;
        }
        Instant now = clock.instant();
        apply(new RequesterLeftBeforeAnswering(id, waiting.stepId(), requester, command.recordedBy(),
                pauseUntil(now), movedDueDate(now), now));
    }

    /** The retention job's command: once, and only after the category's retention period has run since closing. */
    @CommandHandler
    void handle(ShredRequestData command, Clock clock) {
        Instant now = clock.instant();
        if (ShreddingPolicy.shredNow(command, steps.status(), closedAt, shreddedAt, now)) {
            apply(new RequestDataShredded(id, category, command.retention(), closedAt, now));
        }
    }

    /** Attachments are taken on closed requests too (AttachmentPolicy says why). */
    @CommandHandler
    void handle(AttachToRequest command, Mandates mandates, Directory directory, Clock clock) {
        Instant now = clock.instant();
        ShreddingPolicy.checkNewText(shreddedAt);
        AttachmentPolicy.check(command, facts(), participants, steps.all(), attachments, attachmentNames, mandates,
                directory, now);
        apply(new AttachmentAdded(id, command.hash(), AttachmentPolicy.baseName(command.fileName()),
                command.mediaType(), command.size(), command.by(), command.supersedes(), now));
    }

    @EventSourcingHandler
    void on(AttachmentAdded event) {
        attachments.put(event.hash(), null);
        attachmentNames.put(event.hash(), event.fileName());
        if (event.supersedes() != null) {
            attachments.put(event.supersedes(), event.hash());
        }
    }

    @EventSourcingHandler
    void on(RequestSubmitted event) {
        id = event.requestId();
        requester = event.requester();
        steps = steps.with(event);
        category = event.category();
        money = event.money();
        title = event.title();
        description = event.description();
        participants.add(event.requester());
    }

    @EventSourcingHandler
    void on(StepOpened event) {
        steps = steps.with(event);
        participants.add(event.assignee());
    }

    @EventSourcingHandler
    void on(QuorumStepOpened event) {
        steps = steps.with(event);
        quorums.put(event.stepId(), new QuorumVote(event.stepId(), event.committeeId(),
                QuorumRule.parse(event.rule()), event.voters(), event.groups()));
        participants.addAll(event.voters());
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        quorums.get(event.stepId()).record(event.voter(), event.outcome(), event.votedBy());
        participants.add(event.votedBy());
    }

    @EventSourcingHandler
    void on(VoterRemoved event) {
        quorums.get(event.stepId()).remove(event.voter());
    }

    @EventSourcingHandler
    void on(VoterReplaced event) {
        quorums.get(event.stepId()).replace(event.voter(), event.successor());
        participants.add(event.successor());
    }

    @EventSourcingHandler
    void on(QuorumMet event) {
        steps = steps.with(event);
        quorums.get(event.stepId()).close(Outcome.APPROVED);
    }

    @EventSourcingHandler
    void on(QuorumFailed event) {
        steps = steps.with(event);
        quorums.get(event.stepId()).close(Outcome.REJECTED);
    }

    @EventSourcingHandler
    void on(StepDelegated event) {
        steps = steps.with(event);
        participants.add(event.from());
        participants.add(event.to());
    }

    @EventSourcingHandler
    void on(StepDelegationRecalled event) {
        steps = steps.with(event);
    }

    @EventSourcingHandler
    void on(StepEscalated event) {
        steps = steps.with(event);
        participants.add(event.to());
    }

    @EventSourcingHandler
    void on(StepReassigned event) {
        steps = steps.with(event);
        participants.add(event.to());
    }

    @EventSourcingHandler
    void on(StepDecided event) {
        steps = steps.with(event);
        participants.add(event.decidedBy());
    }

    @EventSourcingHandler
    void on(RequestWithdrawn event) {
        steps = steps.with(event);
        closedAt = event.withdrawnAt();
    }

    @EventSourcingHandler
    void on(RequestApproved event) {
        steps = steps.with(event);
        closedAt = event.approvedAt();
    }

    @EventSourcingHandler
    void on(RequestRejected event) {
        steps = steps.with(event);
        closedAt = event.rejectedAt();
    }

    @EventSourcingHandler
    void on(MoreInformationRequested event) {
        waiting = new SendBackPolicy.Waiting(event.stepId(), event.askedBy().value(), event.askedAt());
        steps = steps.with(event);
        participants.add(event.askedBy());
    }

    @EventSourcingHandler
    void on(MoreInformationProvided event) {
        waiting = null;
        steps = steps.with(event);
        if (event.title() != null) {
            title = event.title();
        }
        if (event.description() != null) {
            description = event.description();
        }
    }

    @EventSourcingHandler
    void on(RequesterLeftBeforeAnswering event) {
        waiting = null;
        steps = steps.with(event);
    }

    @EventSourcingHandler
    void on(RequestDataShredded event) {
        shreddedAt = event.shreddedAt();
    }

    /** How long the waiting step has waited by {@code now}: the time its clock stood still. */
    private Duration pauseUntil(Instant now) {
        Duration paused = Duration.between(waiting.askedAt(), now);
        return paused.isNegative() ? Duration.ZERO : paused;
    }

    /** The waiting step's due date moved by the pause, so the holder gets back the time that was left. */
    private Instant movedDueDate(Instant now) {
        StepHolding step = step(waiting.stepId());
        return step == null || step.dueAt() == null ? null : step.dueAt().plus(pauseUntil(now));
    }

    private RequestFacts facts() {
        return new RequestFacts(requester, steps.status(), category, money);
    }

    private boolean paused(StepId stepId) {
        return steps.paused(stepId);
    }

    /** The step with this id, or null (which the policies refuse) for a committee vote or a step never opened. */
    private StepHolding step(StepId stepId) {
        return steps.step(stepId).orElse(null);
    }

    private void refuseWhilePaused(StepId stepId, Refusals.Phrase what) {
        if (paused(stepId)) {
            throw SendBackPolicy.paused(waiting, what, facts());
        }
    }

    /** A request's status as a refusal names it ("already approved"), in the refusal's language. */
    static Refusals.Phrase status(RequestStatus status) {
        return Refusals.phrase("request.status." + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code code}: the refusal's sentence, "Step {0} is a committee vote and cannot be ..." */
    private void refuseForCommittee(StepId stepId, String code) {
        if (steps.vote(stepId)) {
            throw Refusals.conflict(code, stepId);
        }
    }

    /** Text a person may leave out: stripped, and none when nothing but blanks was typed. */
    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
