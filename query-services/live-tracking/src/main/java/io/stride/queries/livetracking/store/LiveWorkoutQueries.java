package io.stride.queries.livetracking.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.platform.http.ApiException;
import io.stride.queries.livetracking.config.LiveTrackingConfig;
import io.stride.queries.livetracking.projection.LiveWorkoutViewTopology;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * Interactive queries over the live workout view store of this instance, and where the other instances are. While
 * the store is not queryable (start-up, rebalance, or the Streams instance is not running) queries fail fast with
 * 503 and {@code Retry-After}; they never block or loop.
 */
@ApplicationScoped
public class LiveWorkoutQueries {

    private final KafkaStreams streams;
    private final LiveTrackingConfig config;
    private final HostInfo self;

    LiveWorkoutQueries(KafkaStreams streams, LiveTrackingConfig config) {
        this.streams = streams;
        this.config = config;
        this.self = HostInfo.buildFromEndpoint(config.advertisedServer());
    }

    /** Where a workout's state lives: this instance or a peer. */
    public sealed interface Location {
        /** Held by this instance. */
        record Here() implements Location {
        }

        /** Held by the instance at {@code host}. */
        record Peer(HostInfo host) implements Location {
        }
    }

    /** Which instance holds a workout's partition. */
    public Location locate(UUID workoutId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(LiveWorkoutViewTopology.VIEW_STORE, workoutId.toString(),
                    Serdes.String().serializer());
        } catch (IllegalStateException notRunning) {
            throw notReady();
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw notReady();
        }
        return self.equals(metadata.activeHost()) ? new Location.Here() : new Location.Peer(metadata.activeHost());
    }

    /** The other instances that hold part of the view. */
    public List<HostInfo> peers() {
        try {
            return streams.streamsMetadataForStore(LiveWorkoutViewTopology.VIEW_STORE).stream()
                    .map(metadata -> metadata.hostInfo())
                    .filter(host -> !self.equals(host))
                    .toList();
        } catch (IllegalStateException notRunning) {
            throw notReady();
        }
    }

    /** The live state of one workout, if this instance holds it. */
    public Optional<LiveWorkoutState> find(UUID workoutId) {
        return query(store -> Optional.ofNullable(store.get(workoutId.toString())));
    }

    /** Every live workout this instance holds. */
    public List<LiveWorkoutState> all() {
        return query(store -> {
            List<LiveWorkoutState> states = new ArrayList<>();
            try (KeyValueIterator<String, LiveWorkoutState> iterator = store.all()) {
                iterator.forEachRemaining(entry -> states.add(entry.value));
            }
            return states;
        });
    }

    private <T> T query(Function<ReadOnlyKeyValueStore<String, LiveWorkoutState>, T> query) {
        try {
            return query.apply(streams.store(StoreQueryParameters.fromNameAndType(
                    LiveWorkoutViewTopology.VIEW_STORE, QueryableStoreTypes.keyValueStore())));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw notReady();
        }
    }

    private ApiException notReady() {
        return ApiException.unavailable("Live workouts are loading, retry shortly",
                Duration.ofSeconds(config.retryAfterSeconds()));
    }
}
