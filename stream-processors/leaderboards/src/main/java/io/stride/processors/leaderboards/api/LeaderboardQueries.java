package io.stride.processors.leaderboards.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.Totals;
import io.stride.processors.leaderboards.topology.BoardReader;
import io.stride.processors.leaderboards.topology.LeaderboardsTopology;

/**
 * Interactive queries over the boards: every shard (partition) of the board, totals and athletes stores, read where
 * they are active. A board is answered only when this instance holds every shard; otherwise (start-up, rebalance, or
 * the partitions spread over several instances, whose scatter-gather is not built yet) the answer is 503 with
 * {@code Retry-After}, never a rank counted over part of the board.
 */
@ApplicationScoped
class LeaderboardQueries {

    private final KafkaStreams streams;
    private final LeaderboardsConfig config;

    LeaderboardQueries(KafkaStreams streams, LeaderboardsConfig config) {
        this.streams = streams;
        this.config = config;
    }

    /** A reader over every shard, or 503. */
    BoardReader reader() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw notReady();
        }
        List<ReadOnlyKeyValueStore<Bytes, byte[]>> boards = new ArrayList<>();
        List<ReadOnlyKeyValueStore<String, Totals>> totals = new ArrayList<>();
        List<ReadOnlyKeyValueStore<String, Athlete>> athletes = new ArrayList<>();
        try {
            for (int partition = 0; partition < LeaderboardsTopology.FACT_PARTITIONS; partition++) {
                boards.add(streams.store(StoreQueryParameters.fromNameAndType(LeaderboardsTopology.BOARD_STORE,
                        QueryableStoreTypes.<Bytes, byte[]>keyValueStore()).withPartition(partition)));
                totals.add(streams.store(StoreQueryParameters.fromNameAndType(LeaderboardsTopology.TOTALS_STORE,
                        QueryableStoreTypes.<String, Totals>keyValueStore()).withPartition(partition)));
                athletes.add(streams.store(StoreQueryParameters.fromNameAndType(LeaderboardsTopology.ATHLETES_STORE,
                        QueryableStoreTypes.<String, Athlete>keyValueStore()).withPartition(partition)));
            }
        } catch (InvalidStateStoreException | IllegalStateException notHere) {
            throw notReady();
        }
        return new BoardReader(boards, totals, athletes);
    }

    private ApiException notReady() {
        return ApiException.unavailable("Leaderboards are loading, retry shortly",
                Duration.ofSeconds(config.retryAfterSeconds()));
    }
}
