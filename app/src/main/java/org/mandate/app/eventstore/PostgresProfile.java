package org.mandate.app.eventstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Arrays;

/**
 * Pointing {@code spring.datasource.url} at PostgreSQL is all it takes to run there: this turns on the
 * {@value #PROFILE} profile (application-postgres.yaml: pool, engine, segments, cluster) before the profile
 * files are read, so an operator sets URL, user and password and nothing else. Runs before the configuration
 * files are read, so the URL must come from the environment, a system property or the command line (where an
 * operator puts it); a URL written into a configuration file needs {@code spring.profiles.active=postgres}.
 */
public class PostgresProfile implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "postgres";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:") && !Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
            environment.addActiveProfile(PROFILE);
        }
    }
}
