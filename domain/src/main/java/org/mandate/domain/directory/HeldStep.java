package org.mandate.domain.directory;

/**
 * An open step as a departure sees it: who made the request, who holds the step and, while it is lent out, who
 * has it on loan. Ids are plain strings so that the directory does not depend on the request model.
 */
public record HeldStep(String requestId, String stepId, String title, PersonId requester, PersonId holder,
                       PersonId lentTo) {

    public PersonId decider() {
        return lentTo != null ? lentTo : holder;
    }
}
