package io.stride.queries.workouthistory.store;

import java.sql.SQLException;
import java.util.Optional;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * One generation of the read models: the MongoDB database (workouts, tracks, erased athletes), the ClickHouse
 * database (analytics) and, for the generation being served, the Redis cache. A rebuild fills a fresh generation
 * (other database names) from the first offset while the current one keeps serving (see the README).
 *
 * @param generation the generation's name, e.g. {@code workout_history}
 * @param cache      empty for a generation being rebuilt (nothing reads its cache)
 */
public record ReadModels(String generation, WorkoutStore workouts, TrackStore tracks, StatsStore stats,
        Optional<HotCache> cache, ReactiveMongoDatabase mongo) {

    /** The stores of a generation. */
    public static ReadModels of(String generation, ReactiveMongoClient mongo, ClickHouseConnections clickhouse,
            FieldSealing sealing, Optional<HotCache> cache) {
        ReactiveMongoDatabase database = mongo.getDatabase(generation);
        MongoCodec codec = new MongoCodec(sealing);
        return new ReadModels(generation, new WorkoutStore(database, codec), new TrackStore(database, codec),
                new StatsStore(clickhouse, generation), cache, database);
    }

    /** Creates the indexes and the ClickHouse schema if missing (idempotent). */
    public Uni<Void> ensureSchema() {
        return workouts.ensureIndexes()
                .chain(tracks::ensureIndexes)
                .chain(() -> Uni.createFrom().item(() -> {
                            try {
                                stats.ensureSchema();
                                return null;
                            } catch (SQLException e) {
                                throw new StoreUnavailable("ClickHouse schema of " + generation, e);
                            }
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .replaceWithVoid();
    }

    /** Drops the generation's databases (a rebuild's test or clean-up). */
    public Uni<Void> drop() {
        return mongo.drop()
                .chain(() -> Uni.createFrom().item(() -> {
                            try {
                                stats.dropDatabase();
                                return null;
                            } catch (SQLException e) {
                                throw new StoreUnavailable("ClickHouse database of " + generation, e);
                            }
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .replaceWithVoid();
    }
}
