package io.stride.commands.workouts.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import io.stride.commands.workouts.application.Actor;
import io.stride.commands.workouts.application.CommandRequest;
import io.stride.commands.workouts.application.IdempotentRequest;
import io.stride.commands.workouts.application.WorkoutService;
import io.stride.commands.workouts.config.WorkoutsConfig;
import io.stride.commands.workouts.domain.AddWorkoutTagCommand;
import io.stride.commands.workouts.domain.CancelWorkoutCommand;
import io.stride.commands.workouts.domain.CompleteWorkoutCommand;
import io.stride.commands.workouts.domain.GeoPosition;
import io.stride.commands.workouts.domain.ImportWorkoutCommand;
import io.stride.commands.workouts.domain.PauseWorkoutCommand;
import io.stride.commands.workouts.domain.ResumeWorkoutCommand;
import io.stride.commands.workouts.domain.Sport;
import io.stride.commands.workouts.domain.StartWorkoutCommand;
import io.stride.commands.workouts.domain.Tags;
import io.stride.commands.workouts.domain.UpdateWorkoutCommand;
import io.stride.commands.workouts.domain.WorkoutCommand;
import io.stride.platform.devices.AuthenticatedDevice;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.CommandHeaders;
import io.stride.platform.security.Roles;

/**
 * The Workout commands (ADR 0013) for the athlete's app (user token), admins, and the athlete's wearable (device
 * credential: start, pause, resume, complete). Every mutating call needs an {@code Idempotency-Key}; {@code If-Match}
 * with the workout's ETag (its version) makes it conditional. A workout of someone else is answered as unknown (404).
 */
@Path("/api/v1/workouts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workouts", description = "The Workout aggregate: start, pause, resume, complete, cancel, tag, edit")
public class WorkoutResource {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String SPORTS = String.join(", ", Arrays.stream(Sport.values())
            .map(sport -> sport.name().toLowerCase(Locale.ROOT))
            .toList());

    private final WorkoutService workouts;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;
    private final WorkoutsConfig config;

    public WorkoutResource(WorkoutService workouts, SecurityIdentity identity, ObjectMapper json, Clock clock,
            WorkoutsConfig config) {
        this.workouts = workouts;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN, AuthenticatedDevice.ROLE})
    @Operation(summary = "StartWorkout: 201 with the workout, its Location and ETag")
    public Uni<Response> start(@HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid WorkoutRequests.Start body) {
        WorkoutRequests.Start request = required(body);
        Actor actor = actor();
        UUID workoutId = request.workoutId() != null ? request.workoutId() : UUID.randomUUID();
        StartWorkoutCommand command = new StartWorkoutCommand(actor.userId(), sport(request.sport()),
                notInTheFuture("start_time", request.startTime()), position(request.location()),
                request.deviceModel(), request.title(), actor.source());
        return execute(actor, workoutId, command, idempotencyKey, null, "POST", "", request,
                Response.Status.CREATED);
    }

    @POST
    @Path("imports")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "A recorded workout in one go: started and its completion requested (202, COMPLETING)")
    public Uni<Response> importRecording(@HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid WorkoutRequests.Import body) {
        WorkoutRequests.Import request = required(body);
        if (request.endTime().isBefore(request.startTime())) {
            throw ApiException.invalidField("end_time", "end_time is before start_time (a negative duration)");
        }
        Actor actor = actor();
        UUID workoutId = request.workoutId() != null ? request.workoutId() : UUID.randomUUID();
        ImportWorkoutCommand command = new ImportWorkoutCommand(actor.userId(), sport(request.sport()),
                notInTheFuture("start_time", request.startTime()), notInTheFuture("end_time", request.endTime()),
                request.title(), request.deviceModel());
        return execute(actor, workoutId, command, idempotencyKey, null, "POST", "/imports", request,
                Response.Status.ACCEPTED);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN, AuthenticatedDevice.ROLE})
    @Operation(summary = "The workout's current state (its owner, the owner's devices and admins); ETag = version")
    public Uni<Response> get(@PathParam("id") String id) {
        UUID workoutId = workoutId(id);
        return workouts.current(actor(), workoutId)
                .map(found -> found.map(state -> Response.ok(WorkoutView.of(state))
                                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(state.version())))
                                .build())
                        .orElseThrow(() -> ApiException.notFound("workout", workoutId.toString())));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "UpdateWorkout: the athlete's edit of sport, title, notes")
    public Uni<Response> update(@PathParam("id") String id,
            @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch, @Valid WorkoutRequests.Update body) {
        UUID workoutId = workoutId(id);
        WorkoutRequests.Update request = required(body);
        if (request.sport() == null && request.title() == null && request.notes() == null) {
            throw ApiException.validation("Give at least one of sport, title, notes", Map.of("violations",
                    List.of(Map.of("field", "sport", "message", "sport, title or notes is required"))));
        }
        UpdateWorkoutCommand command = new UpdateWorkoutCommand(request.sport() == null ? null
                : sport(request.sport()), request.title(), request.notes());
        return execute(actor(), workoutId, command, idempotencyKey, ifMatch, "PATCH", "/" + workoutId, request,
                Response.Status.OK);
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN, AuthenticatedDevice.ROLE})
    @Operation(summary = "PauseWorkout")
    public Uni<Response> pause(@PathParam("id") String id,
            @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch, WorkoutRequests.Transition body) {
        UUID workoutId = workoutId(id);
        Actor actor = actor();
        Instant at = body == null ? null : notInTheFuture("at", body.at());
        return execute(actor, workoutId, new PauseWorkoutCommand(at, actor.source()), idempotencyKey, ifMatch,
                "POST", "/" + workoutId + "/pause", body, Response.Status.OK);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN, AuthenticatedDevice.ROLE})
    @Operation(summary = "ResumeWorkout")
    public Uni<Response> resume(@PathParam("id") String id,
            @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch, WorkoutRequests.Transition body) {
        UUID workoutId = workoutId(id);
        Actor actor = actor();
        Instant at = body == null ? null : notInTheFuture("at", body.at());
        return execute(actor, workoutId, new ResumeWorkoutCommand(at, actor.source()), idempotencyKey, ifMatch,
                "POST", "/" + workoutId + "/resume", body, Response.Status.OK);
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN, AuthenticatedDevice.ROLE})
    @Operation(summary = "CompleteWorkout: 202, COMPLETING until live-workout's final figures make it COMPLETED")
    public Uni<Response> complete(@PathParam("id") String id,
            @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch, WorkoutRequests.Complete body) {
        UUID workoutId = workoutId(id);
        Actor actor = actor();
        Instant end = body == null ? null : notInTheFuture("end_time", body.endTime());
        return execute(actor, workoutId, new CompleteWorkoutCommand(end, actor.source()), idempotencyKey, ifMatch,
                "POST", "/" + workoutId + "/complete", body, Response.Status.ACCEPTED);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "CancelWorkout")
    public Uni<Response> cancel(@PathParam("id") String id,
            @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch, @Valid WorkoutRequests.Cancel body) {
        UUID workoutId = workoutId(id);
        Actor actor = actor();
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null
                : body.reason().strip();
        return execute(actor, workoutId, new CancelWorkoutCommand(reason, actor.source()), idempotencyKey, ifMatch,
                "POST", "/" + workoutId + "/cancel", body, Response.Status.OK);
    }

    @POST
    @Path("{id}/tags")
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    @Operation(summary = "Adds a tag (lower-case letters, digits, '-' and '_', at most 32; 20 per workout)")
    public Uni<Response> addTag(@PathParam("id") String id,
            @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch, @Valid WorkoutRequests.Tag body) {
        UUID workoutId = workoutId(id);
        WorkoutRequests.Tag request = required(body);
        if (Tags.normalise(request.tag()) == null) {
            throw ApiException.invalidField("tag", "A tag is 1 to " + Tags.MAX_LENGTH + " letters, digits, '-' or "
                    + "'_', starting with a letter or digit");
        }
        return execute(actor(), workoutId, new AddWorkoutTagCommand(request.tag()), idempotencyKey, ifMatch, "POST",
                "/" + workoutId + "/tags", request, Response.Status.OK);
    }

    private Uni<Response> execute(Actor actor, UUID workoutId, WorkoutCommand command, String idempotencyHeader,
            String ifMatch, String method, String path, Object body, Response.Status success) {
        String key = CommandHeaders.idempotencyKey(idempotencyHeader);
        Long expected = CommandHeaders.expectedVersion(ifMatch);
        // the path names the workout for every command but a start, whose body does (or a new id): hash what the
        // client sent, so that a retry of a start without an id still matches its first request
        String hash = CommandHeaders.requestHash(method, "/api/v1/workouts" + path,
                jsonOf(body) + "\nif-match:" + expected);
        CommandRequest request = new CommandRequest(actor, workoutId, command, expected,
                new IdempotentRequest(actor.userId(), key, hash));
        return workouts.execute(request)
                .map(result -> CommandAnswers.answer(result, success));
    }

    private String jsonOf(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    /** The caller: a device (its user), an admin or an athlete; the token's subject is a user id. */
    private Actor actor() {
        UUID userId;
        try {
            userId = UUID.fromString(identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthenticated("The credential does not name a user");
        }
        if (identity.hasRole(AuthenticatedDevice.ROLE)) {
            return Actor.device(userId, identity.getAttribute(DeviceAuthenticationMechanism.DEVICE_ID));
        }
        return identity.hasRole(Roles.ADMIN) ? Actor.admin(userId) : Actor.athlete(userId);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ApiException.validation("The request needs a JSON body", Map.of());
        }
        return body;
    }

    private static UUID workoutId(String raw) {
        if (raw == null || !CANONICAL_UUID.matcher(raw).matches()) {
            throw ApiException.invalidField("id", "The workout id must be a UUID");
        }
        return UUID.fromString(raw);
    }

    private static Sport sport(String raw) {
        try {
            return Sport.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("sport", "Unknown sport; one of " + SPORTS);
        }
    }

    private static GeoPosition position(WorkoutRequests.Location location) {
        return location == null ? null : new GeoPosition(location.latitude(), location.longitude());
    }

    /** A client's time, refused when later than now plus the allowed clock skew. */
    private Instant notInTheFuture(String field, Instant time) {
        if (time != null && time.isAfter(clock.instant().plus(config.clockSkew()))) {
            throw ApiException.invalidField(field, field + " is in the future");
        }
        return time;
    }
}
