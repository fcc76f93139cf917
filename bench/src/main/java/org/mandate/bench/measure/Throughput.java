package org.mandate.bench.measure;

import org.mandate.bench.db.SqlCounter;
import org.mandate.bench.system.ApprovalSystem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop throughput: {@code clients} threads run whole approvals back to back; only approvals that finish
 * inside the measuring window count, and SQL is counted over the same window. On a machine so busy that nothing
 * finished in the window, the window is stretched until something does, and its real length is used.
 */
public final class Throughput {

    /** {@code commitsByThread}: the write commits per approval by the kind of thread that made them. */
    public record Result(int clients, long approvals, double perSecond, double statementsPerApproval,
                         double commitsPerApproval, double commitsPerSecond, Map<String, Double> commitsByThread) {
    }

    private Throughput() {
    }

    public static Result run(ApprovalSystem system, int clients, Duration warmup, Duration window,
                             AtomicInteger numbers) throws InterruptedException {
        long windowStart = System.nanoTime() + warmup.toNanos();
        AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
        LongAdder counted = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < windowEnd.get() && failure.get() == null) {
                        system.approve(numbers.getAndIncrement());
                        long end = System.nanoTime();
                        if (end >= windowStart && end <= windowEnd.get()) {
                            counted.increment();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + i);
            threads.add(client);
            client.start();
        }
        Clock.sleepUntil(windowStart);
        SqlCounter.Counts before = system.counter().counts();
        Map<String, Long> threadsBefore = system.counter().commitsByThread();
        Clock.sleepUntil(windowStart + window.toNanos());
        while (counted.sum() == 0 && failure.get() == null && threads.stream().anyMatch(Thread::isAlive)) {
            Clock.sleepUntil(System.nanoTime() + 10_000_000);
        }
        long end = System.nanoTime();
        windowEnd.set(end);
        SqlCounter.Counts during = system.counter().counts().minus(before);
        Map<String, Long> threadsAfter = system.counter().commitsByThread();
        long approvals = counted.sum();
        Map<String, Double> byThread = new TreeMap<>();
        threadsAfter.forEach((thread, commits) -> byThread.put(thread,
                Math.round(100.0 * (commits - threadsBefore.getOrDefault(thread, 0L)) / approvals) / 100.0));
        for (Thread client : threads) {
            client.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(system.name() + " failed an approval with " + clients + " clients",
                    failure.get());
        }
        double seconds = (end - windowStart) / 1e9;
        return new Result(clients, approvals, approvals / seconds, (double) during.statements() / approvals,
                (double) during.commits() / approvals, during.commits() / seconds, byThread);
    }
}
