package io.stride.ingest.telemetrygateway.validation;

import java.time.Duration;
import java.time.Instant;

/**
 * Plausibility bounds of a sample.
 *
 * @param maxClockSkew how far in the future (device clock ahead) a reading may be
 * @param maxAge       how old a reading may be when it reaches the gateway; {@code null}: any age (an imported
 *                     recording of any year), from the Unix epoch on
 */
public record SampleLimits(Duration maxClockSkew, Duration maxAge) {

    /** Limits of an imported recording: any age, not in the future beyond the clock skew. */
    public static SampleLimits anyAge(Duration maxClockSkew) {
        return new SampleLimits(maxClockSkew, null);
    }

    /** The earliest reading accepted at {@code now}. */
    public Instant earliest(Instant now) {
        return maxAge == null ? Instant.EPOCH : now.minus(maxAge);
    }
}
