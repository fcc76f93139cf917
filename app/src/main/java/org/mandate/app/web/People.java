package org.mandate.app.web;

import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Names instead of login ids on every page; templates reach it as {@code @people}. A page names many people, so
 * the names are read in one query and kept for a few seconds: a renamed person shows under the new name a
 * moment later, which is harmless, and an inbox of fifty steps costs one query instead of a hundred.
 */
@Component("people")
public class People {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private record Snapshot(Map<String, String> names, Instant readAt) {
    }

    private final DirectoryProjection directory;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

    People(DirectoryProjection directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Drops the names read so far (after an erasure, so that no page shows the old name for a moment). */
    public void forget() {
        snapshot = new Snapshot(Map.of(), Instant.MIN);
    }

    /** The person's full name, or the id itself for someone the directory does not know. */
    public String name(String personId) {
        if (personId == null || personId.isBlank()) {
            return "";
        }
        Snapshot current = snapshot;
        String name = current.names().get(personId);
        if (name == null || current.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            current = new Snapshot(Map.copyOf(directory.names()), clock.instant());
            snapshot = current;
            name = current.names().get(personId);
        }
        return name == null ? personId : name;
    }
}
