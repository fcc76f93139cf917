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

    /** Runs no more; a run under way is interrupted. */
    public void stop() {
        timer.shutdownNow();
    }
}
