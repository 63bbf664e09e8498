package io.stride.queries.livetracking.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.KafkaStreams;
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
 * (start-up, rebalance, or the Streams instance is not running) queries fail fast with 503 and
 * {@code Retry-After}; they never block or loop.
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
        return query(store -> Optional.ofNullable(store.get(workoutId.toString())));
    }

    /** Up to {@code limit} live workouts, most recently updated first. */
    public List<LiveWorkoutState> list(int limit) {
        List<LiveWorkoutState> all = query(store -> {
            List<LiveWorkoutState> states = new ArrayList<>();
            try (KeyValueIterator<String, LiveWorkoutState> iterator = store.all()) {
                iterator.forEachRemaining(entry -> states.add(entry.value));
            }
            return states;
        });
        all.sort(Comparator.comparing(LiveWorkoutState::getUpdatedAt).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    private <T> T query(Function<ReadOnlyKeyValueStore<String, LiveWorkoutState>, T> query) {
        try {
            return query.apply(streams.store(StoreQueryParameters.fromNameAndType(
                    LiveWorkoutViewTopology.VIEW_STORE, QueryableStoreTypes.keyValueStore())));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw ApiException.unavailable("Live workouts are loading, retry shortly",
                    Duration.ofSeconds(config.retryAfterSeconds()));
        }
    }
}
