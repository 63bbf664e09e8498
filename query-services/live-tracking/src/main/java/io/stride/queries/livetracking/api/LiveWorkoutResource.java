package io.stride.queries.livetracking.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.stride.platform.http.ApiException;
import io.stride.queries.livetracking.config.LiveTrackingConfig;
import io.stride.queries.livetracking.mapping.LiveWorkoutViewMapper;
import io.stride.queries.livetracking.push.LiveUpdates;
import io.stride.queries.livetracking.store.LiveWorkoutQueries;
import io.stride.schemas.live.LiveWorkoutState;

/** Live state of workouts in progress, for live-tracking screens. */
@Path("/api/v1/live-workouts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LiveWorkoutResource {

    private final LiveWorkoutQueries queries;
    private final LiveUpdates updates;
    private final LiveTrackingConfig config;

    LiveWorkoutResource(LiveWorkoutQueries queries, LiveUpdates updates, LiveTrackingConfig config) {
        this.queries = queries;
        this.updates = updates;
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

    /** Server-sent events: every change of every workout in progress, as it happens. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveWorkoutView> streamAll() {
        return updates.all()
                .map(LiveWorkoutViewMapper::toView);
    }

    /**
     * Server-sent events for one workout: its current state first (when known), then every change as it happens.
     * Unknown workouts are streamed too: a screen may open before the first sample arrives.
     */
    @GET
    @Path("/{workoutId}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveWorkoutView> stream(@PathParam("workoutId") UUID workoutId) {
        Multi<LiveWorkoutState> changes = updates.of(workoutId);
        return Multi.createBy().concatenating()
                .streams(Multi.createFrom().optional(currentState(workoutId)), changes)
                .map(LiveWorkoutViewMapper::toView);
    }

    private Optional<LiveWorkoutState> currentState(UUID workoutId) {
        try {
            return queries.find(workoutId);
        } catch (ApiException storeNotReady) {
            return Optional.empty();
        }
    }
}
