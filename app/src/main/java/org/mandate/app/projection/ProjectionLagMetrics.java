package org.mandate.app.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code mandate_projection_lag_events{projection}}: how many events each projection is behind the head of the
 * event store, read from the shared token store (the same value on every node). One label value per projection.
 */
@Component
class ProjectionLagMetrics {

    private final ProjectionProgress progress;
    private final MeterRegistry registry;
    private final InlineRebuilds inline;

    ProjectionLagMetrics(ProjectionProgress progress, MeterRegistry registry, InlineRebuilds inline) {
        this.progress = progress;
        this.registry = registry;
        this.inline = inline;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String projection : progress.projections()) {
            Gauge.builder("mandate.projection.lag", progress, p -> lagOf(p, projection))
                    .description("Events the projection has not processed yet")
                    .baseUnit("events").tag("projection", projection).register(registry);
        }
        // an inline read model is behind only while this node rebuilds it
        for (String projection : inline.names()) {
            Gauge.builder("mandate.projection.lag", inline, rebuilds -> rebuilds.lag(projection))
                    .description("Events the projection has not processed yet")
                    .baseUnit("events").tag("projection", projection).register(registry);
        }
    }

    private static double lagOf(ProjectionProgress progress, String projection) {
        return ProjectionProgress.lag(progress.segments().getOrDefault(projection, List.of()),
                progress.head());
    }
}
