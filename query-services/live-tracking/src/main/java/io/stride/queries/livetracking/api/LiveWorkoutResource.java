package io.stride.queries.livetracking.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;
import io.stride.queries.livetracking.mapping.LiveWorkoutViewMapper;
import io.stride.queries.livetracking.push.LiveUpdates;
import io.stride.queries.livetracking.store.PeerClient;

/**
 * Live state of workouts in progress, for live-tracking screens. An athlete sees their own workouts only, an admin
 * every workout; someone else's workout answers 404 exactly like an unknown one, so ids of other users' workouts
 * cannot be probed.
 */
@Path("/api/v1/live-workouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
@Blocking
public class LiveWorkoutResource {

    private final LiveWorkouts workouts;
    private final LiveUpdates updates;
    private final JsonWebToken token;
    private final Clock clock;

    LiveWorkoutResource(LiveWorkouts workouts, LiveUpdates updates, JsonWebToken token, Clock clock) {
        this.workouts = workouts;
        this.updates = updates;
        this.token = token;
        this.clock = clock;
    }

    /**
     * The caller's workouts in progress (an admin's: every workout), most recently updated first, gathered from
     * every instance (each holds some of the partitions); {@code local=true} answers from this instance only.
     */
    @GET
    public List<LiveWorkoutView> list(@QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam(PeerClient.LOCAL_ONLY) @DefaultValue("false") boolean localOnly,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return workouts.list(Caller.of(token, authorization), limit, localOnly);
    }

    /**
     * The live state of one of the caller's workouts, from whichever instance holds its partition (Kafka Streams
     * metadata); {@code local=true} answers from this instance only; {@code own=true} only with the caller's own
     * workout, even for an admin (what an instance asks a peer when only the owner may act, e.g. sharing).
     */
    @GET
    @Path("/{workoutId}")
    public LiveWorkoutView get(@PathParam("workoutId") UUID workoutId,
            @QueryParam(PeerClient.LOCAL_ONLY) @DefaultValue("false") boolean localOnly,
            @QueryParam(PeerClient.OWN_ONLY) @DefaultValue("false") boolean ownOnly,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.of(token, authorization);
        return workouts.find(ownOnly ? caller.asOwner() : caller, workoutId, localOnly)
                .orElseThrow(() -> ApiException.notFound("live workout", workoutId.toString()));
    }

    /**
     * Server-sent events: every change of the caller's workouts (an admin's: every workout) as it happens. The stream
     * ends when the access token expires; the screen reconnects with a fresh one.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveWorkoutView> streamAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.of(token, authorization);
        return updates.all()
                .filter(caller::mayRead)
                .map(LiveWorkoutViewMapper::toView)
                .select().first(caller.remainingTokenLifetime(clock.instant()));
    }

    /**
     * Server-sent events for one of the caller's workouts: its current state first (when known), then every change as
     * it happens, until the access token expires. A workout not known yet is streamed too (a screen may open before
     * the first sample arrives); only changes of the caller's own workouts are ever sent.
     */
    @GET
    @Path("/{workoutId}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveWorkoutView> stream(@PathParam("workoutId") UUID workoutId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.of(token, authorization);
        Multi<LiveWorkoutView> changes = updates.of(workoutId)
                .filter(caller::mayRead)
                .map(LiveWorkoutViewMapper::toView);
        return Multi.createBy().concatenating()
                .streams(Multi.createFrom().optional(currentView(caller, workoutId)), changes)
                .select().first(caller.remainingTokenLifetime(clock.instant()));
    }

    private Optional<LiveWorkoutView> currentView(Caller caller, UUID workoutId) {
        try {
            return workouts.find(caller, workoutId, false);
        } catch (ApiException notReady) {
            return Optional.empty();
        }
    }
}
