package io.stride.processors.leaderboards.api;

import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.topology.BoardReader;
import io.stride.processors.leaderboards.topology.BoardReader.Standing;

/**
 * Board queries (public, read-only): the top N, and an athlete's rank with their neighbours. RocksDB reads block:
 * each request runs on a virtual thread.
 */
@Path("/api/v1/leaderboards/{scope}/{period}/{periodId}/{sport}/{metric}")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final LeaderboardQueries queries;
    private final LeaderboardsConfig config;

    LeaderboardResource(LeaderboardQueries queries, LeaderboardsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @RunOnVirtualThread
    public BoardViews.TopView top(@PathParam("scope") String scope, @PathParam("period") String period,
            @PathParam("periodId") String periodId, @PathParam("sport") String sport,
            @PathParam("metric") String metric, @QueryParam("limit") @DefaultValue("10") int limit) {
        BoardKey board = BoardRequest.parse(scope, period, periodId, sport, metric);
        if (limit < 1 || limit > config.maxLimit()) {
            throw ApiException.invalidField("limit", "limit must be between 1 and " + config.maxLimit());
        }
        BoardReader reader = queries.reader();
        return new BoardViews.TopView(board.toString(), BoardViews.unit(board.metric()), reader.size(board),
                BoardViews.entries(board.metric(), reader.top(board, limit), reader));
    }

    @GET
    @Path("/athletes/{athleteId}")
    @RunOnVirtualThread
    public BoardViews.StandingView standing(@PathParam("scope") String scope, @PathParam("period") String period,
            @PathParam("periodId") String periodId, @PathParam("sport") String sport,
            @PathParam("metric") String metric, @PathParam("athleteId") String athleteId,
            @QueryParam("neighbours") @DefaultValue("3") int neighbours) {
        BoardKey board = BoardRequest.parse(scope, period, periodId, sport, metric);
        String athlete = normalisedUuid(athleteId);
        if (neighbours < 0 || neighbours > config.maxNeighbours()) {
            throw ApiException.invalidField("neighbours", "neighbours must be between 0 and "
                    + config.maxNeighbours());
        }
        BoardReader reader = queries.reader();
        Standing standing = reader.standing(board, athlete, neighbours)
                .orElseThrow(() -> ApiException.notFound("athlete on board " + board, athleteId));
        return new BoardViews.StandingView(board.toString(), BoardViews.unit(board.metric()), standing.size(),
                BoardViews.entry(board.metric(), standing.athlete(), reader), standing.topPercent(),
                BoardViews.entries(board.metric(), standing.above(), reader),
                BoardViews.entries(board.metric(), standing.below(), reader));
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
