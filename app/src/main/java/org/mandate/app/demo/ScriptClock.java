package org.mandate.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's clock, with one exception: on the thread telling the demo story, and only while it tells
 * one scene, time is what the script says. Every command stays real; only the moments in the story's events
 * (submitted, opened, decided, granted) are set weeks back, so a newcomer sees a history rather than one
 * busy minute. The event store's own timestamps still show when the story was seeded.
 */
final class ScriptClock extends Clock {

    private final Clock real;
    private final ThreadLocal<Instant> scripted = new ThreadLocal<>();

    ScriptClock(Clock real) {
        this.real = real;
    }

    <T> T at(Instant when, Supplier<T> scene) {
        scripted.set(when);
        try {
            return scene.get();
        } finally {
            scripted.remove();
        }
    }

    @Override
    public Instant instant() {
        Instant when = scripted.get();
        return when != null ? when : real.instant();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return real.withZone(zone);
    }
}
