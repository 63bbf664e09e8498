package io.stride.queries.livetracking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the live-tracking service. */
@ConfigMapping(prefix = "live-tracking")
public interface LiveTrackingConfig {

    /** Schema registry access. */
    SchemaRegistry schemaRegistry();

    /** Most workouts one list request returns. */
    @WithDefault("200")
    int maxListSize();

    /** Seconds a client should wait before retrying while the store is not ready. */
    @WithDefault("2")
    int retryAfterSeconds();

    /**
     * {@code host:port} at which the other instances reach this one; Kafka Streams shares it with them so that a
     * request for a workout held here can be forwarded here.
     */
    String advertisedServer();

    /** How long a request forwarded to the instance holding a workout may take. */
    @WithDefault("PT2S")
    java.time.Duration peerTimeout();

    /** Schema registry access. */
    interface SchemaRegistry {

        /** Apicurio Registry API base URL, e.g. {@code http://127.0.0.1:18081/apis/registry/v3}. */
        String url();

        /** Whether serdes register missing schemas (dev and test only). */
        @WithDefault("false")
        boolean autoRegister();
    }
}
