package org.mandate.bench.measure;

import org.HdrHistogram.Histogram;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Query latency: one caller, a random person each time, timed in an HdrHistogram. */
public final class Latencies {

    public record Result(int queries, double p50Millis, double p99Millis, double meanRows) {
    }

    private Latencies() {
    }

    /** {@code query} returns how many rows it read; the same seed gives every system the same people. */
    public static Result of(int queries, int people, Function<String, Integer> query) {
        Random random = new Random(42);
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        long rows = 0;
        for (int i = 0; i < queries; i++) {
            String person = Dataset.approver(random.nextInt(people));
            long start = System.nanoTime();
            rows += query.apply(person);
            micros.recordValue((System.nanoTime() - start) / 1000);
        }
        if (rows == 0) {
            throw new IllegalStateException("every inbox queried was empty: the dataset did not load");
        }
        return new Result(queries, micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, (double) rows / queries);
    }
}
