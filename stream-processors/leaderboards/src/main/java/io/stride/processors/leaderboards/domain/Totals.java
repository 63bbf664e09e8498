package io.stride.processors.leaderboards.domain;

import java.util.Arrays;

import io.stride.platform.workoutfacts.Figures;

/**
 * An athlete's value on the six boards of one {@link Bucket}, each with when the athlete reached it (the tie order,
 * ADR 0016): for a sum, the end of the last workout that added to it (the first workout's end for a sum of zero); for
 * the number of workouts, the last workout's end; for the longest, the end of the first workout of that length.
 *
 * @param values by {@link Metric#ordinal()}
 * @param reachedAtMillis by {@link Metric#ordinal()}, epoch milliseconds
 */
public record Totals(long[] values, long[] reachedAtMillis) {

    public Totals {
        if (values.length != Metric.values().length || reachedAtMillis.length != Metric.values().length) {
            throw new IllegalArgumentException("one value and one time per metric");
        }
    }

    /** The value on the board of {@code metric}. */
    public long value(Metric metric) {
        return values[metric.ordinal()];
    }

    /** When the athlete reached {@link #value(Metric)}. */
    public long reachedAt(Metric metric) {
        return reachedAtMillis[metric.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Totals that && Arrays.equals(values, that.values)
                && Arrays.equals(reachedAtMillis, that.reachedAtMillis);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(reachedAtMillis);
    }

    @Override
    public String toString() {
        return "Totals" + Arrays.toString(values) + "@" + Arrays.toString(reachedAtMillis);
    }

    /** Folds the counted workouts of one bucket, in any order, into their {@link Totals}. */
    public static final class Accumulator {

        private final long[] sums = new long[Metric.values().length];
        /** Per metric: the latest end of a workout that added more than zero. */
        private final long[] lastPositiveEnd = new long[Metric.values().length];
        private long firstEnd = Long.MAX_VALUE;
        private long longest = -1;
        private long longestFirstEnd = Long.MAX_VALUE;

        public Accumulator() {
            Arrays.fill(lastPositiveEnd, Long.MIN_VALUE);
        }

        /** Adds one counted workout. */
        public Accumulator add(Figures figures) {
            long end = figures.endedAt().toEpochMilli();
            firstEnd = Math.min(firstEnd, end);
            for (Metric metric : Metric.values()) {
                long value = metric.of(figures);
                if (metric == Metric.LONGEST) {
                    if (value > longest || value == longest && end < longestFirstEnd) {
                        longest = value;
                        longestFirstEnd = end;
                    }
                } else {
                    sums[metric.ordinal()] += value;
                    if (value > 0) {
                        lastPositiveEnd[metric.ordinal()] = Math.max(lastPositiveEnd[metric.ordinal()], end);
                    }
                }
            }
            return this;
        }

        /** Whether no workout was added. */
        public boolean isEmpty() {
            return firstEnd == Long.MAX_VALUE;
        }

        /** The totals of the workouts added. */
        public Totals totals() {
            if (isEmpty()) {
                throw new IllegalStateException("no workout counted");
            }
            long[] values = sums.clone();
            long[] reached = new long[values.length];
            for (Metric metric : Metric.values()) {
                int i = metric.ordinal();
                reached[i] = lastPositiveEnd[i] == Long.MIN_VALUE ? firstEnd : lastPositiveEnd[i];
            }
            values[Metric.LONGEST.ordinal()] = longest;
            reached[Metric.LONGEST.ordinal()] = longestFirstEnd;
            return new Totals(values, reached);
        }
    }
}
