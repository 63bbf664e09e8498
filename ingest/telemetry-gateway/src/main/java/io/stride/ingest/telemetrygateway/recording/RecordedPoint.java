package io.stride.ingest.telemetrygateway.recording;

import java.time.Instant;

/** One point of a finished recording; what the file does not carry is null. */
public record RecordedPoint(Instant time, Double latitude, Double longitude, Double altitudeMeters,
        Integer heartRateBpm, Double speedMetersPerSecond, Integer cadenceRpm, Integer powerWatts) {
}
