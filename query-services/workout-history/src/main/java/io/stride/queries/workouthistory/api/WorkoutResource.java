package io.stride.queries.workouthistory.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.mutiny.Uni;
import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;
import io.stride.queries.workouthistory.config.WorkoutHistoryConfig;
import io.stride.queries.workouthistory.mapping.Exports;
import io.stride.queries.workouthistory.mapping.RouteGeometry;
import io.stride.queries.workouthistory.mapping.WorkoutViews;

/**
 * An athlete's finished workouts: GetWorkoutList, GetWorkoutSummary, GetWorkoutDetails, GetWorkoutRouteMap,
 * GetWorkoutStats (architecture document, query side) and the GPX/TCX export. Only the owner and admins read a workout;
 * anyone else gets 404 exactly as for an unknown id (the id's existence is not confirmed).
 */
@Path("/api/v1/workouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
public class WorkoutResource {

    static final String GPX_TYPE = "application/gpx+xml";
    static final String TCX_TYPE = "application/vnd.garmin.tcx+xml";

    private final WorkoutQueries queries;
    private final JsonWebToken token;
    private final WorkoutHistoryConfig config;
    private final Clock clock;

    WorkoutResource(WorkoutQueries queries, JsonWebToken token, WorkoutHistoryConfig config, Clock clock) {
        this.queries = queries;
        this.token = token;
        this.config = config;
        this.clock = clock;
    }

    /**
     * GetWorkoutList: the caller's completed workouts (an admin may name another athlete with {@code user_id}) that
     * started in [{@code from}, {@code to}), of one sport when {@code sport} is given, newest first, {@code limit} per
     * page; {@code next_cursor} continues the list.
     */
    @GET
    public Uni<WorkoutList> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("sport") String sport, @QueryParam("limit") @DefaultValue("20") int limit,
            @QueryParam("cursor") String cursor, @QueryParam("user_id") String userId) {
        Caller caller = Caller.of(token);
        Instant fromInstant = Requests.instant("from", from);
        Instant toInstant = Requests.instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ApiException.invalidField("to", "to must be after from");
        }
        return queries.list(caller.subject(userId), fromInstant, toInstant, Requests.sport(sport),
                Requests.bounded("limit", limit, 1, config.maxPageSize()), Requests.Cursor.decode(cursor));
    }

    /**
     * GetWorkoutStats: totals and records per sport, and weekly activity over the last {@code weeks} weeks, of the
     * caller (an admin may name another athlete with {@code user_id}); one sport when {@code sport} is given.
     */
    @GET
    @Path("/stats")
    public Uni<WorkoutStats> stats(@QueryParam("weeks") @DefaultValue("12") int weeks,
            @QueryParam("sport") String sport, @QueryParam("user_id") String userId) {
        Caller caller = Caller.of(token);
        return queries.stats(caller.subject(userId), Requests.sport(sport),
                Requests.bounded("weeks", weeks, 1, config.maxStatsWeeks()));
    }

    /** GetWorkoutSummary: one workout at a glance (served from the cache when hot). */
    @GET
    @Path("/{workoutId}")
    public Uni<WorkoutSummary> summary(@PathParam("workoutId") String workoutId) {
        String id = Requests.uuid("workout_id", workoutId);
        return queries.summary(Caller.of(token), id)
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** GetWorkoutDetails: figures, splits, best efforts, tags and the series over the workout. */
    @GET
    @Path("/{workoutId}/details")
    public Uni<WorkoutDetails> details(@PathParam("workoutId") String workoutId) {
        String id = Requests.uuid("workout_id", workoutId);
        return queries.details(Caller.of(token), id)
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /**
     * GetWorkoutRouteMap: the route simplified for {@code zoom} (0–22; absent: the zoom that fits a 512-pixel panel),
     * as GeoJSON and an encoded polyline. 404 when the workout has no route; 410 {@code track_expired} once its
     * coordinates are past their 6 months.
     */
    @GET
    @Path("/{workoutId}/route")
    public Uni<WorkoutRouteMap> route(@PathParam("workoutId") String workoutId, @QueryParam("zoom") Integer zoom) {
        String id = Requests.uuid("workout_id", workoutId);
        if (zoom != null) {
            Requests.bounded("zoom", zoom, RouteGeometry.MIN_ZOOM, RouteGeometry.MAX_ZOOM);
        }
        return queries.workout(Caller.of(token), id, true)
                .map(found -> {
                    var workout = found.orElseThrow(() -> notFound(id));
                    requireTrack(workout, id);
                    if (workout.track().samples().stream().noneMatch(sample -> sample.positioned())) {
                        throw ApiException.notFound("workout route", id);
                    }
                    return WorkoutViews.routeMap(workout.document(), workout.track(), zoom);
                });
    }

    /**
     * The completed workout as a recording file ({@code format=gpx} or {@code tcx}), from its track, for other apps
     * and for re-import.
     */
    @GET
    @Path("/{workoutId}/export")
    @Produces({GPX_TYPE, TCX_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Response> export(@PathParam("workoutId") String workoutId, @QueryParam("format") String format) {
        String id = Requests.uuid("workout_id", workoutId);
        if (!"gpx".equals(format) && !"tcx".equals(format)) {
            throw ApiException.invalidField("format", "format must be gpx or tcx");
        }
        return queries.workout(Caller.of(token), id, true)
                .map(found -> {
                    var workout = found.orElseThrow(() -> notFound(id));
                    if (!workout.document().completed()) {
                        throw ApiException.unprocessable("workout_not_completed",
                                "only a completed workout can be exported", Map.of("workout_id", id));
                    }
                    requireTrack(workout, id);
                    if (!workout.track().timed()) {
                        throw ApiException.unprocessable("track_without_times",
                                "the workout's track has no times to export", Map.of("workout_id", id));
                    }
                    boolean gpx = "gpx".equals(format);
                    return Response.ok(gpx ? Exports.gpx(workout.document(), workout.track())
                                    : Exports.tcx(workout.document(), workout.track()))
                            .type((gpx ? GPX_TYPE : TCX_TYPE) + ";charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"workout-" + id + "." + format
                                    + "\"")
                            .build();
                });
    }

    private void requireTrack(WorkoutQueries.Workout workout, String id) {
        if (workout.track() != null) {
            return;
        }
        if ("expired".equals(WorkoutViews.trackStatus(workout.document(), null, clock.instant()))) {
            throw new ApiException(410, "track_expired", "the workout's coordinates expired (kept 6 months)",
                    Map.of("workout_id", id, "expired_at", workout.document().trackExpiresAt.toString()));
        }
        throw ApiException.notFound("workout route", id);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("workout", id);
    }
}
