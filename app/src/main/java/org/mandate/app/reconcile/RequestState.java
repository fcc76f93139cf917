package org.mandate.app.reconcile;

import org.axonframework.eventhandling.EventMessage;
import org.mandate.domain.request.RequestStatus;
import org.mandate.domain.request.RequestSteps;
import org.mandate.domain.request.StepHolding;
import org.mandate.domain.request.StepId;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a request's events say the engine should hold: its status and, for each open step, who decides it now
 * (the engine task's assignee: the delegate while a step is lent out, else its holder), who lent it out, and which
 * steps wait for the requester's answer (their engine timers are suspended meanwhile). Folded from the stored events
 * by the domain's own fold ({@link RequestSteps}), the one the aggregate keeps its steps in, and keyed by the ids the
 * engine knows. A closed request has no open steps, whatever was left undecided on the way.
 */
record RequestState(RequestStatus status, Map<String, String> openSteps, Map<String, String> lenders,
                    Set<String> openVotes, Set<String> pausedSteps) {

    static RequestState of(Stream<? extends EventMessage<?>> events) {
        RequestSteps steps = RequestSteps.of(events.map(EventMessage::getPayload));
        Map<String, String> deciders = new LinkedHashMap<>();
        Map<String, String> lenders = new LinkedHashMap<>();
        Set<String> paused = new LinkedHashSet<>();
        for (StepHolding step : steps.open()) {
            deciders.put(step.id().value(), step.decider().value());
            if (step.lender() != null) {
                lenders.put(step.id().value(), step.lender().value());
            }
            if (step.paused()) {
                paused.add(step.id().value());
            }
        }
        // committee votes: one engine task with no assignee each, until the quorum is met or missed
        Set<String> votes = steps.openVotes().stream().map(StepId::value)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new RequestState(steps.status(), deciders, lenders, votes, paused);
    }
}
