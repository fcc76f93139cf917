package org.mandate.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Gauges of what is open right now, read from the shared database at scrape time, so every node reports the same
 * value (aggregate with max, not sum). Open steps come from the inbox; the rest is the engine's own state.
 */
@Component
class StateMetrics {

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    StateMetrics(MeterRegistry registry, JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks,
                 ManagementService management) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        gauge("mandate.steps.open", "Steps waiting for a decision",
                () -> jdbc.queryForObject("select count(*) from inbox_item", Long.class));
        gauge("mandate.engine.instances.running", "Approval paths running in the engine",
                () -> runtime.createProcessInstanceQuery().active().count());
        gauge("mandate.engine.tasks.open", "User tasks open in the engine", () -> tasks.createTaskQuery().count());
        gauge("mandate.engine.timers.pending", "Timers waiting to fire", () -> management.createJobQuery().timers()
                .count());
        gauge("mandate.engine.jobs.failed", "Engine jobs that failed and wait for a retry or for an operator",
                () -> management.createJobQuery().withException().count());
    }

    private void gauge(String name, String description, Supplier<Long> value) {
        Gauge.builder(name, value, supplier -> {
            Long current = supplier.get();
            return current == null ? 0 : current;
        }).description(description).strongReference(true).register(registry);
    }
}
