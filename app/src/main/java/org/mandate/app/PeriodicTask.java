package org.mandate.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run again and again on its own named daemon thread, with a fixed pause between the end of one run and the
 * start of the next, until stopped. The name shows in thread dumps; the thread never keeps the JVM alive.
 */
public final class PeriodicTask {

    /** How long {@link #stop} waits for a run under way: longer than a chat post's or a mail's timeout. */
    static final Duration GRACE = Duration.ofSeconds(15);

    private final ScheduledExecutorService timer;
    private Runnable task;

    private PeriodicTask(String threadName) {
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts running {@code task} after {@code first}, then every {@code pause} after each run. */
    public static PeriodicTask start(String threadName, Duration first, Duration pause, Runnable task) {
        PeriodicTask periodic = new PeriodicTask(threadName);
        periodic.task = task;
        periodic.timer.scheduleWithFixedDelay(task, first.toMillis(), pause.toMillis(), TimeUnit.MILLISECONDS);
        return periodic;
    }

    /** Runs the task once more, on its own thread, as soon as a run under way (if any) has ended. */
    public void runNow() {
        if (!timer.isShutdown()) {
            timer.execute(task);
        }
    }

    /**
     * Runs no more; a run under way is let finish, for up to {@link #GRACE}, and never interrupted: a thread
     * interrupted while the embedded database reads or writes its file closes that file for every connection (Java
     * closes an interrupted FileChannel), and H2 is then out of reach until it is opened again.
     */
    public void stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
