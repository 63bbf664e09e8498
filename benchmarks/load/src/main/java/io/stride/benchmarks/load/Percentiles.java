package io.stride.benchmarks.load;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of measurements. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurement");
        }
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    /** The value below or at which {@code percent} of the measurements fall (nearest rank). */
    long at(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    int count() {
        return sorted.length;
    }

    long max() {
        return sorted[sorted.length - 1];
    }
}
