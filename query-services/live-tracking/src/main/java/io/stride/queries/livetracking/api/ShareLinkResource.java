package io.stride.queries.livetracking.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;
import io.stride.queries.livetracking.config.LiveTrackingConfig;
import io.stride.queries.livetracking.store.ShareLink;
import io.stride.queries.livetracking.store.ShareLinkStore;

/**
 * Share links of one workout (Strava Beacon, Garmin LiveTrack): its owner creates an expiring link, lists and revokes
 * them. Only the owner, never an admin on someone's behalf; another user's workout answers 404 like an unknown one.
 */
@Path("/api/v1/live-workouts/{workoutId}/share-links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATHLETE)
public class ShareLinkResource {

    /** Page that shows a shared workout; the token follows in the URL fragment, which browsers never send. */
    static final String WATCH_PAGE = "/watch/#";

    private final LiveWorkouts workouts;
    private final ShareLinkStore links;
    private final LiveTrackingConfig config;
    private final JsonWebToken token;

    ShareLinkResource(LiveWorkouts workouts, ShareLinkStore links, LiveTrackingConfig config, JsonWebToken token) {
        this.workouts = workouts;
        this.links = links;
        this.config = config;
        this.token = token;
    }

    /** Body of a new link: its lifetime, within {@code live-tracking.share-links.min/max-expires-in}. */
    public record CreateShareLinkRequest(Long expiresInSeconds) {
    }

    /** A new link; {@code token} and {@code url} are shown only here. */
    public record CreatedShareLink(UUID id, String token, String url, Instant expiresAt) {
    }

    /** A link as its owner lists it (without the token, which is not stored). */
    public record ShareLinkView(UUID id, Instant createdAt, Instant expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("workoutId") UUID workoutId, CreateShareLinkRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        Duration lifetime = lifetime(request);
        Caller owner = Caller.of(token, authorization).asOwner();
        String base = config.publicUrl().orElse(uri.getBaseUri().toString()).replaceAll("/+$", "");
        return ownedWorkout(owner, workoutId)
                .chain(() -> links.list(owner.userId()))
                .invoke(existing -> {
                    if (existing.size() >= config.shareLinks().maxPerUser()) {
                        throw ApiException.unprocessable("share_link_limit_reached",
                                "At most " + config.shareLinks().maxPerUser() + " share links at a time; revoke one",
                                Map.of("max_share_links", config.shareLinks().maxPerUser()));
                    }
                })
                .chain(() -> links.create(owner.userId(), workoutId, lifetime))
                .map(created -> Response.created(URI.create("/api/v1/live-workouts/" + workoutId + "/share-links/"
                                + created.link().id()))
                        .entity(new CreatedShareLink(created.link().id(), created.token(),
                                base + WATCH_PAGE + created.token(), created.link().expiresAt()))
                        .build());
    }

    @GET
    public Uni<List<ShareLinkView>> list(@PathParam("workoutId") UUID workoutId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller owner = Caller.of(token, authorization).asOwner();
        return links.list(owner.userId())
                .map(all -> all.stream()
                        .filter(link -> link.workoutId().equals(workoutId))
                        .map(ShareLinkResource::view)
                        .toList());
    }

    @DELETE
    @Path("/{linkId}")
    public Uni<Response> revoke(@PathParam("workoutId") UUID workoutId, @PathParam("linkId") UUID linkId) {
        return links.revoke(token.getSubject(), workoutId, linkId)
                .map(revoked -> {
                    if (!revoked) {
                        throw ApiException.notFound("share link", linkId.toString());
                    }
                    return Response.noContent().build();
                });
    }

    private Uni<Void> ownedWorkout(Caller owner, UUID workoutId) {
        return Uni.createFrom().item(() -> workouts.find(owner, workoutId, false))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(found -> {
                    if (found.isEmpty()) {
                        throw ApiException.notFound("live workout", workoutId.toString());
                    }
                })
                .replaceWithVoid();
    }

    private Duration lifetime(CreateShareLinkRequest request) {
        Duration min = config.shareLinks().minExpiresIn();
        Duration max = config.shareLinks().maxExpiresIn();
        if (request == null || request.expiresInSeconds() == null) {
            throw ApiException.invalidField("expires_in_seconds", "expires_in_seconds is required");
        }
        Duration lifetime = Duration.ofSeconds(request.expiresInSeconds());
        if (lifetime.compareTo(min) < 0 || lifetime.compareTo(max) > 0) {
            throw ApiException.invalidField("expires_in_seconds", "expires_in_seconds must be between "
                    + min.toSeconds() + " and " + max.toSeconds());
        }
        return lifetime;
    }

    private static ShareLinkView view(ShareLink link) {
        return new ShareLinkView(link.id(), link.createdAt(), link.expiresAt());
    }
}
