package io.stride.queries.livetracking.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.ErrorCodes;
import io.stride.queries.livetracking.mapping.LiveWorkoutViewMapper;
import io.stride.queries.livetracking.push.LiveUpdates;
import io.stride.queries.livetracking.store.PeerClient;
import io.stride.queries.livetracking.store.ShareLink;
import io.stride.queries.livetracking.store.ShareLinkStore;

/**
 * One workout through a share link, for anyone holding its token, without an account: the token is the credential
 * (256 random bits, valid until it expires or is revoked). An unknown, expired or revoked token answers 404
 * {@code not_found}; the three are not told apart. Answers and events are {@link SharedWorkoutView}s: the figures
 * under the link's id, never the workout's, user's or a device's id.
 */
@Path("/api/v1/shared/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SharedWorkoutResource {

    private final LiveWorkouts workouts;
    private final ShareLinkStore links;
    private final LiveUpdates updates;
    private final Clock clock;

    SharedWorkoutResource(LiveWorkouts workouts, ShareLinkStore links, LiveUpdates updates, Clock clock) {
        this.workouts = workouts;
        this.links = links;
        this.updates = updates;
        this.clock = clock;
    }

    /** The shared workout's live state; {@code local=true}: from this instance's store only (a peer's request). */
    @GET
    public Uni<SharedWorkoutView> get(@PathParam("token") String token,
            @QueryParam(PeerClient.LOCAL_ONLY) @DefaultValue("false") boolean localOnly) {
        return link(token)
                .chain(link -> blocking(() -> workouts.findShared(link, token, localOnly)))
                .map(view -> view.orElseThrow(SharedWorkoutResource::notFound));
    }

    /**
     * Server-sent events: the shared workout's current state (when known), then every change, until the link expires;
     * a change after the link was revoked ends the stream instead of being sent.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<SharedWorkoutView> stream(@PathParam("token") String token) {
        return link(token)
                .onItem().transformToMulti(link -> {
                    Multi<SharedWorkoutView> current = blocking(() -> currentView(link, token))
                            .onItem().transformToMulti(view -> Multi.createFrom().optional(view));
                    Multi<SharedWorkoutView> changes = updates.of(link.workoutId())
                            .filter(state -> link.userId().equals(String.valueOf(state.getUserId())))
                            .onItem().transformToUniAndConcatenate(state -> links.find(token)
                                    .map(stillValid -> stillValid.map(valid ->
                                            LiveWorkoutViewMapper.toSharedView(link.id(), state))))
                            .select().first(view -> view.isPresent())
                            .map(Optional::get);
                    return Multi.createBy().concatenating().streams(current, changes)
                            .select().first(remaining(link));
                });
    }

    private Optional<SharedWorkoutView> currentView(ShareLink link, String token) {
        try {
            return workouts.findShared(link, token, false);
        } catch (ApiException notReady) {
            return Optional.empty();
        }
    }

    private Uni<ShareLink> link(String token) {
        return links.find(token)
                .map(found -> found.orElseThrow(SharedWorkoutResource::notFound));
    }

    private Duration remaining(ShareLink link) {
        Duration remaining = Duration.between(clock.instant(), link.expiresAt());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    private static <T> Uni<T> blocking(Supplier<T> query) {
        return Uni.createFrom().item(query)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static ApiException notFound() {
        return new ApiException(404, ErrorCodes.NOT_FOUND, "This share link does not exist, has expired or was revoked",
                Map.of("resource", "share link"));
    }
}
