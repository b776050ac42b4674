package io.clearsky.local.bench;

import java.util.Collection;

/**
 * p50, p99 and max of a set of samples, in milliseconds.
 */
record Percentiles(double p50, double p99, double max, int samples) {

    static Percentiles ofNanos(Collection<Long> nanos) {
        double[] millis = nanos.stream().mapToDouble((n) -> n / 1e6).sorted().toArray();
        return of(millis);
    }

    static Percentiles of(double[] sortedMillis) {
        if (sortedMillis.length == 0) {
            return new Percentiles(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Percentiles(at(sortedMillis, 0.50), at(sortedMillis, 0.99), sortedMillis[sortedMillis.length - 1],
                sortedMillis.length);
    }

    private static double at(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(index, sorted.length - 1))]);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
