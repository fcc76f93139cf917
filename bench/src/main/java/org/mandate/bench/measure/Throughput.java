package org.mandate.bench.measure;

import com.sun.management.OperatingSystemMXBean;
import org.mandate.bench.db.SqlCounter;
import org.mandate.bench.system.ApprovalSystem;

import java.lang.management.ManagementFactory;
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

    /**
     * What one or more windows counted: {@code commitsByThread}, the write commits by the kind of thread that made
     * them. Rounds of one cell add up with {@link #plus}.
     */
    public record Result(int clients, long approvals, double seconds, double cpuSeconds, long statements, long commits,
                         Map<String, Long> commitsByThread) {

        public double perSecond() {
            return approvals / seconds;
        }

        /**
         * The whole process's CPU time per approval, in milliseconds: a cost that a busy moment of the machine
         * changes far less than a rate (another process takes wall time, not this process's CPU time).
         */
        public double cpuMillisPerApproval() {
            return cpuSeconds * 1000 / approvals;
        }

        public double statementsPerApproval() {
            return (double) statements / approvals;
        }

        public double commitsPerApproval() {
            return (double) commits / approvals;
        }

        public double commitsPerSecond() {
            return commits / seconds;
        }

        /** The write commits per approval by the kind of thread that made them. */
        public Map<String, Double> commitsPerApprovalByThread() {
            Map<String, Double> perApproval = new TreeMap<>();
            commitsByThread.forEach((thread, count) ->
                    perApproval.put(thread, Math.round(100.0 * count / approvals) / 100.0));
            return perApproval;
        }

        public Result plus(Result other) {
            Map<String, Long> threads = new TreeMap<>(commitsByThread);
            other.commitsByThread.forEach((thread, count) -> threads.merge(thread, count, Long::sum));
            return new Result(clients, approvals + other.approvals, seconds + other.seconds,
                    cpuSeconds + other.cpuSeconds, statements + other.statements, commits + other.commits, threads);
        }
    }

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

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
        long cpuBefore = PROCESS.getProcessCpuTime();
        SqlCounter.Counts before = system.counter().counts();
        Map<String, Long> threadsBefore = system.counter().commitsByThread();
        Clock.sleepUntil(windowStart + window.toNanos());
        while (counted.sum() == 0 && failure.get() == null && threads.stream().anyMatch(Thread::isAlive)) {
            Clock.sleepUntil(System.nanoTime() + 10_000_000);
        }
        long end = System.nanoTime();
        windowEnd.set(end);
        long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
        SqlCounter.Counts during = system.counter().counts().minus(before);
        Map<String, Long> threadsAfter = system.counter().commitsByThread();
        long approvals = counted.sum();
        Map<String, Long> byThread = new TreeMap<>();
        threadsAfter.forEach((thread, commits) ->
                byThread.put(thread, commits - threadsBefore.getOrDefault(thread, 0L)));
        for (Thread client : threads) {
            client.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(system.name() + " failed an approval with " + clients + " clients",
                    failure.get());
        }
        return new Result(clients, approvals, (end - windowStart) / 1e9, cpu / 1e9, during.statements(),
                during.commits(), byThread);
    }
}
