package io.stride.ingest.telemetrygateway.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.stride.ingest.telemetrygateway.config.GatewayConfig;
import io.stride.ingest.telemetrygateway.recording.RecordedPoint;
import io.stride.ingest.telemetrygateway.recording.RecordingFormat;
import io.stride.ingest.telemetrygateway.recording.UnreadableRecording;
import io.stride.ingest.telemetrygateway.validation.SampleLimits;
import io.stride.ingest.telemetrygateway.validation.SampleValidator;
import io.stride.ingest.telemetrygateway.validation.ValidSample;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.CorrelationId;
import io.stride.platform.security.Roles;
import io.stride.schemas.common.SportType;

/**
 * Imports a finished recording (GPX, TCX or FIT) through the same pipeline as live samples: each point becomes a
 * sample of the workout (sequence numbers 1..n in file order), is checked like a live sample (of any age: an athlete
 * brings their past), and is published in batches; then the workouts service makes it a workout started at its first
 * point and completed at its last ({@link WorkoutImports}), dated when it happened. Re-importing the same file into
 * the same workout is harmless: the samples are duplicates and the import command is idempotent. Called by the
 * athlete (a user access token), never by a device: the samples are the token's user's ({@code sub}).
 */
@RolesAllowed(Roles.ATHLETE)
@Path("/api/v1/telemetry/recordings")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RecordingImportResource {

    /** Most refused points listed in the answer; the count is always complete. */
    private static final int MAX_LISTED_REJECTIONS = 20;

    /** Longest title, as the workouts service takes it. */
    private static final int TITLE_MAX = 200;

    private final BatchIngestion ingestion;
    private final WorkoutImports workouts;
    private final SampleValidator importValidator;
    private final ObjectMapper json;
    private final GatewayConfig config;
    private final Clock clock;

    RecordingImportResource(BatchIngestion ingestion, WorkoutImports workouts, ObjectMapper json,
            GatewayConfig config, Clock clock) {
        this.ingestion = ingestion;
        this.workouts = workouts;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.importValidator = new SampleValidator(SampleLimits.anyAge(config.maxClockSkew()));
    }

    /**
     * What an import became; {@code workoutStatus}: the workout's status at the workouts service ({@code COMPLETING}
     * until live-workout's final figures make it {@code COMPLETED}), absent when no workouts service is configured.
     */
    public record ImportOutcome(UUID workoutId, int points, int accepted, int rejected,
            Map<String, Long> highestSequenceNumbers, List<Map<String, Object>> rejections, String workoutStatus) {
    }

    /**
     * 202 with the counts once Kafka holds the accepted samples and the workouts service has the workout; 401 without a
     * valid access token, 403 without the athlete role or for a {@code workout_id} known to belong to another athlete;
     * 400 for a missing or unknown format or sport, or a title too long; 422 {@code unreadable_recording} when the file
     * is not a readable recording of that format, 422 {@code nothing_importable} when none of its points can be
     * imported (nothing published either way); the workouts service's refusal (409, 422) as it came; 503
     * {@code workouts_unavailable} when it cannot be reached (the samples are kept: import again with the
     * {@code workout_id}). {@code sport}: the document's sport types (default {@code other}); {@code title}: the
     * workout's.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<RestResponse<ImportOutcome>> importRecording(byte[] file, @QueryParam("format") String formatName,
            @QueryParam("workout_id") String workoutId, @QueryParam("device_id") String deviceId,
            @QueryParam("sport") String sportName, @QueryParam("title") String title,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context SecurityContext security) {
        RecordingFormat format = RecordingFormat.named(formatName).orElseThrow(() -> ApiException.invalidField(
                "format", "format must be one of gpx, tcx, fit"));
        String sport = sport(sportName);
        if (title != null && title.length() > TITLE_MAX) {
            throw ApiException.invalidField("title", "title must be at most " + TITLE_MAX + " characters");
        }
        UUID user = userOf(security);
        UUID workout = workoutId == null || workoutId.isBlank() ? UUID.randomUUID() : uuid("workout_id", workoutId);
        ingestion.checkWorkoutOwner(workout, user);
        String device = deviceId == null || deviceId.isBlank() ? "import-" + format.name().toLowerCase() : deviceId;
        List<RecordedPoint> points = read(format, file);
        List<JsonNode> samples = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            samples.add(sample(points.get(i), i + 1, workout, user, device));
        }
        Instant now = clock.instant();
        BatchIngestion.Checked checked = BatchIngestion.check(samples, importValidator, now);
        WorkoutImports.Recorded recorded = recorded(checked, workout, sport, title, format);
        Log.infof("recording import format=%s workoutId=%s points=%d start=%s end=%s", format, workout,
                points.size(), recorded.startTime(), recorded.endTime());
        return publishInBatches(checked.accepted(), now, CorrelationId.currentOrNew())
                .chain(highest -> workouts.complete(authorization, recorded)
                        .map(status -> RestResponse.accepted(summary(workout, checked, highest,
                                status.orElse(null)))));
    }

    /**
     * The workout the recording's importable points span, first to last; 422 {@code nothing_importable} with the
     * reasons when no point can be imported.
     */
    private static WorkoutImports.Recorded recorded(BatchIngestion.Checked checked, UUID workout, String sport,
            String title, RecordingFormat format) {
        if (checked.accepted().isEmpty()) {
            int points = checked.rejected().size();
            throw ApiException.unprocessable("nothing_importable", "None of the recording's " + points
                    + " points can be imported", Map.of("format", format.name().toLowerCase(), "points", points,
                            "rejected", points, "rejections", listed(checked.rejected())));
        }
        Instant first = null;
        Instant last = null;
        for (ValidSample sample : checked.accepted()) {
            first = first == null || sample.recordedAt().isBefore(first) ? sample.recordedAt() : first;
            last = last == null || sample.recordedAt().isAfter(last) ? sample.recordedAt() : last;
        }
        return new WorkoutImports.Recorded(workout, sport, first, last, title, null);
    }

    private static List<Map<String, Object>> listed(List<Map<String, Object>> rejected) {
        return rejected.subList(0, Math.min(rejected.size(), MAX_LISTED_REJECTIONS));
    }

    private static String sport(String name) {
        if (name == null || name.isBlank()) {
            return SportType.OTHER.name().toLowerCase(Locale.ROOT);
        }
        for (SportType sport : SportType.values()) {
            if (sport.name().equalsIgnoreCase(name)) {
                return sport.name().toLowerCase(Locale.ROOT);
            }
        }
        throw ApiException.invalidField("sport", "sport must be one of " + String.join(", ",
                Arrays.stream(SportType.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
    }

    private List<RecordedPoint> read(RecordingFormat format, byte[] file) {
        if (file == null || file.length == 0) {
            throw ApiException.invalidField("body", "the request body must hold the recording file");
        }
        if (format != RecordingFormat.FIT && new String(file, StandardCharsets.UTF_8).contains("<!DOCTYPE")) {
            throw unreadable(format, "document type declarations are not accepted");
        }
        try {
            List<RecordedPoint> points = format.read(new ByteArrayInputStream(file));
            if (points.isEmpty()) {
                throw unreadable(format, "the recording holds no track point");
            }
            return points;
        } catch (UnreadableRecording | IOException e) {
            throw unreadable(format, e.getMessage());
        }
    }

    /** Publishes the valid samples in batches of the gateway's size, one after the other; the highest sequence numbers. */
    private Uni<Map<String, Long>> publishInBatches(List<ValidSample> samples, Instant receivedAt,
            String correlationId) {
        Uni<Map<String, Long>> chain = Uni.createFrom().item(new TreeMap<>());
        for (int from = 0; from < samples.size(); from += config.maxBatchSize()) {
            List<ValidSample> batch = samples.subList(from, Math.min(samples.size(), from + config.maxBatchSize()));
            chain = chain.chain(highest -> ingestion.publish(batch, receivedAt, correlationId)
                    .map(outcome -> {
                        outcome.highestSequenceNumbers().forEach((device, sequence) -> highest.merge(device,
                                sequence, Math::max));
                        return highest;
                    }));
        }
        return chain;
    }

    private static ImportOutcome summary(UUID workout, BatchIngestion.Checked checked, Map<String, Long> highest,
            String workoutStatus) {
        int accepted = checked.accepted().size();
        int rejected = checked.rejected().size();
        return new ImportOutcome(workout, accepted + rejected, accepted, rejected, highest,
                listed(checked.rejected()), workoutStatus);
    }

    private ObjectNode sample(RecordedPoint point, long sequence, UUID workout, UUID user, String device) {
        ObjectNode sample = json.createObjectNode();
        sample.put("device_id", device);
        sample.put("workout_id", workout.toString());
        sample.put("user_id", user.toString());
        sample.put("sequence_number", sequence);
        if (point.time() != null) {
            sample.put("recorded_at", point.time().toString());
        }
        putIfPresent(sample, "latitude", point.latitude());
        putIfPresent(sample, "longitude", point.longitude());
        putIfPresent(sample, "altitude_meters", point.altitudeMeters());
        putIfPresent(sample, "speed_meters_per_second", point.speedMetersPerSecond());
        if (point.heartRateBpm() != null) {
            sample.put("heart_rate_bpm", point.heartRateBpm());
        }
        if (point.cadenceRpm() != null) {
            sample.put("cadence_rpm", point.cadenceRpm());
        }
        if (point.powerWatts() != null) {
            sample.put("power_watts", point.powerWatts());
        }
        return sample;
    }

    private static void putIfPresent(ObjectNode sample, String field, Double value) {
        if (value != null) {
            sample.put(field, value);
        }
    }

    /** The token's subject is the user id (users service tokens); anything else is not a Stride user token. */
    private static UUID userOf(SecurityContext security) {
        try {
            return UUID.fromString(security.getUserPrincipal().getName());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.forbidden("The access token does not name a Stride user");
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, field + " is required");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, field + " must be a UUID");
        }
    }

    private static ApiException unreadable(RecordingFormat format, String reason) {
        return ApiException.unprocessable("unreadable_recording",
                "The file is not a readable " + format + " recording", Map.of("format", format.name().toLowerCase(),
                        "reason", reason == null ? "unknown" : reason));
    }
}
