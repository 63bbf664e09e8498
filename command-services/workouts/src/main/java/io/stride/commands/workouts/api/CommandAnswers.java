package io.stride.commands.workouts.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.stride.commands.workouts.application.CommandResult;
import io.stride.commands.workouts.domain.WorkoutError;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.CommandHeaders;

/**
 * The HTTP answer of each command result (STYLE §11): the workout and its {@code ETag} when applied (replays marked
 * {@code Idempotency-Replayed: true}); otherwise the platform's error body — 404 for a workout that is not the
 * caller's, 409 for an impossible transition or a version conflict (current status and version in {@code details}),
 * 422 for a broken rule or an idempotency key reused with another request, 409 for a request still in flight.
 */
final class CommandAnswers {

    private CommandAnswers() {
    }

    static Response answer(CommandResult result, Response.Status success) {
        return switch (result) {
            case CommandResult.Applied applied -> {
                Response.ResponseBuilder builder = Response.status(success)
                        .entity(WorkoutView.of(applied.state()))
                        .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(applied.state().version())));
                if (success != Response.Status.OK) {
                    builder.location(location(applied.state().workoutId()));
                }
                if (applied.replayed()) {
                    builder.header(CommandHeaders.REPLAYED, "true");
                }
                yield builder.build();
            }
            case CommandResult.Refused refused -> throw refusal(refused.error());
            case CommandResult.NotFound notFound -> throw ApiException.notFound("workout",
                    notFound.workoutId().toString());
            case CommandResult.VersionConflict conflict -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("current_version", conflict.currentVersion());
                if (conflict.expectedVersion() != null) {
                    details.put("expected_version", conflict.expectedVersion());
                }
                if (conflict.status() != null) {
                    details.put("status", conflict.status().name());
                }
                throw ApiException.conflict("version_conflict", "The workout changed meanwhile: read it again and "
                        + "decide on its current version", details);
            }
            case CommandResult.KeyReused reused -> throw ApiException.unprocessable("idempotency_key_reused",
                    "This Idempotency-Key was used for another request", Map.of("header",
                            CommandHeaders.IDEMPOTENCY_KEY));
            case CommandResult.KeyInFlight inFlight -> throw new ApiException(409, "idempotency_key_in_flight",
                    "A request with this Idempotency-Key is still running", Map.of("header",
                            CommandHeaders.IDEMPOTENCY_KEY, "retry_after_seconds", 1), java.time.Duration.ofSeconds(1));
        };
    }

    static URI location(UUID workoutId) {
        return URI.create("/api/v1/workouts/" + workoutId);
    }

    private static ApiException refusal(WorkoutError error) {
        return switch (error) {
            case WorkoutError.AlreadyStarted started -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("workout_id", started.workoutId().toString());
                if (started.status() != null) {
                    details.put("status", started.status().name());
                    details.put("version", started.version());
                }
                yield ApiException.conflict("workout_exists", "A workout with this id exists", details);
            }
            case WorkoutError.InvalidTransition invalid -> ApiException.conflict("invalid_transition",
                    "The workout cannot " + invalid.command().replace('_', ' ') + " while "
                            + invalid.status().name().toLowerCase(java.util.Locale.ROOT),
                    Map.of("command", invalid.command(), "status", invalid.status().name(),
                            "version", invalid.version()));
            case WorkoutError.InvalidTime time -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("field", time.field());
                if (time.status() != null) {
                    details.put("status", time.status().name());
                }
                details.put("version", time.version());
                yield ApiException.unprocessable("invalid_time", time.message(), details);
            }
            case WorkoutError.TagLimitReached limit -> ApiException.unprocessable("tag_limit_reached",
                    "A workout has at most " + limit.limit() + " tags", Map.of("max_tags", limit.limit(),
                            "version", limit.version()));
            case WorkoutError.NotStarted notStarted -> ApiException.notFound("workout",
                    notStarted.workoutId().toString());
            case WorkoutError.ForeignFigures foreign -> ApiException.conflict("foreign_figures",
                    "The figures are another athlete's", Map.of("status", foreign.status().name(),
                            "version", foreign.version()));
        };
    }
}
