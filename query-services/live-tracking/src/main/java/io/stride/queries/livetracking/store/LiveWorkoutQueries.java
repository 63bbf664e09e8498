package io.stride.queries.livetracking.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.platform.http.ApiException;
import io.stride.queries.livetracking.config.LiveTrackingConfig;
import io.stride.queries.livetracking.projection.LiveWorkoutViewTopology;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * Interactive queries over the live workout view store of this instance. While the store is not queryable
 * (start-up, rebalance) queries fail fast with 503 and {@code Retry-After}; they never block or loop.
 */
@ApplicationScoped
public class LiveWorkoutQueries {

    private final KafkaStreams streams;
    private final LiveTrackingConfig config;

    LiveWorkoutQueries(KafkaStreams streams, LiveTrackingConfig config) {
        this.streams = streams;
        this.config = config;
    }

    /** The live state of one workout, if this instance has seen it. */
    public Optional<LiveWorkoutState> find(UUID workoutId) {
        return Optional.ofNullable(store().get(workoutId.toString()));
    }

    /** Up to {@code limit} live workouts, most recently updated first. */
    public List<LiveWorkoutState> list(int limit) {
        List<LiveWorkoutState> all = new ArrayList<>();
        try (KeyValueIterator<String, LiveWorkoutState> iterator = store().all()) {
            while (iterator.hasNext()) {
                KeyValue<String, LiveWorkoutState> entry = iterator.next();
                all.add(entry.value);
            }
        } catch (InvalidStateStoreException e) {
            throw notReady();
        }
        all.sort((a, b) -> b.getUpdatedAt().compareTo(a.getUpdatedAt()));
        return all.subList(0, Math.min(limit, all.size()));
    }

    private ApiException notReady() {
        return ApiException.unavailable("Live workouts are loading, retry shortly",
                Duration.ofSeconds(config.retryAfterSeconds()));
    }

    private ReadOnlyKeyValueStore<String, LiveWorkoutState> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(
                    LiveWorkoutViewTopology.VIEW_STORE, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw notReady();
        }
    }
}
