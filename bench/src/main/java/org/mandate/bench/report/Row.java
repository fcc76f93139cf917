package org.mandate.bench.report;

/**
 * One line of the table: Mandate's figure next to a baseline's, and their ratio. {@code higherIsBetter} says which
 * way the target points; {@code target} is the ratio (or absolute bound) the issue aims at, if any.
 */
public record Row(String figure, String unit, double mandate, String baseline, double baselineValue,
                  double ratio, String target, Boolean met) {

    public static Row ratio(String figure, String unit, double mandate, String baseline, double baselineValue) {
        return new Row(figure, unit, mandate, baseline, baselineValue, mandate / baselineValue, null, null);
    }

    /** Met when the ratio is at least {@code minimum}. */
    public Row atLeast(double minimum) {
        return new Row(figure, unit, mandate, baseline, baselineValue, ratio, "≥ " + minimum + "×",
                ratio >= minimum);
    }

    /** Met when the ratio is at most {@code maximum}. */
    public Row atMost(double maximum) {
        return new Row(figure, unit, mandate, baseline, baselineValue, ratio, "≤ " + maximum + "×",
                ratio <= maximum);
    }

    /** Adds an absolute bound on Mandate's own figure to the target. */
    public Row and(String bound, boolean holds) {
        return new Row(figure, unit, mandate, baseline, baselineValue, ratio,
                (target == null ? "" : target + " and ") + bound, (met == null || met) && holds);
    }

    public boolean complete() {
        return Double.isFinite(mandate) && mandate > 0 && Double.isFinite(baselineValue) && baselineValue > 0
                && Double.isFinite(ratio) && ratio > 0;
    }
}
