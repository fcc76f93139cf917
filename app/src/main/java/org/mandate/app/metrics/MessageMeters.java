package org.mandate.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of Axon's {@code MessageCountingMonitor} and {@code MessageTimerMonitor} together, with the same names,
 * tags and percentiles, looked up once per payload type instead of for every message. Axon's monitors ask the
 * registry for nine meters per handled message (building their ids and tags each time): in a rebuild that was a
 * twelfth of each projection thread. A message the processor ignores (it has no handler for it, as for most of what
 * each processor sees) is counted but not timed: recording those into the timers' percentile histograms was 3% of an
 * approval's time on PostgreSQL in the bench's profile, for a time that only says how quickly nothing was done. So
 * {@code ignoredTimer} is not published, and {@code allTimer} times the messages handled, successfully or not.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private final String prefix;
    private final MeterRegistry registry;
    private final Tags tags;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    /** {@code tags}: what every meter carries besides the payload type (e.g. the processor's name). */
    MessageMeters(String prefix, MeterRegistry registry, Tags tags) {
        this.prefix = prefix;
        this.registry = registry;
        this.tags = tags;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        meters.ingested.increment();
        long start = registry.config().clock().monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.processed.increment();
                meters.success.increment();
                meters.record(meters.successTime, start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.processed.increment();
                meters.failure.increment();
                meters.record(meters.failureTime, start);
            }

            @Override
            public void reportIgnored() {
                meters.ignored.increment();
            }
        };
    }

    private Meters meters(Class<?> payloadType) {
        Tags withType = tags.and(TagsUtil.PAYLOAD_TYPE_TAG, payloadType.getSimpleName());
        return new Meters(registry, counter("ingestedCounter", withType), counter("successCounter", withType),
                counter("failureCounter", withType), counter("processedCounter", withType),
                counter("ignoredCounter", withType), timer("allTimer", withType), timer("successTimer", withType),
                timer("failureTimer", withType));
    }

    private Counter counter(String name, Tags withType) {
        return registry.counter(prefix + "." + name, withType);
    }

    /** As Axon builds them: client-side percentiles over the last ten minutes. */
    private Timer timer(String name, Tags withType) {
        return Timer.builder(prefix + "." + name).distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999).tags(withType).register(registry);
    }

    private record Meters(MeterRegistry registry, Counter ingested, Counter success, Counter failure,
                          Counter processed, Counter ignored, Timer allTime, Timer successTime, Timer failureTime) {

        void record(Timer outcome, long start) {
            long nanos = registry.config().clock().monotonicTime() - start;
            allTime.record(nanos, TimeUnit.NANOSECONDS);
            outcome.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
