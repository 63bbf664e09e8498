package io.stride.queries.workouthistory.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.Startup;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeyFollower;
import io.stride.queries.workouthistory.store.ClickHouseConnections;
import io.stride.queries.workouthistory.store.FieldSealing;
import io.stride.queries.workouthistory.store.HotCache;
import io.stride.queries.workouthistory.store.ReadModels;

/** Produces the clock, the stores of the served generation and the sealed event deserializer. */
@ApplicationScoped
class WorkoutHistoryBeans {

    /** Prefix of every Redis key of this app (STYLE §5: {@code <app>:<entity>:<id>}). */
    static final String REDIS_PREFIX = "workout-history";

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ClickHouseConnections clickHouse(WorkoutHistoryConfig config) {
        WorkoutHistoryConfig.ClickHouse clickhouse = config.clickhouse();
        return new ClickHouseConnections(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password().orElse(""),
                clickhouse.poolSize(), clickhouse.acquireTimeout());
    }

    void closeClickHouse(@Disposes ClickHouseConnections connections) {
        connections.close();
    }

    /** What MongoDB keeps of an athlete is sealed with the athlete's telemetry key (ADR 0015). */
    @Produces
    @Singleton
    FieldSealing sealing(TelemetryKeyFollower keys) {
        return FieldSealing.with(keys.keyring());
    }

    /** The read models this instance serves and projects into. */
    @Produces
    @Singleton
    ReadModels readModels(WorkoutHistoryConfig config, ReactiveMongoClient mongo, ClickHouseConnections clickhouse,
            FieldSealing sealing, ReactiveRedisDataSource redis) {
        HotCache cache = HotCache.of(redis, REDIS_PREFIX, config.cache().summaryTtl(), config.cache().statsTtl());
        return ReadModels.of(config.generation(), mongo, clickhouse, sealing, Optional.of(cache));
    }

    /** Every Workout event type, opened with its athlete's telemetry key (or read as is when not sealed). */
    @Produces
    @Singleton
    Deserializer<SpecificRecord> workoutEvents(WorkoutHistoryConfig config, TelemetryKeyFollower keys) {
        return new SealedSerde<SpecificRecord>(RegistrySerdes.forValues(config.schemaRegistry().url(),
                config.schemaRegistry().autoRegister()), keys.keyring(), SealedSerde::userOfEnvelope)
                .deserializer();
    }

    /**
     * Every user's telemetry key (ADR 0010): the projection opens the sealed workout events with it,
     * and the read models in MongoDB are sealed with it (ADR 0015). Read from the start, so that the read models can be
     * opened as soon as requests arrive.
     */
    @Produces
    @Singleton
    @Startup
    TelemetryKeyFollower telemetryKeys(WorkoutHistoryConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeterRegistry meters) {
        return new TelemetryKeyFollower(Path.of(config.telemetryKekLocation()), bootstrap,
                config.schemaRegistry().url(), meters, "queries").start();
    }

    void close(@Disposes TelemetryKeyFollower keys) {
        keys.close();
    }
}
