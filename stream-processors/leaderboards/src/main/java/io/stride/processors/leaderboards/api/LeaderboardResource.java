package io.stride.processors.leaderboards.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.topology.BoardReader;
import io.stride.processors.leaderboards.topology.BoardReader.Standing;

/**
 * Board queries (public, read-only): the top N, once or pushed as it changes, and an athlete's rank with their
 * neighbours (a hidden athlete's only to themselves, signed in with the users service's access token), over every
 * shard wherever it is held (ADR 0016). RocksDB and peer reads block: they run on virtual threads (a fresh top
 * answer is sent from the event loop).
 */
@Path("/api/v1/leaderboards/{scope}/{period}/{periodId}/{sport}/{metric}")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final LeaderboardQueries queries;
    private final PeerShards peers;
    private final TopAnswers tops;
    private final BoardWatches watches;
    private final LeaderboardsConfig config;
    private final CurrentIdentityAssociation identities;

    LeaderboardResource(LeaderboardQueries queries, PeerShards peers, TopAnswers tops, BoardWatches watches,
            LeaderboardsConfig config, CurrentIdentityAssociation identities) {
        this.queries = queries;
        this.peers = peers;
        this.tops = tops;
        this.watches = watches;
        this.config = config;
        this.identities = identities;
    }

    /**
     * The top N ({@link BoardViews.TopView}), as read at most {@code leaderboards.top-max-age} (100 ms) ago
     * ({@link TopAnswers}): a fresh answer is sent from the event loop, a read runs on a virtual thread.
     */
    @GET
    @PermitAll
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BoardViews.TopView.class)))
    public Uni<Response> top(@PathParam("scope") String scope, @PathParam("period") String period,
            @PathParam("periodId") String periodId, @PathParam("sport") String sport,
            @PathParam("metric") String metric, @QueryParam("limit") @DefaultValue("10") int limit) {
        BoardKey board = BoardRequest.parse(scope, period, periodId, sport, metric);
        checkLimit(limit);
        return Uni.createFrom().completionStage(tops.top(board, limit))
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /**
     * The top N pushed as server-sent events (JSON, the top query's answer): the board as it is, then the board again
     * each time it changes (its entries, ranks, names or size), read every {@code leaderboards.push-interval}. For
     * widgets; no events while the boards are loading.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @PermitAll
    public Multi<BoardViews.TopView> stream(@PathParam("scope") String scope, @PathParam("period") String period,
            @PathParam("periodId") String periodId, @PathParam("sport") String sport,
            @PathParam("metric") String metric, @QueryParam("limit") @DefaultValue("10") int limit) {
        BoardKey board = BoardRequest.parse(scope, period, periodId, sport, metric);
        checkLimit(limit);
        return watches.watch(board, limit);
    }

    private void checkLimit(int limit) {
        if (limit < 1 || limit > config.maxLimit()) {
            throw ApiException.invalidField("limit", "limit must be between 1 and " + config.maxLimit());
        }
    }

    /**
     * An athlete's standing, public; an athlete who hides from public boards is on none (404), except to themselves:
     * signed in as that athlete, they see where they would stand were they shown ({@code hidden: true}). Answered by
     * the instance holding the athlete's totals: another instance forwards the request there, with the caller's
     * token, which that instance checks again.
     */
    @GET
    @Path("/athletes/{athleteId}")
    @PermitAll
    @RunOnVirtualThread
    public Response standing(@PathParam("scope") String scope, @PathParam("period") String period,
            @PathParam("periodId") String periodId, @PathParam("sport") String sport,
            @PathParam("metric") String metric, @PathParam("athleteId") String athleteId,
            @QueryParam("neighbours") @DefaultValue("3") int neighbours,
            @QueryParam(PeerShards.LOCAL_ONLY) boolean localOnly, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BoardKey board = BoardRequest.parse(scope, period, periodId, sport, metric);
        String athlete = normalisedUuid(athleteId);
        if (neighbours < 0 || neighbours > config.maxNeighbours()) {
            throw ApiException.invalidField("neighbours", "neighbours must be between 0 and "
                    + config.maxNeighbours());
        }
        LeaderboardQueries.Home home = queries.home(athlete);
        HostInfo peer = home.peer();
        if (peer != null) {
            if (localOnly) {
                throw ApiException.unavailable("Leaderboards are moving between instances, retry shortly",
                        Duration.ofSeconds(config.retryAfterSeconds()));
            }
            return relayed(peers.forward(peer, uri.getRequestUri().getRawPath() + "?"
                    + (uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery() + "&")
                    + PeerShards.LOCAL_ONLY + "=true", authorization));
        }
        // the endpoint is public: a token, when given, is checked only here (authentication is not proactive)
        SecurityIdentity caller = identities.getDeferredIdentity().await().indefinitely();
        boolean self = !caller.isAnonymous() && athlete.equals(caller.getPrincipal().getName());
        return Response.ok(queries.read(() -> {
            BoardReader reader = queries.reader(home.partition());
            Standing standing = (self ? reader.ownStanding(board, athlete, neighbours)
                    : reader.standing(board, athlete, neighbours))
                    .orElseThrow(() -> ApiException.notFound("athlete on board " + board, athleteId));
            boolean hidden = self && reader.athlete(athlete).map(Athlete::hidden).orElse(false);
            return new BoardViews.StandingView(board.toString(), BoardViews.unit(board.metric()), standing.size(),
                    BoardViews.entry(board.metric(), standing.athlete()), standing.topPercent(),
                    BoardViews.entries(board.metric(), standing.above()),
                    BoardViews.entries(board.metric(), standing.below()), hidden);
        })).build();
    }

    /** The peer's answer as it gave it (status, JSON body, {@code Retry-After}). */
    private static Response relayed(HttpResponse<String> answer) {
        Response.ResponseBuilder response = Response.status(answer.statusCode())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body());
        answer.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(after ->
                response.header(HttpHeaders.RETRY_AFTER, after));
        return response.build();
    }

    /** The athlete id as stored (lower case), or 400. */
    private static String normalisedUuid(String value) {
        try {
            String normalised = UUID.fromString(value).toString();
            if (normalised.equals(value.toLowerCase())) {
                return normalised;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw ApiException.invalidField("athleteId", "athleteId must be a UUID");
    }
}
