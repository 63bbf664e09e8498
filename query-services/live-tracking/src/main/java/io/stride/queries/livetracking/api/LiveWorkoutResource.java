package io.stride.queries.livetracking.api;

import java.util.ArrayList;
import java.util.Comparator;
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
import io.stride.queries.livetracking.store.PeerClient;

/** Live state of workouts in progress, for live-tracking screens. */
@Path("/api/v1/live-workouts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LiveWorkoutResource {

    private final LiveWorkoutQueries queries;
    private final PeerClient peers;
    private final LiveUpdates updates;
    private final LiveTrackingConfig config;

    LiveWorkoutResource(LiveWorkoutQueries queries, PeerClient peers, LiveUpdates updates, LiveTrackingConfig config) {
        this.queries = queries;
        this.peers = peers;
        this.updates = updates;
        this.config = config;
    }

    /**
     * Workouts in progress, most recently updated first, gathered from every instance (each holds some of the
     * partitions); {@code local=true} answers from this instance only.
     */
    @GET
    public List<LiveWorkoutView> list(@QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam(PeerClient.LOCAL_ONLY) @DefaultValue("false") boolean localOnly) {
        int bounded = Math.max(1, Math.min(limit, config.maxListSize()));
        List<LiveWorkoutView> views = new ArrayList<>(queries.all().stream()
                .map(LiveWorkoutViewMapper::toView)
                .toList());
        if (!localOnly) {
            queries.peers().forEach(peer -> views.addAll(peers.all(peer, bounded)));
        }
        return views.stream()
                .sorted(Comparator.comparing(LiveWorkoutView::updatedAt).reversed())
                .limit(bounded)
                .toList();
    }

    /**
     * The live state of one workout, from whichever instance holds its partition (Kafka Streams metadata);
     * {@code local=true} answers from this instance only.
     */
    @GET
    @Path("/{workoutId}")
    public LiveWorkoutView get(@PathParam("workoutId") UUID workoutId,
            @QueryParam(PeerClient.LOCAL_ONLY) @DefaultValue("false") boolean localOnly) {
        Optional<LiveWorkoutView> view = localOnly
                ? local(workoutId)
                : switch (queries.locate(workoutId)) {
                    case LiveWorkoutQueries.Location.Here here -> local(workoutId);
                    case LiveWorkoutQueries.Location.Peer(var host) -> peers.find(host, workoutId);
                };
        return view.orElseThrow(() -> ApiException.notFound("live workout", workoutId.toString()));
    }

    private Optional<LiveWorkoutView> local(UUID workoutId) {
        return queries.find(workoutId)
                .map(LiveWorkoutViewMapper::toView);
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
        Multi<LiveWorkoutView> changes = updates.of(workoutId)
                .map(LiveWorkoutViewMapper::toView);
        return Multi.createBy().concatenating()
                .streams(Multi.createFrom().optional(currentView(workoutId)), changes);
    }

    private Optional<LiveWorkoutView> currentView(UUID workoutId) {
        try {
            return Optional.of(get(workoutId, false));
        } catch (ApiException unknownOrNotReady) {
            return Optional.empty();
        }
    }
}
