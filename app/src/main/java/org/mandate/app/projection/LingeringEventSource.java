package org.mandate.app.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the background projections (audit trail, ledger, knowledge, insights, process versions) read
 * it. Nobody waits for those after a command, yet each would commit a transaction and a token update after every
 * command, as soon as its events appear. When a projection has caught up and a new event arrives, this holds the
 * batch open for {@code linger}, so that the events of the commands running meanwhile join it: one commit for
 * several commands instead of one each. Under steady load a projection finds new events waiting as soon as it has
 * written a batch that emptied the stream; it then waits for the rest of the linger since that batch began, so that
 * it still starts at most one batch per linger. A projection that is behind (a rebuild, a restart: its batches end
 * full, not with the stream empty) never lingers.
 */
public final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration linger;

    public LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger) {
        this.store = store;
        this.linger = linger;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token);
        return linger.isZero() ? stream : new Lingering(stream);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        /** Whether the processor's last look for more (peek, as it fills a batch) found the stream empty. */
        private boolean drained;
        /** When the last batch began; one linger ago at first (not Long.MIN_VALUE: the subtraction would overflow). */
        private long batchBegan;

        Lingering(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
            this.batchBegan = System.nanoTime() - linger.toNanos();
        }

        /** The processor asks this while it fills a batch: never lingers. */
        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        /** The processor waits here for the first event of a batch. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (events.hasNextAvailable()) {
                if (drained) { // live, and busy: the events came while the last batch was written
                    long sinceLastBatch = System.nanoTime() - batchBegan;
                    if (sinceLastBatch < linger.toNanos()) {
                        TimeUnit.NANOSECONDS.sleep(linger.toNanos() - sinceLastBatch);
                    }
                }
                return begin(); // behind: go
            }
            if (!events.hasNextAvailable(timeout, unit)) {
                return false;
            }
            Thread.sleep(linger.toMillis()); // caught up, and something just happened: let what follows join it
            return begin();
        }

        private boolean begin() {
            batchBegan = System.nanoTime();
            drained = false;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = events.peek();
            drained = next.isEmpty();
            return next;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void close() {
            events.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }
    }
}
