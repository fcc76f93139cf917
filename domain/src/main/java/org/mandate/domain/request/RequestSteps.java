package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A request's steps folded from its events, in one place: whether the request is still in review, each step as
 * {@link StepHolding} (who holds it, who decides it now, who lent it, whether it waits for an answer), and which
 * steps are committee votes still open. Immutable: {@link #with} returns the steps after one more event. The
 * aggregate keeps its steps in it; the reconciler folds a request's stored events with it.
 */
public final class RequestSteps {

    private static final RequestSteps NONE = new RequestSteps(null, Map.of(), Set.of(), Set.of());

    /** Null until the request is submitted. */
    private final RequestStatus status;
    private final Map<StepId, StepHolding> steps;
    /** Committee votes: decided by a quorum rather than by one holder, so they have no holding. */
    private final Set<StepId> votes;
    private final Set<StepId> closedVotes;

    private RequestSteps(RequestStatus status, Map<StepId, StepHolding> steps, Set<StepId> votes,
                         Set<StepId> closedVotes) {
        this.status = status;
        this.steps = Collections.unmodifiableMap(steps);
        this.votes = Collections.unmodifiableSet(votes);
        this.closedVotes = Collections.unmodifiableSet(closedVotes);
    }

    public static RequestSteps none() {
        return NONE;
    }

    public static RequestSteps of(Stream<?> events) {
        RequestSteps folded = NONE;
        for (Iterator<?> each = events.iterator(); each.hasNext(); ) {
            folded = folded.with(each.next());
        }
        return folded;
    }

    /** The steps after this event; these same steps when it moves none of them. */
    public RequestSteps with(Object event) {
        if (event instanceof RequestSubmitted) {
            return withStatus(RequestStatus.IN_REVIEW);
        }
        if (event instanceof RequestApproved) {
            return withStatus(RequestStatus.APPROVED);
        }
        if (event instanceof RequestRejected) {
            return withStatus(RequestStatus.REJECTED);
        }
        if (event instanceof RequestWithdrawn) {
            return withStatus(RequestStatus.WITHDRAWN);
        }
        if (event instanceof StepOpened opened) {
            Map<StepId, StepHolding> more = new LinkedHashMap<>(steps);
            more.put(opened.stepId(), StepHolding.opened(opened));
            return new RequestSteps(status, more, votes, closedVotes);
        }
        if (event instanceof QuorumStepOpened opened) {
            return new RequestSteps(status, steps, plus(votes, opened.stepId()), closedVotes);
        }
        if (event instanceof QuorumMet met) {
            return new RequestSteps(status, steps, votes, plus(closedVotes, met.stepId()));
        }
        if (event instanceof QuorumFailed failed) {
            return new RequestSteps(status, steps, votes, plus(closedVotes, failed.stepId()));
        }
        return withEachStepAfter(event);
    }

    public RequestStatus status() {
        return status;
    }

    public boolean inReview() {
        return status == RequestStatus.IN_REVIEW;
    }

    /** Whether a step or a committee vote with this id was opened: a step opens once. */
    public boolean opened(StepId stepId) {
        return steps.containsKey(stepId) || votes.contains(stepId);
    }

    /** The step with this id; none for a committee vote or a step never opened. */
    public Optional<StepHolding> step(StepId stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    /** Every step opened so far, decided or not, in the order they opened (committee votes aside). */
    public Collection<StepHolding> all() {
        return steps.values();
    }

    /** The steps still to decide, in the order they opened; none once the request is closed. */
    public List<StepHolding> open() {
        return inReview() ? steps.values().stream().filter(step -> !step.decided()).toList() : List.of();
    }

    /** Who decides this step now without any mandate: the delegate while it is lent out, else its holder. */
    public Optional<PersonId> decider(StepId stepId) {
        return step(stepId).map(StepHolding::decider);
    }

    /** The holder who lent this step out; none while it is not lent out. */
    public Optional<PersonId> lender(StepId stepId) {
        return step(stepId).map(StepHolding::lender);
    }

    /** Whether this step waits for the requester's answer to a question. */
    public boolean paused(StepId stepId) {
        return step(stepId).filter(StepHolding::paused).isPresent();
    }

    public boolean vote(StepId stepId) {
        return votes.contains(stepId);
    }

    /** The committee votes neither met nor failed yet, in the order they opened; none once the request is closed. */
    public List<StepId> openVotes() {
        return inReview() ? votes.stream().filter(vote -> !closedVotes.contains(vote)).toList() : List.of();
    }

    private RequestSteps withStatus(RequestStatus newStatus) {
        return new RequestSteps(newStatus, steps, votes, closedVotes);
    }

    private RequestSteps withEachStepAfter(Object event) {
        Map<StepId, StepHolding> after = null; // copied only when a step moves: most events move none
        for (StepHolding step : steps.values()) {
            StepHolding moved = step.after(event);
            if (moved != step) {
                after = after == null ? new LinkedHashMap<>(steps) : after;
                after.put(step.id(), moved);
            }
        }
        return after == null ? this : new RequestSteps(status, after, votes, closedVotes);
    }

    private static Set<StepId> plus(Set<StepId> ids, StepId id) {
        Set<StepId> more = new LinkedHashSet<>(ids);
        more.add(id);
        return more;
    }
}
