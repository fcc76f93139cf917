package org.mandate.app.insights;

import org.mandate.app.problem.AppRefusals;
import org.mandate.projections.insights.Insights;
import org.mandate.projections.insights.InsightsReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The figures as of now, with the configured thresholds; a reader may ask for a different window. */
@Component
class InsightsSource {

    static final int MAX_WEEKS = 104;

    private final InsightsReader reader;
    private final Clock clock;
    private final Insights.Settings settings;

    InsightsSource(InsightsReader reader, Clock clock,
                   @Value("${mandate.insights.bottleneck-share:0.3}") double bottleneckShare,
                   @Value("${mandate.insights.bottleneck-min-open:3}") int bottleneckMinOpen,
                   @Value("${mandate.insights.weeks:12}") int weeks) {
        this.reader = reader;
        this.clock = clock;
        this.settings = new Insights.Settings(bottleneckShare, bottleneckMinOpen, weeks);
    }

    Insights now() {
        return reader.read(clock.instant(), settings);
    }

    /** {@code weeks} null keeps the configured window. */
    Insights now(Integer weeks) {
        if (weeks == null) {
            return now();
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw AppRefusals.invalid("refusal.insights.weeks", String.valueOf(MAX_WEEKS), String.valueOf(weeks));
        }
        return reader.read(clock.instant(),
                new Insights.Settings(settings.bottleneckShare(), settings.bottleneckMinOpen(), weeks));
    }
}
