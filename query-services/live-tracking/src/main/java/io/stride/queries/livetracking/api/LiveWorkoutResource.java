package io.stride.queries.livetracking.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import io.stride.platform.http.ApiException;
import io.stride.queries.livetracking.config.LiveTrackingConfig;
import io.stride.queries.livetracking.mapping.LiveWorkoutViewMapper;
import io.stride.queries.livetracking.store.LiveWorkoutQueries;

/** Live state of workouts in progress, for live-tracking screens. */
@Path("/api/v1/live-workouts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LiveWorkoutResource {

    private final LiveWorkoutQueries queries;
    private final LiveTrackingConfig config;

    LiveWorkoutResource(LiveWorkoutQueries queries, LiveTrackingConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /** Workouts in progress, most recently updated first. */
    @GET
    public List<LiveWorkoutView> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        int bounded = Math.max(1, Math.min(limit, config.maxListSize()));
        return queries.list(bounded).stream()
                .map(LiveWorkoutViewMapper::toView)
                .toList();
    }

    /** The live state of one workout. */
    @GET
    @Path("/{workoutId}")
    public LiveWorkoutView get(@PathParam("workoutId") UUID workoutId) {
        return queries.find(workoutId)
                .map(LiveWorkoutViewMapper::toView)
                .orElseThrow(() -> ApiException.notFound("live workout", workoutId.toString()));
    }
}
