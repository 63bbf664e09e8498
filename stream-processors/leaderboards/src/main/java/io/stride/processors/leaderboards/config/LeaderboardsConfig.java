package io.stride.processors.leaderboards.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the leaderboards processor. */
@ConfigMapping(prefix = "leaderboards")
public interface LeaderboardsConfig {

    /** The platform's telemetry key-encryption key, a Tink JSON keyset file (ADR 0010). */
    String telemetryKekLocation();

    /** Schema registry access. */
    SchemaRegistry schemaRegistry();

    /** Settings the widget reads at start. */
    Page page();

    /** The most entries a top-N query may ask for. */
    @WithDefault("100")
    int maxLimit();

    /** The most neighbours either side a my-rank query may ask for. */
    @WithDefault("50")
    int maxNeighbours();

    /** {@code Retry-After} of a 503 while the boards are not all queryable here (start-up, rebalance). */
    @WithDefault("2")
    int retryAfterSeconds();

    /**
     * {@code host:port} at which the other instances reach this one's HTTP server (Kafka Streams
     * {@code application.server}): a board's shards held elsewhere are read from there (ADR 0016).
     */
    String advertisedServer();

    /** How long a read of a shard held by another instance may take before the answer is 503. */
    @WithDefault("2s")
    Duration peerTimeout();

    /**
     * How old a top query's answer may be: requests for the same board and limit within this time of a read get that
     * read's answer (one merge of the shards for all of them).
     */
    @WithDefault("100ms")
    Duration topMaxAge();

    /**
     * How often the boards watched through the push stream are read again; a change is pushed to their watchers at
     * the next read.
     */
    @WithDefault("1s")
    Duration pushInterval();

    /** Settings the widget reads at start. */
    interface Page {

        /** Base URL of the users service, where the widget signs the viewer in ({@code POST /api/v1/auth/login}). */
        String usersUrl();
    }

    /** Schema registry access. */
    interface SchemaRegistry {

        /** Apicurio Registry API base URL, e.g. {@code http://127.0.0.1:18081/apis/registry/v3}. */
        String url();

        /** Whether serdes register missing schemas (dev and test only; production registers them in the pipeline). */
        @WithDefault("false")
        boolean autoRegister();
    }
}
