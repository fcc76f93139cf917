package org.mandate.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepOpened;
import org.mandate.projections.request.RequestViewProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Business counters, counted once per event on the node that recorded it, and only once its transaction has
 * committed (a refused or rolled-back command counts nothing). Subscribing, so a rebuild of the projections does
 * not count history again. Labels are bounded: outcome (two values) and whether a mandate was used (two).
 * Counting must never break a command, so every failure here is logged and swallowed.
 */
@Component
@ProcessingGroup(BusinessMetrics.NAME)
class BusinessMetrics {

    static final String NAME = "metrics";

    /** Decisions take minutes to weeks: a few human-scale buckets instead of seventy machine-scale ones. */
    private static final Duration[] BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
        Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30)};

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final MeterRegistry registry;
    private final EventStore events;
    private final RequestViewProjection requests;
    private final Counter submitted;
    private final Counter escalations;
    private final Timer stepDecisionTime;
    private final Timer requestDecisionTime;

    BusinessMetrics(MeterRegistry registry, EventStore events, RequestViewProjection requests) {
        this.registry = registry;
        this.events = events;
        this.requests = requests;
        this.submitted = Counter.builder("mandate.requests.submitted").description("Requests submitted")
                .register(registry);
        this.escalations = Counter.builder("mandate.escalations").description("Steps escalated one level up")
                .register(registry);
        this.stepDecisionTime = Timer.builder("mandate.step.decision.time")
                .description("From a step opening to its decision").serviceLevelObjectives(BUCKETS)
                .register(registry);
        this.requestDecisionTime = Timer.builder("mandate.request.decision.time")
                .description("From submission to the request's final approval or rejection")
                .serviceLevelObjectives(BUCKETS).register(registry);
        for (Outcome outcome : Outcome.values()) {
            decisions(outcome, false);
            decisions(outcome, true);
        }
    }

    @EventHandler
    void on(RequestSubmitted event) {
        afterCommit(submitted::increment);
    }

    @EventHandler
    void on(StepDecided event) {
        Counter decisions = decisions(event.outcome(), event.mandateId() != null);
        Optional<Instant> opened = safely(() -> requests.stepOpenedAt(event.stepId().value())
                .or(() -> first(event.requestId(), StepOpened.class,
                        opening -> opening.stepId().equals(event.stepId()))));
        afterCommit(() -> {
            decisions.increment();
            opened.ifPresent(at -> stepDecisionTime.record(Duration.between(at, event.decidedAt())));
        });
    }

    @EventHandler
    void on(RequestApproved event) {
        requestClosed(event.requestId(), event.approvedAt());
    }

    @EventHandler
    void on(RequestRejected event) {
        requestClosed(event.requestId(), event.rejectedAt());
    }

    @EventHandler
    void on(StepEscalated event) {
        afterCommit(escalations::increment);
    }

    private void requestClosed(RequestId id, Instant closedAt) {
        Optional<Instant> submittedAt = safely(() -> requests.submittedAt(id.toString())
                .or(() -> first(id, RequestSubmitted.class, submission -> true)));
        afterCommit(() -> submittedAt.ifPresent(at -> requestDecisionTime.record(Duration.between(at, closedAt))));
    }

    private Counter decisions(Outcome outcome, boolean underMandate) {
        return Counter.builder("mandate.decisions").description("Step decisions")
                .tag("outcome", outcome.name().toLowerCase()).tag("under_mandate", String.valueOf(underMandate))
                .register(registry);
    }

    /**
     * When the earliest event of the request of this type that matches happened; the request's own history is
     * short. Only events of the type are deserialised: the others stay as stored, so this does not decrypt the
     * request's sealed title and description to find a timestamp. Read only when the request view (inline: written
     * in an earlier transaction, or earlier in this one) has no row to answer from, as while it is rebuilt; reading
     * the events on every decision was a sixteenth of an approval's time in the bench's profile.
     */
    private <T> Optional<Instant> first(RequestId id, Class<T> type, Predicate<T> matching) {
        return events.readEvents(id.toString()).asStream()
                .filter(message -> message.getPayloadType().equals(type))
                .filter(message -> matching.test(type.cast(message.getPayload()))).findFirst()
                .map(EventMessage::getTimestamp);
    }

    private static Optional<Instant> safely(Supplier<Optional<Instant>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            log.warn("Could not time a decision: {}", e.toString());
            return Optional.empty();
        }
    }

    private static void afterCommit(Runnable count) {
        Runnable safe = () -> {
            try {
                count.run();
            } catch (RuntimeException e) {
                log.warn("Could not count an event: {}", e.toString());
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> safe.run());
        } else {
            safe.run();
        }
    }
}
