package org.mandate.app.reliability;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many deciders on one step, on H2 in the shared test context. The normal suite runs a few dozen trials;
 * {@code -Dreliability.trials=500} runs the full figure reported in the README.
 */
class ConcurrentDecidersIntegrationTest extends MandateIntegrationTest {

    @Test
    void exactlyOneOfManySimultaneousDecidersWinsAndEveryOtherGetsAConflict() throws Exception {
        DeciderTrials trials = new DeciderTrials(port, (sql, arguments) ->
                jdbc.queryForObject(sql, Long.class, arguments));

        DeciderTrials.Figures figures = trials.run("H2", DeciderTrials.trialsFromSystemProperty(12));

        FigureLog.record("concurrent deciders", figures);
        assertThat(figures.serverErrors()).isZero();
        assertThat(figures.approved()).isEqualTo(figures.trials());
        assertThat(figures.conflicts()).isEqualTo(figures.deciders() - figures.trials());
    }
}
