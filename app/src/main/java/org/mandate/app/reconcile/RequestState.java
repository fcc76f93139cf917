package org.mandate.app.reconcile;

import org.axonframework.eventhandling.EventMessage;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestStatus;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepOpened;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a request's events say the engine should hold: its status and its open steps with their assignees.
 * Folded here from the events rather than read from the aggregate, whose state is private to the domain.
 * New events that move a step to someone else (delegation, reassignment) must be folded here too.
 */
record RequestState(RequestStatus status, Map<String, String> openSteps) {

    static RequestState of(Stream<? extends EventMessage<?>> events) {
        RequestStatus status = null;
        Map<String, String> open = new LinkedHashMap<>();
        for (Object event : events.<Object>map(EventMessage::getPayload).toList()) {
            if (event instanceof RequestSubmitted) {
                status = RequestStatus.IN_REVIEW;
            } else if (event instanceof StepOpened opened) {
                open.put(opened.stepId().value(), opened.assignee().value());
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
        // a closed request has no open steps, whatever was left undecided on the way
        return new RequestState(status, status == RequestStatus.IN_REVIEW ? open : Map.of());
    }
}
