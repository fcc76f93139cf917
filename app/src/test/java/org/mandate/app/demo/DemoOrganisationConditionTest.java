package org.mandate.app.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo users, with their well-known password, exist only when mandate.demo=true. */
class DemoOrganisationConditionTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DemoOrganisation.class);

    @Test
    void noDemoPeopleUnlessDemoModeIsOn() {
        context.withPropertyValues("mandate.demo=false")
                .run(started -> assertThat(started).doesNotHaveBean(DemoOrganisation.class));
        context.run(started -> assertThat(started).doesNotHaveBean(DemoOrganisation.class));
    }
}
