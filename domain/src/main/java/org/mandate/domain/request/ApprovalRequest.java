package org.mandate.domain.request;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A request for approval and the state of its steps. Commands are validated here, state changes only in on(...). */
@AggregateRoot(type = "ApprovalRequest")
public class ApprovalRequest {

    public static final String DEFAULT_PROCESS = "approval";

    @AggregateIdentifier
    private RequestId id;
    private PersonId requester;
    private RequestStatus status;
    private final Map<StepId, Step> steps = new LinkedHashMap<>();

    ApprovalRequest() {
        // for Axon
    }

    @CommandHandler
    public ApprovalRequest(SubmitRequest command, Directory directory, Clock clock) {
        SubmissionPolicy.check(command);
        if (directory.find(command.requester()).isEmpty()) {
            throw RuleViolation.forbidden("You are not in the directory, so you cannot submit requests.");
        }
        new ApprovalRouting(directory).firstApprover(command.requester(), command.category(), command.amount());
        String processKey = command.processKey() == null || command.processKey().isBlank()
                ? DEFAULT_PROCESS : command.processKey();
        apply(new RequestSubmitted(command.requestId(), command.title().strip(), command.category(),
                command.amount(), command.currency(), command.description(), command.requester(), processKey,
                clock.instant()));
    }

    @CommandHandler
    void handle(OpenStep command, Clock clock) {
        if (steps.containsKey(command.stepId())) {
            return; // the engine may repeat itself after a retry; a step opens once
        }
        if (status != RequestStatus.IN_REVIEW) {
            throw RuleViolation.conflict("Request " + id + " is " + status + "; no new step can open.");
        }
        if (command.assignee() == null || command.assignee().equals(requester)) {
            throw RuleViolation.conflict("The approval path routed step '" + command.name()
                    + "' to " + (command.assignee() == null ? "nobody" : "the requester")
                    + "; fix the process so that someone else decides it.");
        }
        apply(new StepOpened(id, command.stepId(), command.name(), command.assignee(), command.dueAt(),
                clock.instant(), command.pathVersion()));
    }

    @CommandHandler
    void handle(DecideStep command, Clock clock) {
        DecisionPolicy.check(command, requester, status, steps.get(command.stepId()));
        String rationale = command.rationale() == null ? null : command.rationale().strip();
        apply(new StepDecided(id, command.stepId(), command.outcome(), command.decider(), null, null, rationale,
                clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawRequest command, Clock clock) {
        if (!command.by().equals(requester)) {
            throw RuleViolation.forbidden("Only the requester can withdraw a request.");
        }
        if (status != RequestStatus.IN_REVIEW) {
            throw RuleViolation.conflict("This request is already " + status.name().toLowerCase()
                    + " and can no longer be withdrawn.");
        }
        apply(new RequestWithdrawn(id, command.by(), command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(CompleteRequest command, Clock clock) {
        if (status != RequestStatus.IN_REVIEW) {
            return; // already closed, e.g. withdrawn while the engine was finishing
        }
        if (command.outcome() == Outcome.APPROVED) {
            apply(new RequestApproved(id, clock.instant()));
        } else {
            apply(new RequestRejected(id, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(RequestSubmitted event) {
        id = event.requestId();
        requester = event.requester();
        status = RequestStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(StepOpened event) {
        steps.put(event.stepId(), new Step(event.stepId(), event.assignee(), null));
    }

    @EventSourcingHandler
    void on(StepDecided event) {
        steps.computeIfPresent(event.stepId(), (stepId, step) -> step.decidedBy(event.decidedBy()));
    }

    @EventSourcingHandler
    void on(RequestWithdrawn event) {
        status = RequestStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(RequestApproved event) {
        status = RequestStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(RequestRejected event) {
        status = RequestStatus.REJECTED;
    }
}
