package org.mandate.bench.measure;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.mandate.bench.system.ApprovalSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Command latency at a fixed offered load: decisions are issued on a fixed schedule, whether or not earlier ones
 * have finished, and each is timed from when it was due, not from when a thread got to it, so a stall shows up
 * in the latency of everything queued behind it (no coordinated omission). The steps to decide are opened first,
 * and the system settles before the first decision is due: what it does in the background for those submissions
 * is not the decisions' latency.
 */
public final class FixedLoad {

    public record Result(int operations, double offeredPerSecond, double p50Millis, double p99Millis,
                         double maxMillis) {
    }

    /** The decisions of one system over one or more rounds. */
    public static final class Recording {

        private final Histogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);

        /** {@code perSecond}: the load the decisions were offered at. */
        public Result result(double perSecond) {
            return new Result((int) micros.getTotalCount(), perSecond, micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
        }
    }

    private FixedLoad() {
    }

    /** Decides for {@code window} at {@code perSecond}, adding each decision's latency to {@code into}. */
    public static void run(ApprovalSystem system, java.time.Duration window, double perSecond,
                           AtomicInteger numbers, Recording into) throws InterruptedException {
        int operations = (int) Math.max(5, Math.round(perSecond * window.toNanos() / 1e9));
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            steps.add(system.openStep(2 * (numbers.getAndIncrement() / 2))); // even: a one-step request
        }
        system.settle();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService issuers = Executors.newFixedThreadPool(16);
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < operations; i++) {
            long due = start + i * period;
            Object step = steps.get(i);
            issuers.execute(() -> {
                Clock.sleepUntil(due);
                try {
                    system.decide(step);
                    into.micros.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        issuers.shutdown();
        if (!issuers.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("decisions still running after an hour");
        }
        if (failure.get() != null) {
            throw new IllegalStateException(system.name() + " failed a decision", failure.get());
        }
    }
}
