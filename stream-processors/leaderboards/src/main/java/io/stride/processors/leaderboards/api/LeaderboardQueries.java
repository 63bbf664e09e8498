package io.stride.processors.leaderboards.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.Totals;
import io.stride.processors.leaderboards.topology.ActiveShards;
import io.stride.processors.leaderboards.topology.BoardReader;
import io.stride.processors.leaderboards.topology.BoardShard;
import io.stride.processors.leaderboards.topology.LeaderboardsTopology;
import io.stride.processors.leaderboards.topology.LocalShard;
import io.stride.schemas.Topics;

/**
 * Interactive queries over the boards (ADR 0016): every shard (partition) read where it is active, here (the task's
 * own stores, {@link ActiveShards}) or at the instance Kafka Streams metadata names ({@link PeerShards}). While any
 * shard has no active instance (start-up, rebalance) the answer is 503 with {@code Retry-After}, never a rank counted
 * over part of the board.
 */
@ApplicationScoped
class LeaderboardQueries {

    private final KafkaStreams streams;
    private final LeaderboardsConfig config;
    private final PeerShards peers;
    private final ActiveShards active;
    private final HostInfo self;

    LeaderboardQueries(KafkaStreams streams, LeaderboardsConfig config, PeerShards peers, ActiveShards active) {
        this.streams = streams;
        this.config = config;
        this.peers = peers;
        this.active = active;
        this.self = HostInfo.buildFromEndpoint(config.advertisedServer());
    }

    /** {@code read}'s answer; 503 when a store it reads was closed meanwhile (its task moved, a rebalance). */
    <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException moved) {
            throw notReady();
        }
    }

    /** A reader over every shard, wherever held, with the athletes of the shards held here; or 503. */
    BoardReader reader() {
        return reader(-1);
    }

    /**
     * A reader over every shard, wherever held, with the totals and profiles of {@code athletesOf}'s partition (the
     * one an athlete is in: {@link #home}), or of every partition held here when it is -1; or 503.
     */
    BoardReader reader(int athletesOf) {
        requireRunning();
        Collection<StreamsMetadata> instances = streams.metadataForAllStreamsClients();
        List<BoardShard> shards = new ArrayList<>();
        List<ReadOnlyKeyValueStore<String, Totals>> totals = new ArrayList<>();
        List<ReadOnlyKeyValueStore<String, Athlete>> athletes = new ArrayList<>();
        for (int partition = 0; partition < LeaderboardsTopology.FACT_PARTITIONS; partition++) {
            HostInfo host = activeHost(instances, partition);
            if (self.equals(host)) {
                ActiveShards.Stores stores = activeStores(partition);
                shards.add(stores.shard());
                if (athletesOf == -1 || athletesOf == partition) {
                    totals.add(stores.totals());
                    athletes.add(stores.athletes());
                }
            } else {
                shards.add(peers.shard(host, partition));
            }
        }
        return new BoardReader(shards, totals, athletes);
    }

    /**
     * Where an athlete's totals and profile are.
     *
     * @param partition their partition
     * @param peer the instance holding it, null when it is this one
     */
    record Home(int partition, HostInfo peer) {
    }

    /** Where the athlete's totals and profile are. */
    Home home(String athleteId) {
        requireRunning();
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(LeaderboardsTopology.ATHLETES_STORE, athleteId,
                    Serdes.String().serializer());
        } catch (IllegalStateException notRunning) {
            throw notReady();
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw notReady();
        }
        return new Home(metadata.partition(), self.equals(metadata.activeHost()) ? null : metadata.activeHost());
    }

    /** The shard of {@code partition} if it is active here; else 503 (it moved, or is restoring). */
    LocalShard localShard(int partition) {
        requireRunning();
        return activeStores(partition).shard();
    }

    private ActiveShards.Stores activeStores(int partition) {
        return active.of(partition).orElseThrow(this::notReady);
    }

    private HostInfo activeHost(Collection<StreamsMetadata> instances, int partition) {
        TopicPartition held = new TopicPartition(Topics.USER_METRICS, partition);
        return instances.stream()
                .filter(instance -> instance.topicPartitions().contains(held))
                .map(StreamsMetadata::hostInfo)
                .findFirst()
                .orElseThrow(this::notReady);
    }

    private void requireRunning() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw notReady();
        }
    }

    private ApiException notReady() {
        return ApiException.unavailable("Leaderboards are loading, retry shortly",
                Duration.ofSeconds(config.retryAfterSeconds()));
    }
}
