package org.mandate.app.outage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * "engine" in readiness: the engine's job executor fires the time limits that escalate waiting steps. A node
 * configured to run it whose executor has stopped would leave timers unfired, so it is not ready.
 */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final boolean jobExecution;

    EngineHealthIndicator(ProcessEngine engine,
                          @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution) {
        this.engine = engine;
        this.jobExecution = jobExecution;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        boolean running = executor != null && executor.isActive();
        if (jobExecution && !running) {
            health.down().withDetail("jobExecutor", "stopped");
        } else {
            health.up().withDetail("jobExecutor", running ? "running" : "off on this node");
        }
    }
}
