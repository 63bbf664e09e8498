package io.stride.benchmarks.simulator;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One reading as a device sends it to the gateway. */
record Sample(String deviceId, UUID workoutId, UUID userId, long sequenceNumber, Instant recordedAt, double latitude,
        double longitude, double altitudeMeters, double accuracyMeters, int heartRateBpm, double speedMetersPerSecond,
        int cadenceRpm) {

    String toJson() {
        return String.format(Locale.ROOT, "{\"device_id\":\"%s\",\"workout_id\":\"%s\",\"user_id\":\"%s\","
                        + "\"sequence_number\":%d,\"recorded_at\":\"%s\",\"latitude\":%.7f,\"longitude\":%.7f,"
                        + "\"altitude_meters\":%.1f,\"accuracy_meters\":%.1f,\"heart_rate_bpm\":%d,"
                        + "\"speed_meters_per_second\":%.2f,\"cadence_rpm\":%d}",
                deviceId, workoutId, userId, sequenceNumber, recordedAt, latitude, longitude, altitudeMeters,
                accuracyMeters, heartRateBpm, speedMetersPerSecond, cadenceRpm);
    }
}
