package org.mandate.app.projection;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Rebuilds an inline read model from event zero (docs/adr/0010-inline-read-models.md): in one transaction that
 * closes the {@link InlineGate}, empties the tables (the projection's reset handler) and replays every event in the
 * store through the projection's own handlers, a thousand events per unit of work so that it writes in batches as a
 * tracking processor would. Commands that write these tables wait at the gate meanwhile and write into the rebuilt
 * rows once it commits; readers see the old rows until then. A node that dies mid-rebuild rolls it back with its
 * connection, leaving the tables as they were. Progress is this node's to tell: the rebuild's position in the store
 * is shown as the projection's lag in {@code /actuator/health} and {@code mandate_projection_lag_events}.
 */
@Component
public class InlineRebuilds {

    private static final Logger log = LoggerFactory.getLogger(InlineRebuilds.class);
    private static final int BATCH = 1000;

    /** One rebuild's state on this node: how far it has got of the events that were in the store when it began. */
    public record Progress(String name, long position, long head, Instant started, Instant finished, String failure) {

        public boolean running() {
            return finished == null;
        }

        Progress at(long newPosition) {
            return new Progress(name, newPosition, head, started, null, null);
        }
    }

    private final Map<String, Object> projections;
    private final InlineGate gate;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "inline-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    InlineRebuilds(InboxProjection inbox, RequestViewProjection requests, InlineGate gate, EventStorageEngine storage,
                   JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.projections = Map.of(InboxProjection.NAME, inbox, RequestViewProjection.NAME, requests);
        this.gate = gate;
        this.storage = storage;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Set<String> names() {
        return projections.keySet();
    }

    public boolean isInline(String name) {
        return projections.containsKey(name);
    }

    /** The latest rebuild of this projection on this node, if any. */
    public Optional<Progress> progress(String name) {
        return Optional.ofNullable(progress.get(name));
    }

    /**
     * Events the projection's running rebuild has still to replay, at least one until it has committed; 0 when none
     * runs here (an inline read model is never behind otherwise).
     */
    public long lag(String name) {
        Progress now = progress.get(name);
        return now == null || !now.running() ? 0 : Math.max(1, now.head() - now.position());
    }

    /**
     * Starts a rebuild in the background and returns once it holds the right to run: refused while one of these
     * runs on this node, or on another node sharing the database.
     */
    public synchronized void start(String name) {
        if (progress.values().stream().anyMatch(Progress::running)) {
            throw AppRefusals.conflict("refusal.rebuild.running", progress.values().stream()
                    .filter(Progress::running).map(Progress::name).findFirst().orElseThrow());
        }
        progress.put(name, new Progress(name, -1, -1, clock.instant(), null, null));
        CompletableFuture<Void> started = new CompletableFuture<>();
        runner.execute(() -> run(name, started));
        try {
            started.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException refused) {
            if (refused.getCause() instanceof RuleViolation violation) {
                throw violation;
            }
            throw new IllegalStateException(refused.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException stillWaiting) {
            // it runs once it may; its progress tells
        }
    }

    /** Runs a rebuild on the calling thread and returns when it has committed (the bench's replay figure). */
    public Progress rebuild(String name) {
        if (!isInline(name)) {
            throw new IllegalArgumentException("not an inline projection: " + name);
        }
        progress.put(name, new Progress(name, -1, -1, clock.instant(), null, null));
        run(name, new CompletableFuture<>());
        return progress.get(name);
    }

    private void run(String name, CompletableFuture<Void> allowed) {
        Instant started = progress.get(name).started();
        try {
            long[] replayed = transactions.execute(status -> replay(name, started, allowed));
            progress.put(name, new Progress(name, replayed[0], replayed[1], started, clock.instant(), null));
            log.info("Rebuilt {} from {} events", name, replayed[2]);
        } catch (RuntimeException | Error failure) {
            allowed.completeExceptionally(failure);
            if (failure instanceof RuleViolation refused) {
                log.info("Rebuilding {} refused: {}", name, refused.getMessage());
            } else {
                log.error("Rebuilding {} failed; its tables are as they were before", name, failure);
            }
            Progress now = progress.get(name);
            progress.put(name, new Progress(name, now.position(), now.head(), started, clock.instant(),
                    String.valueOf(failure.getMessage())));
        } finally {
            gate.endRebuild();
        }
    }

    /** Position, head and number of events replayed. */
    private long[] replay(String name, Instant started, CompletableFuture<Void> allowed) {
        if (!gate.startRebuild()) {
            throw AppRefusals.conflict("refusal.rebuild.otherNode");
        }
        allowed.complete(null);
        try {
            gate.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commands in flight", e);
        }
        Long stored = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long head = stored == null ? -1 : stored;
        progress.put(name, new Progress(name, -1, head, started, null, null));
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projections.get(name));
        handlers.prepareReset();
        long position = -1;
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> all = events.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            while (all.hasNext()) {
                batch.add(all.next());
                if (batch.size() == BATCH || !all.hasNext()) {
                    handle(handlers, batch);
                    TrackedEventMessage<?> last = batch.get(batch.size() - 1);
                    position = last.trackingToken().position().orElse(position);
                    count += batch.size();
                    batch.clear();
                    progress.put(name, progress.get(name).at(position));
                }
            }
        }
        return new long[]{position, head, count};
    }

    /** One unit of work per batch: the projection's {@code PerBatch} state is written as it commits. */
    private static void handle(AnnotationEventHandlerAdapter handlers, List<TrackedEventMessage<?>> batch) {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            for (TrackedEventMessage<?> event : batch) {
                if (handlers.canHandle(event)) {
                    handlers.handle(event);
                }
            }
            unit.commit();
        } catch (Exception failure) {
            if (unit.isActive()) {
                unit.rollback(failure);
            }
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    @PreDestroy
    void stop() {
        // not interrupted: a rebuild under way writes to the database (PeriodicTask); it is left to fail when the pool
        // closes, rolling back its last batch, as after a crash
        runner.shutdown();
    }
}
