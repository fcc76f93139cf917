package org.mandate.app.request;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.projections.request.RequestView;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads a request for a person, who sees it only if they take part in it, manage its requester, or audit. */
@Component
public class RequestReader {

    private final RequestViewProjection requests;
    private final Directory directory;

    RequestReader(RequestViewProjection requests, Directory directory) {
        this.requests = requests;
        this.directory = directory;
    }

    public Optional<RequestView> find(String id) {
        return requests.find(id);
    }

    public RequestView readableBy(String id, Authentication user) {
        RequestView view = requests.find(id).orElseThrow(() -> RuleViolation.notFound(
                "There is no request " + id + ". Check the id, or look in your inbox."));
        if (!mayRead(view, user)) {
            throw RuleViolation.forbidden("You are not part of this request, and it was not made by someone who "
                    + "reports to you.");
        }
        return view;
    }

    private boolean mayRead(RequestView view, Authentication user) {
        String me = user.getName();
        if (view.involves(me) || user.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals("ROLE_AUDITOR") || authority.getAuthority().equals("ROLE_ADMIN"))) {
            return true;
        }
        return directory.managementChainAbove(PersonId.of(view.requester())).stream()
                .map(Person::id).anyMatch(PersonId.of(me)::equals);
    }
}
