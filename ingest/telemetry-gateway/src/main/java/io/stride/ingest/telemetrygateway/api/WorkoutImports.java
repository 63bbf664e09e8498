package io.stride.ingest.telemetrygateway.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.ingest.telemetrygateway.config.GatewayConfig;
import io.stride.platform.http.ApiException;

/**
 * The workouts service's import command ({@code POST /api/v1/workouts/imports}), called once an imported recording's
 * samples are in Kafka: the recording becomes a workout started at its first point and completed at its last (ADR
 * 0013), in the athlete's name (their own access token, forwarded). The samples go first, so live-workout has them
 * before the completion request; if they already started the workout (live-workout's claim), the import completes
 * it. The call is idempotent (its key is derived from the workout and the request), so importing the same file again
 * into the same workout returns the first outcome. Without {@code telemetry-gateway.workouts-url} it is skipped: the
 * samples alone then start a workout that the platform ends as abandoned.
 */
@ApplicationScoped
public class WorkoutImports {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<URI> workoutsUrl;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    WorkoutImports(GatewayConfig config, ObjectMapper json) {
        this(config.workoutsUrl(), json);
    }

    WorkoutImports(Optional<URI> workoutsUrl, ObjectMapper json) {
        this.workoutsUrl = workoutsUrl;
        this.json = json;
    }

    /** A recorded workout to hand to the workouts service. */
    public record Recorded(UUID workoutId, String sport, Instant startTime, Instant endTime, String title,
            String deviceModel) {
    }

    /**
     * The workout's status after the import ({@code COMPLETING}), or empty when no workouts service is configured.
     * A refusal of the workouts service (409, 422) is passed on as it came, with the workout's id; the service down or
     * failing is 503 {@code workouts_unavailable}: the samples are kept, and importing again with the same
     * {@code workout_id} finishes the import.
     */
    Uni<Optional<String>> complete(String authorization, Recorded recorded) {
        if (workoutsUrl.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String body = body(recorded);
        HttpRequest request = HttpRequest.newBuilder(workoutsUrl.get().resolve("/api/v1/workouts/imports"))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", "recording-import-" + recorded.workoutId() + "-" + sha256(body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(failure -> unavailable(recorded.workoutId(), failure))
                .map(response -> answer(recorded.workoutId(), response));
    }

    private String body(Recorded recorded) {
        ObjectNode body = json.createObjectNode();
        body.put("workout_id", recorded.workoutId().toString());
        body.put("sport", recorded.sport());
        body.put("start_time", recorded.startTime().toString());
        body.put("end_time", recorded.endTime().toString());
        if (recorded.title() != null) {
            body.put("title", recorded.title());
        }
        if (recorded.deviceModel() != null) {
            body.put("device_model", recorded.deviceModel());
        }
        return body.toString();
    }

    private Optional<String> answer(UUID workoutId, HttpResponse<String> response) {
        JsonNode answer = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Optional.of(answer.path("status").asText("COMPLETING"));
        }
        if (status >= 400 && status < 500 && answer.has("error")) {
            Map<String, Object> details = new LinkedHashMap<>();
            answer.path("details").properties().forEach(field -> details.put(field.getKey(), field.getValue()));
            details.put("workout_id", workoutId.toString());
            throw new ApiException(status, answer.path("error").asText(), answer.path("message").asText(), details);
        }
        Log.warnf("workouts service refused a recording import status=%d workoutId=%s", status, workoutId);
        throw unavailable(workoutId, null);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static ApiException unavailable(UUID workoutId, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            Log.warnf("workouts service unreachable for a recording import workoutId=%s: %s", workoutId,
                    cause.toString());
        }
        return new ApiException(503, "workouts_unavailable", "The recording's samples are stored, but the workouts"
                + " service did not take the workout; import it again with this workout_id to finish",
                Map.of("workout_id", workoutId.toString(), "retry_after_seconds", RETRY_AFTER.toSeconds()),
                RETRY_AFTER);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
