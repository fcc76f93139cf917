package org.mandate.app;

import org.springframework.context.SmartLifecycle;

/**
 * Work a node does on a timer while the application runs (dispatching mail and chat, reminders, retention,
 * metrics): started once the context is ready, so it never meets half-built beans, and stopped at shutdown.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private PeriodicTask task;

    /** Starts the timer (with {@link PeriodicTask#start}); called at each start of the application context. */
    protected abstract PeriodicTask schedule();

    @Override
    public synchronized void start() {
        task = schedule();
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.stop();
            task = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }
}
