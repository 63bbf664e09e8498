package io.stride.queries.workouthistory.config;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the workout-history service. */
@ConfigMapping(prefix = "workout-history")
public interface WorkoutHistoryConfig {

    /** Schema registry access. */
    SchemaRegistry schemaRegistry();

    /**
     * Path of the platform's telemetry key-encryption key (a Tink JSON keyset), which opens each athlete's telemetry
     * key; the workout events are sealed with those keys (ADR 0010).
     */
    String telemetryKekLocation();

    /**
     * Name of the read models' generation: the MongoDB and ClickHouse database names. A rebuild fills a new
     * generation from the first offset (README, "Rebuild").
     */
    @WithDefault("workout_history")
    String generation();

    /** How long a workout's coordinates (its track) are kept after it ended: 6 months (data policy). */
    @WithDefault("P6M")
    Period coordinatesRetention();

    /** How often expired coordinates are purged (what enforces the retention where TTL indexes do nothing). */
    @WithDefault("1h")
    String purgeEvery();

    /** Redis cache settings. */
    Cache cache();

    /** ClickHouse access. */
    ClickHouse clickhouse();

    /** Most workouts one list page returns. */
    @WithDefault("100")
    int maxPageSize();

    /** Most weeks of weekly activity one statistics request returns. */
    @WithDefault("104")
    int maxStatsWeeks();

    /** Seconds a client should wait before retrying while a store is unavailable. */
    @WithDefault("2")
    int retryAfterSeconds();

    /** Settings the history page reads at start. */
    Page page();

    /** Redis cache settings. */
    interface Cache {

        /** Lifetime of a cached summary. */
        @WithDefault("PT1H")
        Duration summaryTtl();

        /** Lifetime of an athlete's cached statistics. */
        @WithDefault("PT10M")
        Duration statsTtl();
    }

    /** ClickHouse access. */
    interface ClickHouse {

        /** JDBC URL of ClickHouse's HTTP interface, {@code jdbc:clickhouse:http://host:8123/default?compress=false}. */
        String jdbcUrl();

        /** User; empty for the default user. */
        @WithDefault("default")
        String user();

        /** Password; none for the local stand-in. */
        Optional<String> password();

        /** Connections in the pool. */
        @WithDefault("4")
        int poolSize();

        /** How long a caller waits for a free connection. */
        @WithDefault("PT5S")
        Duration acquireTimeout();
    }

    /** Settings the history page reads at start. */
    interface Page {

        /** Base URL of the users service, where the page signs in ({@code POST /api/v1/auth/login}). */
        @WithDefault("http://127.0.0.1:8084")
        String usersUrl();
    }

    /** Schema registry access. */
    interface SchemaRegistry {

        /** Apicurio Registry API base URL, e.g. {@code http://127.0.0.1:18081/apis/registry/v3}. */
        String url();

        /** Whether serdes register missing schemas (dev and test only). */
        @WithDefault("false")
        boolean autoRegister();
    }
}
