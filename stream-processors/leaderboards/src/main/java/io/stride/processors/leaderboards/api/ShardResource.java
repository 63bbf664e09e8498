package io.stride.processors.leaderboards.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
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
import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.topology.BoardShard;
import io.stride.processors.leaderboards.topology.LeaderboardsTopology;

/**
 * One shard of the boards as this instance holds it, for the other instances' readers ({@link PeerShards}, ADR
 * 0016): its top entries, its entries around a place, its counts of greater values. 503 when the shard is not
 * active here (it moved, or is restoring). Everything it answers is what the public boards show anyway (entries of
 * athletes on them, their display names, counts); an athlete's totals and profile never leave their instance.
 */
@Path(ShardResource.PATH + "/{partition}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ShardResource {

    static final String PATH = "/internal/v1/leaderboard-shards";

    private final LeaderboardQueries queries;
    private final LeaderboardsConfig config;

    ShardResource(LeaderboardQueries queries, LeaderboardsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /** An entry as shards exchange it. */
    record EntryAnswer(String athleteId, long value, long reachedAt, String displayName) {

        static EntryAnswer of(BoardShard.Listed listed) {
            BoardEntry entry = listed.entry();
            return new EntryAnswer(entry.athleteId(), entry.value(), entry.reachedAtMillis(), listed.displayName());
        }

        BoardShard.Listed listed() {
            return BoardShard.Listed.named(new BoardEntry(athleteId, value, reachedAt), displayName);
        }
    }

    /** {@link BoardShard.Top} on the wire. */
    record TopAnswer(List<EntryAnswer> entries, long size) {
    }

    /** {@link BoardShard.Window} on the wire. */
    record WindowAnswer(List<EntryAnswer> above, List<EntryAnswer> below, long size) {
    }

    /** {@link BoardShard#countGreater} on the wire. */
    record GreaterAnswer(long[] greater) {
    }

    @GET
    @Path("/top")
    @RunOnVirtualThread
    public TopAnswer top(@PathParam("partition") int partition, @QueryParam("board") String board,
            @QueryParam("limit") @DefaultValue("10") int limit) {
        requireBoard(board);
        if (limit < 1 || limit > config.maxLimit()) {
            throw ApiException.invalidField("limit", "limit must be between 1 and " + config.maxLimit());
        }
        return queries.read(() -> {
            BoardShard.Top top = queries.localShard(checked(partition)).top(board, limit);
            return new TopAnswer(top.entries().stream().map(EntryAnswer::of).toList(), top.size());
        });
    }

    @GET
    @Path("/around")
    @RunOnVirtualThread
    public WindowAnswer around(@PathParam("partition") int partition, @QueryParam("board") String board,
            @QueryParam("athlete_id") String athleteId, @QueryParam("value") String value,
            @QueryParam("reached_at") String reachedAt, @QueryParam("k") String neighbours) {
        requireBoard(board);
        long k = number("k", neighbours);
        if (athleteId == null || athleteId.isBlank()) {
            throw ApiException.invalidField("athlete_id", "athlete_id is required");
        }
        if (k < 0 || k > config.maxNeighbours()) {
            throw ApiException.invalidField("k", "k must be between 0 and " + config.maxNeighbours());
        }
        BoardEntry at = new BoardEntry(athleteId, number("value", value), number("reached_at", reachedAt));
        return queries.read(() -> {
            BoardShard.Window window = queries.localShard(checked(partition)).around(board, at, (int) k);
            return new WindowAnswer(window.above().stream().map(EntryAnswer::of).toList(),
                    window.below().stream().map(EntryAnswer::of).toList(), window.size());
        });
    }

    @GET
    @Path("/greater")
    @RunOnVirtualThread
    public GreaterAnswer greater(@PathParam("partition") int partition, @QueryParam("board") String board,
            @QueryParam("value") List<String> values) {
        requireBoard(board);
        if (values == null || values.isEmpty() || values.size() > 2 * config.maxNeighbours() + 1) {
            throw ApiException.invalidField("value", "between 1 and " + (2 * config.maxNeighbours() + 1)
                    + " values are required");
        }
        long[] asked = values.stream().mapToLong(value -> number("value", value)).toArray();
        return queries.read(() -> new GreaterAnswer(queries.localShard(checked(partition)).countGreater(board, asked)));
    }

    /** A whole-number parameter, or 400 (JAX-RS would answer a conversion failure with 404). */
    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw ApiException.invalidField(name, name + " must be a whole number");
        }
    }

    private static void requireBoard(String board) {
        if (board == null || board.isBlank()) {
            throw ApiException.invalidField("board", "board is required");
        }
    }

    private static int checked(int partition) {
        if (partition < 0 || partition >= LeaderboardsTopology.FACT_PARTITIONS) {
            throw ApiException.invalidField("partition", "partition must be between 0 and "
                    + (LeaderboardsTopology.FACT_PARTITIONS - 1));
        }
        return partition;
    }
}
