package io.stride.benchmarks.load;

import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Latencies of a run, recorded in microseconds and summarised in milliseconds: count, p50, p99 (nearest rank,
 * {@link Percentiles}) and max. No measurement gives a count of 0 and no percentile (NaN), never a made-up 0.
 */
record LatencySummary(int count, double p50, double p99, double max) {

    static LatencySummary ofMicros(Collection<Long> micros) {
        if (micros.isEmpty()) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        Percentiles percentiles = new Percentiles(micros.stream().mapToLong(Long::longValue).toArray());
        return new LatencySummary(percentiles.count(), percentiles.at(50) / 1000.0, percentiles.at(99) / 1000.0,
                percentiles.max() / 1000.0);
    }

    /** A thread-safe collector of latencies in microseconds. */
    static final class Recorder {

        private final Queue<Long> micros = new ConcurrentLinkedQueue<>();

        /** Records {@code to - from} (nanoTime values). */
        void record(long fromNanos, long toNanos) {
            micros.add(Math.max(0, (toNanos - fromNanos) / 1000));
        }

        LatencySummary summary() {
            return ofMicros(micros);
        }
    }
}
