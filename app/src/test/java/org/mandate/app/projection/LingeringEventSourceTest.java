package org.mandate.app.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** On a real (in-memory) event store: a caught-up reader's batch gathers what arrives while it lingers. */
class LingeringEventSourceTest {

    private static final Duration LINGER = Duration.ofMillis(600);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final LingeringEventSource source = new LingeringEventSource(store, LINGER);

    @AfterEach
    void close() {
        store.shutDown();
    }

    @Test
    void aCaughtUpReaderLetsTheNextEventsJoinTheBatch() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            FutureTask<Boolean> first = new FutureTask<>(() -> stream.hasNextAvailable(5, TimeUnit.SECONDS));
            Thread reader = new Thread(first, "lingering-reader");
            reader.start();
            // the reader must be waiting for news before "first" arrives: a reader that finds it already there is
            // behind, and rightly does not linger
            while (reader.getState() != Thread.State.TIMED_WAITING) {
                assertThat(reader.isAlive()).as("the reader is still waiting for the first event").isTrue();
                Thread.onSpinWait();
            }
            store.publish(GenericEventMessage.asEventMessage("first"));
            Thread.sleep(100); // well inside the linger
            store.publish(GenericEventMessage.asEventMessage("second"));

            assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(batch(stream)).containsExactly("first", "second");
        }
    }

    @Test
    void aReaderThatIsBehindDoesNotLinger() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("old"), GenericEventMessage.asEventMessage("older"));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            long start = System.nanoTime();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            // bounded by the linger, not by a speed: it would have slept the whole 600 ms
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LINGER);
            assertThat(batch(stream)).containsExactly("old", "older");
        }
    }

    @Test
    void aLiveReaderThatFindsNewsAfterEachBatchStillStartsAtMostOneBatchPerLinger() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            store.publish(GenericEventMessage.asEventMessage("first"));
            long firstBatch = System.nanoTime();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(filled(stream)).containsExactly("first"); // the batch empties the stream: live
            // while that batch is written, the next command's events arrive, and one more during the wait
            store.publish(GenericEventMessage.asEventMessage("second"));
            Thread later = new Thread(() -> {
                sleep(100);
                store.publish(GenericEventMessage.asEventMessage("third"));
            });
            later.start();

            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - firstBatch)).isGreaterThanOrEqualTo(LINGER);
            later.join();
            assertThat(filled(stream)).containsExactly("second", "third");
        }
    }

    @Test
    void noLingerReadsTheStoreAsItIs() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("only"));
        LingeringEventSource plain = new LingeringEventSource(store, Duration.ZERO);
        try (BlockingStream<TrackedEventMessage<?>> stream = plain.openStream(null)) {
            assertThat(batch(stream)).containsExactly("only");
            assertThat(plain.createHeadToken()).isEqualTo(store.createHeadToken());
        }
    }

    /** As Axon's tracking processor fills a batch: it peeks for more and stops when nothing is there. */
    private static List<Object> filled(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (stream.peek().isPresent()) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Object> batch(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }
}
