package org.mandate.app.request.web;

import org.mandate.app.web.People;
import org.mandate.projections.request.RequestView;
import org.mandate.projections.request.RequestViewProjection;

import java.util.Optional;

/**
 * Says why a step the person was looking at left their inbox. Keys come from the browser, so a request the
 * person takes no part in is described without any detail.
 */
final class GoneStepNotice {

    private final RequestViewProjection requests;
    private final People people;

    GoneStepNotice(RequestViewProjection requests, People people) {
        this.requests = requests;
        this.people = people;
    }

    String describe(String key, String me) {
        String[] parts = key.split(":", 2);
        Optional<RequestView> found = parts.length == 2 ? requests.find(parts[0]) : Optional.empty();
        if (found.isEmpty() || !found.get().involves(me)) {
            return "A step left your inbox.";
        }
        RequestView request = found.get();
        String title = "‘" + request.title() + "’";
        RequestView.StepView step = request.steps().stream().filter(s -> s.id().equals(parts[1])).findFirst()
                .orElse(null);
        if (step != null && step.decision() != null) {
            String who = me.equals(step.decision().decidedBy()) ? "You" : people.name(step.decision().decidedBy());
            return who + " " + step.decision().outcome().toLowerCase() + " " + title + "; it left your inbox.";
        }
        if ("WITHDRAWN".equals(request.status())) {
            return people.name(request.requester()) + " withdrew " + title + "; it left your inbox.";
        }
        if (step != null && !me.equals(step.assignee())) {
            return title + " is now with " + people.name(step.assignee()) + "; it left your inbox.";
        }
        return title + " no longer waits for you.";
    }
}
