package org.mandate.app.eventstore;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresProfileTest {

    @Test
    void aPostgresqlUrlTurnsOnThePostgresProfile() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/mandate");

        new PostgresProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getActiveProfiles()).containsExactly("postgres");
    }

    @Test
    void theEmbeddedDefaultKeepsNoProfile() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/mandate");

        new PostgresProfile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getActiveProfiles()).isEmpty();
    }
}
