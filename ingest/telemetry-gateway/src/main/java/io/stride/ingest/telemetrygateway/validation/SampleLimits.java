package io.stride.ingest.telemetrygateway.validation;

import java.time.Duration;

/**
 * Plausibility bounds of a sample.
 *
 * @param maxClockSkew how far in the future (device clock ahead) a reading may be
 * @param maxAge       how old a reading may be when it reaches the gateway
 */
public record SampleLimits(Duration maxClockSkew, Duration maxAge) {
}
