package org.mandate.app;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import java.util.Date;

/** Fires an engine timer now, rather than a test waiting days for it. */
public final class EngineTimers {

    private EngineTimers() {
    }

    /**
     * Moves the engine clock past the timer and runs it. The job executor may pick the same job up in that moment;
     * only one of the two runs can commit, so either way the timer fires once, and the caller waits for its outcome.
     */
    public static void runDue(ManagementService management, Job timer) {
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
        try {
            management.executeJob(timer.getId());
        } catch (RuntimeException takenByTheJobExecutor) {
            // the executor ran it first
        } finally {
            ClockUtil.reset();
        }
    }
}
