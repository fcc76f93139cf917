package org.mandate.bench.measure;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Query latency: one caller, a random person each time, timed in an HdrHistogram after an untimed warm-up. The
 * systems take turns query by query, so that a garbage collection or a noisy neighbour lands on each of them alike
 * instead of on whichever happened to run at that moment.
 */
public final class Latencies {

    public record Result(int queries, double p50Millis, double p99Millis, double meanRows) {
    }

    private Latencies() {
    }

    /** Each query returns how many rows it read; every system is asked for the same people in the same order. */
    public static Map<String, Result> interleaved(int queries, int people, Map<String, Function<String, Integer>> systems) {
        Random warmup = new Random(7);
        for (int i = 0; i < Math.max(50, queries / 5); i++) { // JIT and caches: not timed
            String person = Dataset.approver(warmup.nextInt(people));
            systems.values().forEach(query -> query.apply(person));
        }
        Map<String, Histogram> micros = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        systems.keySet().forEach(name -> {
            micros.put(name, new Histogram(TimeUnit.MINUTES.toMicros(1), 3));
            rows.put(name, 0L);
        });
        Random random = new Random(42);
        for (int i = 0; i < queries; i++) {
            String person = Dataset.approver(random.nextInt(people));
            for (Map.Entry<String, Function<String, Integer>> system : systems.entrySet()) {
                long start = System.nanoTime();
                int read = system.getValue().apply(person);
                micros.get(system.getKey()).recordValue((System.nanoTime() - start) / 1000);
                rows.merge(system.getKey(), (long) read, Long::sum);
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        for (String name : systems.keySet()) {
            if (rows.get(name) == 0) {
                throw new IllegalStateException("every inbox " + name + " was asked for was empty: the dataset did "
                        + "not load");
            }
            Histogram histogram = micros.get(name);
            results.put(name, new Result(queries, histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, (double) rows.get(name) / queries));
        }
        return results;
    }
}
