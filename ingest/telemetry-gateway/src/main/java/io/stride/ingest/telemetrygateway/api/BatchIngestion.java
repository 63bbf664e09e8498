package io.stride.ingest.telemetrygateway.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.ingest.telemetrygateway.messaging.InFlightLimit;
import io.stride.ingest.telemetrygateway.messaging.SamplePublisher;
import io.stride.ingest.telemetrygateway.messaging.WorkoutOwnerStore;
import io.stride.ingest.telemetrygateway.validation.SampleCheck;
import io.stride.ingest.telemetrygateway.validation.SampleValidator;
import io.stride.ingest.telemetrygateway.validation.ValidSample;
import io.stride.platform.devices.AuthenticatedDevice;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.ErrorCodes;

/**
 * One batch of samples, whatever carried it (HTTP or the WebSocket stream): size limits, a check of each sample on
 * its own, publication of the valid ones, and the outcome once Kafka has acknowledged them.
 */
@ApplicationScoped
class BatchIngestion {

    /** Seconds a client waits before resending a batch refused for lack of room. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * What became of a batch.
     *
     * @param accepted               samples published
     * @param highestSequenceNumbers per device id, the highest sequence number published
     * @param rejected               refused samples: {@code index} in the batch and {@code violations}
     */
    record Outcome(int accepted, Map<String, Long> highestSequenceNumbers, List<Map<String, Object>> rejected) {

        /**
         * Some samples were refused. The valid ones are already published, so the client learns exactly which
         * samples to fix and need not resend the others (a resend would be absorbed downstream as duplicates).
         */
        ApiException rejection() {
            String message = rejected.size() + " of " + (accepted + rejected.size()) + " samples rejected; "
                    + accepted + " accepted";
            return ApiException.validation(message, details());
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("accepted", accepted);
            details.put("highest_sequence_numbers", highestSequenceNumbers);
            details.put("rejected", rejected);
            return details;
        }
    }

    private final SampleValidator validator;
    private final SamplePublisher publisher;
    private final BatchLimits limits;
    private final InFlightLimit inFlight;
    private final WorkoutOwnerStore owners;
    private final Clock clock;

    BatchIngestion(SampleValidator validator, SamplePublisher publisher, BatchLimits limits, InFlightLimit inFlight,
            WorkoutOwnerStore owners, Clock clock) {
        this.validator = validator;
        this.publisher = publisher;
        this.limits = limits;
        this.inFlight = inFlight;
        this.owners = owners;
        this.clock = clock;
    }

    /**
     * A batch sent by a device: refused whole with 403 {@code forbidden} (nothing published) when a sample names
     * another device or another user than the credential's, or a workout known to belong to another athlete.
     */
    Uni<Outcome> ingest(List<JsonNode> samples, AuthenticatedDevice device, String correlationId) {
        limits.checkSize(samples);
        checkOwnership(samples, device);
        Instant now = clock.instant();
        Checked checked = check(samples, validator, now);
        return publish(checked.accepted(), now, correlationId)
                .map(published -> new Outcome(published.accepted(), published.highestSequenceNumbers(),
                        checked.rejected()));
    }

    /**
     * Refuses with 403 a workout known to belong to another athlete than {@code user} (ADR 0012): for an upload whose
     * samples all name one workout (a recording import).
     */
    void checkWorkoutOwner(UUID workoutId, UUID user) {
        if (isOthersWorkout(workoutId, user)) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "The workout belongs to another athlete; nothing published",
                    Map.of("field", "workout_id", "workout_id", workoutId.toString()));
        }
    }

    /**
     * Samples whose {@code device_id} or {@code user_id} is not the device's own, or whose {@code workout_id} is known
     * to belong to another athlete (live-workout refuses what the gateway does not know yet). Missing or malformed
     * values are left to the validator (400).
     */
    private void checkOwnership(List<JsonNode> samples, AuthenticatedDevice device) {
        List<Map<String, Object>> foreign = new ArrayList<>();
        String lastWorkout = null;
        boolean lastWorkoutForeign = false;
        for (int index = 0; index < samples.size(); index++) {
            JsonNode sample = samples.get(index);
            List<Map<String, String>> violations = new ArrayList<>(3);
            JsonNode deviceId = sample == null ? null : sample.get("device_id");
            if (deviceId != null && deviceId.isTextual() && !deviceId.textValue().equals(device.deviceId())) {
                violations.add(Map.of("field", "device_id", "message", "not the device of the credential"));
            }
            JsonNode userId = sample == null ? null : sample.get("user_id");
            if (userId != null && userId.isTextual() && isOtherUser(userId.textValue(), device)) {
                violations.add(Map.of("field", "user_id", "message", "not the user the device is registered to"));
            }
            JsonNode workoutId = sample == null ? null : sample.get("workout_id");
            if (workoutId != null && workoutId.isTextual()) {
                // the samples of a batch mostly share one workout: look each up once
                if (!workoutId.textValue().equals(lastWorkout)) {
                    lastWorkout = workoutId.textValue();
                    lastWorkoutForeign = isOthersWorkout(lastWorkout, device.userId());
                }
                if (lastWorkoutForeign) {
                    violations.add(Map.of("field", "workout_id", "message", "the workout belongs to another athlete"));
                }
            }
            if (!violations.isEmpty()) {
                foreign.add(Map.of("index", index, "violations", violations));
            }
        }
        if (!foreign.isEmpty()) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, foreign.size() + " of " + samples.size()
                    + " samples are not this device's, not its user's or aimed at another athlete's workout;"
                    + " nothing published", Map.of("rejected", foreign));
        }
    }

    private static boolean isOtherUser(String userId, AuthenticatedDevice device) {
        try {
            return !UUID.fromString(userId).equals(device.userId());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private boolean isOthersWorkout(String workoutId, UUID user) {
        try {
            return isOthersWorkout(UUID.fromString(workoutId), user);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private boolean isOthersWorkout(UUID workoutId, UUID user) {
        return owners.ownerOf(workoutId)
                .filter(owner -> !owner.equals(user))
                .isPresent();
    }

    /**
     * Samples checked one by one, in order.
     *
     * @param accepted the valid samples, in batch order
     * @param rejected refused samples: {@code index} in the checked list and {@code violations}
     */
    record Checked(List<ValidSample> accepted, List<Map<String, Object>> rejected) {
    }

    /** Checks each sample on its own with {@code validator}, as of {@code now}. */
    static Checked check(List<JsonNode> samples, SampleValidator validator, Instant now) {
        List<ValidSample> accepted = new ArrayList<>(samples.size());
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (int index = 0; index < samples.size(); index++) {
            switch (validator.check(samples.get(index), now)) {
                case SampleCheck.Accepted(ValidSample sample) -> accepted.add(sample);
                case SampleCheck.Rejected(var violations) -> rejected.add(Map.of("index", index, "violations",
                        violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList()));
            }
        }
        return new Checked(accepted, rejected);
    }

    /**
     * Publishes samples already checked (a recording imported by its user, checked whole before any is published):
     * 429 when the gateway has no room for them; the outcome once Kafka has acknowledged them.
     */
    Uni<Outcome> publish(List<ValidSample> accepted, Instant receivedAt, String correlationId) {
        if (!inFlight.tryAcquire(accepted.size())) {
            Log.debugf("batch refused, gateway at capacity inFlight=%d", inFlight.inFlight());
            throw ApiException.rateLimited(RETRY_AFTER);
        }
        Outcome outcome = new Outcome(accepted.size(), highestSequenceNumbers(accepted), List.of());
        return publisher.publish(accepted, receivedAt, correlationId)
                .eventually(() -> inFlight.release(accepted.size()))
                .invoke(() -> Log.debugf("batch published accepted=%d", accepted.size()))
                .replaceWith(outcome);
    }

    private static Map<String, Long> highestSequenceNumbers(List<ValidSample> samples) {
        Map<String, Long> highest = new TreeMap<>();
        for (ValidSample sample : samples) {
            highest.merge(sample.deviceId(), sample.sequenceNumber(), Math::max);
        }
        return highest;
    }
}
