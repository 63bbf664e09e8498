package io.stride.benchmarks.load;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One benchmark workout: a device sending samples of a run (3 m/s north, one sample per second of event time,
 * starting far enough in the past that the last sample is not in the future).
 */
final class Workload {

    final UUID workoutId = UUID.randomUUID();
    final UUID userId = UUID.randomUUID();
    final String deviceId;
    private final Instant start;
    private final double startLatitude;
    private long nextSequence = 1;

    Workload(int index, long samples) {
        this.deviceId = "bench-" + index;
        this.start = Instant.now().minusSeconds(samples + 60);
        this.startLatitude = 55.60 + (index % 100) * 0.002;
    }

    long nextSequence() {
        return nextSequence;
    }

    /** A JSON batch of the next {@code size} samples. */
    String nextBatch(int size) {
        StringBuilder json = new StringBuilder(size * 260).append("{\"samples\":[");
        for (int i = 0; i < size; i++) {
            long sequence = nextSequence++;
            if (i > 0) {
                json.append(',');
            }
            json.append(String.format(Locale.ROOT, "{\"device_id\":\"%s\",\"workout_id\":\"%s\",\"user_id\":\"%s\","
                            + "\"sequence_number\":%d,\"recorded_at\":\"%s\",\"latitude\":%.7f,\"longitude\":37.6,"
                            + "\"accuracy_meters\":4.0,\"heart_rate_bpm\":%d,\"speed_meters_per_second\":3.0}",
                    deviceId, workoutId, userId, sequence, start.plusSeconds(sequence),
                    startLatitude + sequence * 3.0 / 111_195.08, 120 + sequence % 50));
        }
        return json.append("]}").toString();
    }
}
