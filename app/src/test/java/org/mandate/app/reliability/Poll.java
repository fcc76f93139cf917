package org.mandate.app.reliability;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls for eventual consistency with a generous limit; never a timed assertion. */
final class Poll {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    private Poll() {
    }

    /** The first value that satisfies the condition, or null when the limit passed without one. */
    static <T> T until(Supplier<T> supplier, Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = supplier.get();
            if (condition.test(value)) {
                return value;
            }
            Thread.sleep(100);
        }
        return null;
    }
}
