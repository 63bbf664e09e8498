package io.stride.benchmarks.load;

import java.util.Collection;

/**
 * A figure over the measured passes: their median (the middle value; the mean of the two middle ones for an even
 * count) and their range.
 */
record Spread(double median, double min, double max, int count) {

    static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no value");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** Half the range in % of the median: how far a single pass may lie from it. */
    double halfRangePercent() {
        return median == 0 ? 0 : (max - min) / 2 / Math.abs(median) * 100;
    }
}
