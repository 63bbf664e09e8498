package io.stride.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import io.stride.schemas.telemetry.TelemetrySample;

/**
 * One benchmark workout: a device sending samples of a run (3 m/s north, one sample per second of event time,
 * starting far enough in the past that the last sample is not in the future). The device has its own credential
 * (ADR 0006): a UUID device id and a secret of 32 random bytes, base64url without padding; the driver registers its
 * {@code DeviceCredential} before the run and sends {@link #authorization()} with every request.
 */
final class Workload {

    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID workoutId = UUID.randomUUID();
    final UUID userId = UUID.randomUUID();
    final String deviceId = UUID.randomUUID().toString();
    final String secret = newSecret();
    private final Instant start;
    private final double startLatitude;
    private long nextSequence = 1;

    Workload(int index, long samples) {
        this.start = Instant.now().minusSeconds(samples + 60);
        this.startLatitude = 55.60 + (index % 100) * 0.002;
    }

    /** The {@code Authorization} header value: {@code Device <deviceId>.<secret>}. */
    String authorization() {
        return "Device " + deviceId + "." + secret;
    }

    /** Lower-case hex SHA-256 of the secret, as a {@code DeviceCredential} carries it. */
    String secretSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    long nextSequence() {
        return nextSequence;
    }

    /** The next sample as the gateway publishes it (the processor-only run produces these to Kafka directly). */
    TelemetrySample nextSample() {
        long sequence = nextSequence++;
        return TelemetrySample.newBuilder()
                .setDeviceId(deviceId)
                .setWorkoutId(workoutId)
                .setUserId(userId)
                .setSequenceNumber(sequence)
                .setRecordedAt(start.plusSeconds(sequence))
                .setReceivedAt(Instant.now())
                .setLatitude(startLatitude + sequence * 3.0 / 111_195.08)
                .setLongitude(37.6)
                .setAltitudeMeters(null)
                .setAccuracyMeters(4.0)
                .setHeartRateBpm((int) (120 + sequence % 50))
                .setSpeedMetersPerSecond(3.0)
                .setCadenceRpm(null)
                .setPowerWatts(null)
                .build();
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
