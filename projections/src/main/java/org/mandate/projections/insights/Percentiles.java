package org.mandate.projections.insights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ceil(p/100 * n). Every
 * figure is then a time some decision really took, and a person can check it by hand.
 */
final class Percentiles {

    private final List<Long> sorted;

    Percentiles(Collection<Long> values) {
        this.sorted = new ArrayList<>(values);
        this.sorted.sort(null);
    }

    Long at(int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    Long mean() {
        return sorted.isEmpty() ? null
                : Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
