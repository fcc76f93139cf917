package org.mandate.bench.measure;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.mandate.bench.system.CamundaSystem;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.StepOpened;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The data at scale: many people, each with about {@value #STEPS_PER_INBOX} open steps, and many closed requests.
 * Mandate's side is written straight into its event store as the events its commands would record (running a
 * million approvals through the engine would take hours); the projections then have to build from them.
 * Camunda's side goes through the engine, because its tables have no other honest way in.
 */
public final class Dataset {

    public static final int STEPS_PER_INBOX = 100;
    /** The filtered inbox's category: a third of the open steps are in it. */
    public static final String FILTERED_CATEGORY = "supplies";
    /** The filtered inbox's lowest amount: about half of the amounts are at least this. */
    public static final BigDecimal FILTERED_MIN_AMOUNT = BigDecimal.valueOf(5_000);
    private static final List<String> CATEGORIES = List.of("equipment", FILTERED_CATEGORY, "trip");
    private static final String AGGREGATE = "ApprovalRequest";
    private static final int BATCH = 500;

    private Dataset() {
    }

    public static String approver(int i) {
        return "approver-" + i;
    }

    public static int people(int openSteps) {
        return Math.max(1, openSteps / STEPS_PER_INBOX);
    }

    /**
     * The category of the k-th open step (the same k in both systems, for the same person): the three categories
     * in turn, so a filter on one finds a third of anybody's inbox.
     */
    public static String category(int k) {
        return CATEGORIES.get(k % CATEGORIES.size());
    }

    /** The amount of the k-th open step: spread from 10 to 9,999 with no order among a person's steps. */
    public static BigDecimal amount(int k) {
        return BigDecimal.valueOf(10 + (k * 7919L) % 9990);
    }

    /** Appends the events of {@code open} requests waiting at a step and {@code closed} approved ones, interleaved. */
    public static void writeEvents(EventStorageEngine store, int open, int closed) {
        int total = open + closed;
        int people = people(open);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        int openSoFar = 0;
        for (int i = 0; i < total; i++) {
            // spreads the open ones evenly among the closed ones, in the order they would have happened
            boolean isOpen = (long) (i + 1) * open / total > (long) i * open / total;
            int k = isOpen ? openSoFar++ : i; // the k-th open step: its person, category and amount
            batch.addAll(request(i, k, approver(k % people), !isOpen));
            if (batch.size() >= BATCH) {
                store.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.appendEvents(batch);
        }
    }

    private static List<DomainEventMessage<?>> request(int i, int k, String approver, boolean closed) {
        RequestId id = RequestId.create();
        StepId step = new StepId(UUID.randomUUID().toString());
        PersonId person = PersonId.of(approver);
        Instant at = Instant.now();
        List<Object> events = new ArrayList<>(List.of(
                new RequestSubmitted(id, "Generated request " + i, closed ? "equipment" : category(k),
                        closed ? BigDecimal.valueOf(1500) : amount(k), "EUR",
                        "generated for the benchmark", PersonId.of("ana"), "approval", at),
                new StepOpened(id, step, "Approval", person, null, at, "approval:1:generated")));
        if (closed) {
            events.add(new StepDecided(id, step, Outcome.APPROVED, person, null, null, "generated", at));
            events.add(new RequestApproved(id, at));
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            messages.add(new GenericDomainEventMessage<>(AGGREGATE, id.toString(), sequence, events.get(sequence)));
        }
        return messages;
    }

    /** The same open steps for the same people in the engine, and {@code closed} completed ones, on 4 threads. */
    public static void startTasks(CamundaSystem camunda, int open, int closed) throws Exception {
        int people = people(open);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                int first = worker;
                work.add(workers.submit(() -> {
                    for (int i = first; i < open + closed; i += 4) {
                        camunda.addStep(approver(i % people), category(i), amount(i), i >= open);
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            workers.shutdown();
        }
    }
}
