package io.stride.commands.goals.api;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stride.commands.goals.application.GoalService;
import io.stride.commands.goals.domain.GoalDefinition;
import io.stride.commands.goals.domain.GoalError;
import io.stride.commands.goals.domain.GoalKind;
import io.stride.commands.goals.domain.GoalMetric;
import io.stride.commands.goals.domain.GoalPeriod;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.CommandHeaders;
import io.stride.platform.security.Roles;
import io.stride.schemas.common.SportType;

/**
 * An athlete's goals: set one ({@code Idempotency-Key} required: a retry with the same key answers the goal it set),
 * list and read them, edit or pause one and delete one ({@code If-Match} with the goal's ETag, its version, required:
 * an edit decided on an older version is refused). Someone else's goal is answered as unknown (404).
 */
@Path("/api/v1/goals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Amounts per period, performances and totals by a date")
public class GoalResource {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String SPORTS = "any, " + String.join(", ", Arrays.stream(SportType.values())
            .map(sport -> sport.name().toLowerCase(Locale.ROOT)).toList());

    private final GoalService goals;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public GoalResource(GoalService goals, SecurityIdentity identity, ObjectMapper json) {
        this.goals = goals;
        this.identity = identity;
        this.json = json;
    }

    @POST
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "Set a goal", description = "201 with the goal, its Location and ETag; the same request with "
            + "the same Idempotency-Key answers the goal it set (Idempotency-Replayed: true)")
    public Uni<Response> create(@HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            GoalRequests.NewGoal body) {
        UUID userId = caller();
        String key = CommandHeaders.idempotencyKey(idempotencyKey);
        GoalRequests.NewGoal request = required(body);
        GoalDefinition definition = definition(request);
        String hash = hash(request);
        return mapped(goals.create(userId, key, hash, definition)
                .onFailure(GoalService::isDuplicateCreation)
                .recoverWithUni(() -> goals.create(userId, key, hash, definition))
                .map(created -> {
                    Response.ResponseBuilder answer = Response.status(Response.Status.CREATED)
                            .location(URI.create("/api/v1/goals/" + created.goal().id()))
                            .tag(String.valueOf(created.goal().version()))
                            .entity(GoalView.of(created.goal()));
                    return (created.replayed() ? answer.header(CommandHeaders.REPLAYED, "true") : answer).build();
                }));
    }

    @GET
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "The caller's goals, oldest first")
    public Uni<Map<String, List<GoalView>>> list() {
        return goals.list(caller()).map(list -> Map.of("goals", list.stream().map(GoalView::of).toList()));
    }

    @GET
    @Path("/{goalId}")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "One of the caller's goals, with its ETag")
    public Uni<Response> get(@PathParam("goalId") String goalId) {
        return mapped(goals.get(caller(), goalId(goalId)).map(goal -> Response.ok(GoalView.of(goal))
                .tag(String.valueOf(goal.version())).build()));
    }

    @PATCH
    @Path("/{goalId}")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "Edit or pause a goal", description = "target, distance_meters, target_seconds, deadline, "
            + "paused; If-Match with the goal's ETag required")
    public Uni<Response> edit(@PathParam("goalId") String goalId, @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch,
            GoalRequests.GoalEdit body) {
        UUID userId = caller();
        UUID id = goalId(goalId);
        long version = expectedVersion(ifMatch);
        GoalRequests.GoalEdit edit = required(body);
        for (Map.Entry<String, Object> fixed : fixedFields(edit).entrySet()) {
            if (fixed.getValue() != null) {
                throw ApiException.invalidField(fixed.getKey(), fixed.getKey()
                        + " cannot change: delete the goal and set a new one");
            }
        }
        Double target = edit.target() != null ? edit.target() : edit.distanceMeters();
        return mapped(goals.edit(userId, id, version, new GoalService.Edit(target, edit.targetSeconds(),
                        edit.deadline(), edit.paused()))
                .map(goal -> Response.ok(GoalView.of(goal)).tag(String.valueOf(goal.version())).build()));
    }

    @DELETE
    @Path("/{goalId}")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "Delete a goal", description = "If-Match with the goal's ETag required; 204")
    public Uni<Response> delete(@PathParam("goalId") String goalId, @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch) {
        UUID userId = caller();
        UUID id = goalId(goalId);
        long version = expectedVersion(ifMatch);
        return mapped(goals.delete(userId, id, version).map(done -> Response.noContent().build()));
    }

    private static Map<String, Object> fixedFields(GoalRequests.GoalEdit edit) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("kind", edit.kind());
        fixed.put("metric", edit.metric());
        fixed.put("period", edit.period());
        fixed.put("sport", edit.sport());
        return fixed;
    }

    private static GoalDefinition definition(GoalRequests.NewGoal request) {
        GoalKind kind = GoalKind.ofWire(request.kind());
        if (kind == null) {
            throw ApiException.invalidField("kind", "kind must be one of period_total, performance, total_by_date");
        }
        GoalMetric metric = request.metric() == null ? null : GoalMetric.ofWire(request.metric());
        if (request.metric() != null && metric == null) {
            throw ApiException.invalidField("metric",
                    "metric must be one of distance, moving_time, elevation_gain, calories, workouts");
        }
        GoalPeriod period = request.period() == null ? null : GoalPeriod.ofWire(request.period());
        if (request.period() != null && period == null) {
            throw ApiException.invalidField("period", "period must be one of day, week, month, year");
        }
        String sport = sport(request.sport());
        if (kind == GoalKind.PERFORMANCE && request.target() != null) {
            throw ApiException.invalidField("target", "a performance goal names distance_meters and target_seconds");
        }
        if (kind != GoalKind.PERFORMANCE && request.distanceMeters() != null) {
            throw ApiException.invalidField("distance_meters", "only a performance goal has distance_meters");
        }
        Double target = kind == GoalKind.PERFORMANCE ? request.distanceMeters() : request.target();
        if (target == null) {
            String field = kind == GoalKind.PERFORMANCE ? "distance_meters" : "target";
            throw ApiException.invalidField(field, "a " + kind.wire() + " goal needs " + field);
        }
        try {
            return new GoalDefinition(kind, metric, period, sport, target, request.targetSeconds(),
                    request.deadline());
        } catch (GoalError invalid) {
            throw api(invalid);
        }
    }

    /** The sport's name, {@code null} for any; 400 for one that is not a sport. */
    private static String sport(String sport) {
        if (sport == null || sport.equalsIgnoreCase("any")) {
            return null;
        }
        String name = sport.toUpperCase(Locale.ROOT);
        if (Arrays.stream(SportType.values()).noneMatch(known -> known.name().equals(name))) {
            throw ApiException.invalidField("sport", "sport must be one of " + SPORTS);
        }
        return name;
    }

    private UUID caller() {
        try {
            return UUID.fromString(identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthenticated("The credential does not name a user");
        }
    }

    private static UUID goalId(String goalId) {
        if (goalId == null || !CANONICAL_UUID.matcher(goalId).matches()) {
            throw ApiException.invalidField("goalId", "not a goal id (a UUID)");
        }
        return UUID.fromString(goalId);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ApiException.validation("A JSON body is required", Map.of("violations",
                    List.of(Map.of("field", "body", "message", "required"))));
        }
        return body;
    }

    /** The version {@code If-Match} names: required (428 without), 400 when malformed. */
    private static long expectedVersion(String header) {
        Long version = CommandHeaders.expectedVersion(header);
        if (version == null) {
            throw new ApiException(428, "precondition_required", "Editing or deleting a goal needs If-Match with "
                    + "its ETag (its version), e.g. \"3\": read it first", Map.of("header", CommandHeaders.IF_MATCH));
        }
        return version;
    }

    private String hash(Object body) {
        try {
            return CommandHeaders.requestHash("POST", "/api/v1/goals", json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private static <T> Uni<T> mapped(Uni<T> answer) {
        return answer.onFailure(GoalError.class).transform(failure -> api((GoalError) failure));
    }

    private static ApiException api(GoalError error) {
        return switch (error.code()) {
            case "validation_failed" -> ApiException.invalidField(String.valueOf(error.details().get("field")),
                    error.getMessage());
            case "not_found" -> ApiException.notFound("goal", String.valueOf(error.details().get("goal_id")));
            case "idempotency_key_reused" -> ApiException.unprocessable(error.code(), error.getMessage(),
                    error.details());
            default -> ApiException.conflict(error.code(), error.getMessage(), error.details());
        };
    }
}
