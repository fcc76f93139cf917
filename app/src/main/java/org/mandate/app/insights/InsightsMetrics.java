package org.mandate.app.insights;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.mandate.app.PeriodicTask;
import org.mandate.app.PeriodicWork;
import org.mandate.projections.insights.Insights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The insights as Prometheus gauges. Labels stay bounded: open steps per approver only for the {@code metrics-top}
 * approvers holding most, the rest summed under {@code approver="other"}; everything else is one series for the
 * organisation. The figures are recomputed on a timer, not on every scrape, so a scrape never queries the database.
 */
@Component
class InsightsMetrics extends PeriodicWork implements MeterBinder {

    static final String OTHER = "other";
    private static final Logger log = LoggerFactory.getLogger(InsightsMetrics.class);

    private final InsightsSource source;
    private final int top;
    private final Duration every;
    private volatile Insights latest;
    private volatile MultiGauge openSteps;

    InsightsMetrics(InsightsSource source, @Value("${mandate.insights.metrics-top:5}") int top,
                    @Value("${mandate.insights.metrics-refresh:30s}") Duration every) {
        this.source = source;
        this.top = top;
        this.every = every;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        openSteps = MultiGauge.builder("mandate.insights.open.steps")
                .description("Steps open now, per approver: the approvers holding most, the rest as 'other'")
                .register(registry);
        gauge(registry, "mandate.insights.decisions", null, "Decisions in the insights window",
                insights -> insights.organisation().decisions());
        gauge(registry, "mandate.insights.decisions.below.top.share", null,
                "Share of the window's decisions taken by someone who reports to someone",
                insights -> orNaN(insights.organisation().shareBelowTop()));
        gauge(registry, "mandate.insights.decision.time.median", "seconds", "Median time from step opened to decided",
                insights -> orNaN(insights.organisation().medianDecisionSeconds()));
        gauge(registry, "mandate.insights.decision.time.p90", "seconds", "90th percentile time to decision",
                insights -> orNaN(insights.organisation().p90DecisionSeconds()));
        gauge(registry, "mandate.insights.mandates.in.force", null, "Mandates in force now",
                insights -> insights.organisation().mandatesInForce());
        gauge(registry, "mandate.insights.escalations", null, "Escalations in the insights window",
                insights -> insights.organisation().escalations());
        gauge(registry, "mandate.insights.committee.decisions", null,
                "Committee votes decided (quorum met or failed) in the insights window, all committees",
                insights -> insights.committees().stream().mapToLong(Insights.Committee::decisions).sum());
        gauge(registry, "mandate.insights.committee.open.votes", null, "Committee votes open now, all committees",
                insights -> insights.committees().stream().mapToLong(Insights.Committee::openVotes).sum());
        gauge(registry, "mandate.insights.bottlenecks", null, "Approvers holding more than the set share of open steps",
                insights -> insights.bottlenecks().size());
    }

    /** Recomputes the figures and the per-approver series. */
    void refresh() {
        try {
            Insights insights = source.now();
            latest = insights;
            MultiGauge perApprover = openSteps;
            if (perApprover != null) {
                perApprover.register(rows(insights), true);
            }
        } catch (RuntimeException e) {
            log.warn("Could not refresh the insights gauges; keeping the previous figures", e);
        }
    }

    private List<MultiGauge.Row<?>> rows(Insights insights) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        long rest = 0;
        for (Insights.Approver approver : insights.approvers()) {
            if (approver.openSteps() == 0) {
                continue;
            }
            if (rows.size() < top) {
                rows.add(MultiGauge.Row.of(Tags.of("approver", approver.id()), approver.openSteps()));
            } else {
                rest += approver.openSteps();
            }
        }
        rows.add(MultiGauge.Row.of(Tags.of("approver", OTHER), rest));
        return rows;
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<Insights> value) {
        Gauge.builder(name, this, metrics -> metrics.latest == null ? Double.NaN : value.applyAsDouble(metrics.latest))
                .description(description).baseUnit(unit).register(registry);
    }

    private static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    @Override
    protected PeriodicTask schedule() {
        return PeriodicTask.start("insights-metrics", Duration.ZERO, every, this::refresh);
    }

}
