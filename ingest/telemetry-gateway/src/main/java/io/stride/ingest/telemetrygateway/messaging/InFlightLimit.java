package io.stride.ingest.telemetrygateway.messaging;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the samples the gateway has handed to Kafka but not yet seen acknowledged. When the broker falls behind,
 * new batches are refused (the caller answers 429 with {@code Retry-After}) instead of piling up in memory.
 */
public final class InFlightLimit {

    private final long max;
    private final AtomicLong inFlight = new AtomicLong();

    public InFlightLimit(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        this.max = max;
    }

    /** Reserves room for {@code samples}; false, reserving nothing, when that would exceed the limit. */
    public boolean tryAcquire(int samples) {
        while (true) {
            long current = inFlight.get();
            if (current + samples > max) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + samples)) {
                return true;
            }
        }
    }

    /** Gives back room reserved by {@link #tryAcquire(int)}. */
    public void release(int samples) {
        inFlight.addAndGet(-samples);
    }

    /** Samples currently in flight. */
    public long inFlight() {
        return inFlight.get();
    }
}
