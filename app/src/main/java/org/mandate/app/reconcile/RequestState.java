package org.mandate.app.reconcile;

import org.axonframework.eventhandling.EventMessage;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestStatus;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepDelegationRecalled;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepOpened;
import org.mandate.domain.request.StepReassigned;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a request's events say the engine should hold: its status and, for each open step, who decides it now
 * (the engine task's assignee: the delegate while a step is lent out, else its holder), and who lent it out. Folded here from the
 * events rather than read from the aggregate, whose state is private to the domain; an event that moves a step
 * to someone else must be folded here too.
 */
record RequestState(RequestStatus status, Map<String, String> openSteps, Map<String, String> lenders,
                    Set<String> openVotes, Set<String> pausedSteps) {

    /** A step's holder, and the delegate deciding it in their place while it is lent out. */
    private record Holding(String holder, String delegate) {

        String decider() {
            return delegate != null ? delegate : holder;
        }
    }

    static RequestState of(Stream<? extends EventMessage<?>> events) {
        RequestStatus status = null;
        Map<String, Holding> open = new LinkedHashMap<>();
        // committee votes: one engine task with no assignee each, until the quorum is met or missed
        Set<String> votes = new LinkedHashSet<>();
        // steps sent back for more information, until the requester answers: their engine timers are suspended
        Set<String> paused = new LinkedHashSet<>();
        for (Object event : events.<Object>map(EventMessage::getPayload).toList()) {
            if (event instanceof RequestSubmitted) {
                status = RequestStatus.IN_REVIEW;
            } else if (event instanceof StepOpened opened) {
                open.put(opened.stepId().value(), new Holding(opened.assignee().value(), null));
            } else if (event instanceof StepDelegated lent) {
                open.computeIfPresent(lent.stepId().value(), (id, step) -> new Holding(step.holder(),
                        lent.to().value()));
            } else if (event instanceof StepDelegationRecalled recalled) {
                open.computeIfPresent(recalled.stepId().value(), (id, step) -> new Holding(step.holder(), null));
            } else if (event instanceof StepEscalated escalated) {
                open.computeIfPresent(escalated.stepId().value(), (id, step) -> new Holding(escalated.to().value(),
                        null));
            } else if (event instanceof StepReassigned reassigned) {
                open.computeIfPresent(reassigned.stepId().value(), (id, step) ->
                        new Holding(reassigned.to().value(), null));
            } else if (event instanceof QuorumStepOpened opened) {
                votes.add(opened.stepId().value());
            } else if (event instanceof QuorumMet met) {
                votes.remove(met.stepId().value());
            } else if (event instanceof QuorumFailed failed) {
                votes.remove(failed.stepId().value());
            } else if (event instanceof MoreInformationRequested asked) {
                paused.add(asked.stepId().value());
            } else if (event instanceof MoreInformationProvided answered) {
                paused.remove(answered.stepId().value());
            } else if (event instanceof RequesterLeftBeforeAnswering left) {
                paused.remove(left.stepId().value());
            } else if (event instanceof StepDecided decided) {
                open.remove(decided.stepId().value());
            } else if (event instanceof RequestApproved) {
                status = RequestStatus.APPROVED;
            } else if (event instanceof RequestRejected) {
                status = RequestStatus.REJECTED;
            } else if (event instanceof RequestWithdrawn) {
                status = RequestStatus.WITHDRAWN;
            }
        }
        Map<String, String> deciders = new LinkedHashMap<>();
        Map<String, String> lenders = new LinkedHashMap<>();
        open.forEach((stepId, holding) -> {
            deciders.put(stepId, holding.decider());
            if (holding.delegate() != null) {
                lenders.put(stepId, holding.holder());
            }
        });
        // a closed request has no open steps, whatever was left undecided on the way
        boolean inReview = status == RequestStatus.IN_REVIEW;
        return new RequestState(status, inReview ? deciders : Map.of(), inReview ? lenders : Map.of(),
                inReview ? Set.copyOf(votes) : Set.of(), inReview ? Set.copyOf(paused) : Set.of());
    }
}
