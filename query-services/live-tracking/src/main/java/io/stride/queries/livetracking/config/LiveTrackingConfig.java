package io.stride.queries.livetracking.config;

import java.time.Duration;
import java.util.Optional;

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
    Duration peerTimeout();

    /** Share links: expiring read-only access to one workout for people without an account. */
    ShareLinks shareLinks();

    /**
     * Public base URL of this service's pages (e.g. {@code https://live.stride.io}), used in the URL of a share
     * link; when absent, the base URL of the request that created the link.
     */
    Optional<String> publicUrl();

    /** Settings the web page reads at start. */
    Page page();

    /** Share links: expiring read-only access to one workout. */
    interface ShareLinks {

        /** Shortest lifetime an owner may give a link. */
        @WithDefault("PT5M")
        Duration minExpiresIn();

        /** Longest lifetime an owner may give a link; also the lifetime of the owner's index of links in Redis. */
        @WithDefault("PT24H")
        Duration maxExpiresIn();

        /** Most links one user may hold at a time. */
        @WithDefault("20")
        int maxPerUser();
    }

    /** Settings the web page reads at start. */
    interface Page {

        /** Base URL of the users service, where the page logs in ({@code POST /api/v1/auth/login}). */
        @WithDefault("http://127.0.0.1:8084")
        String usersUrl();

        /** Base URL of the workout-history page, which the page links a finished workout to. */
        @WithDefault("http://127.0.0.1:8086")
        String historyUrl();
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
