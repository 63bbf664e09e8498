package io.stride.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The outbox of one service ({@code stride.outbox.*} in the app's {@code application.properties}): its table, how the
 * relay is woken and who may publish, and the relay's pace. The table has the shape every outbox has (see
 * {@code platform/outbox/README.md}): a service creates it with its own Flyway migration.
 */
@ConfigMapping(prefix = "stride.outbox")
public interface OutboxConfig {

    /** The outbox table, schema-qualified: {@code users.outbox}, {@code workouts.outbox}. */
    String table();

    /**
     * The PostgreSQL notification channel the table's insert trigger notifies on commit; by default the table name
     * with {@code _} for {@code .} ({@code users_outbox}).
     */
    Optional<String> notificationChannel();

    /**
     * The transaction-scoped advisory lock held by the one instance that publishes at a time; by default derived from
     * the table name. Two services sharing a database need different ids (they do by default).
     */
    Optional<Long> publisherLockId();

    /**
     * How often the relay looks for pending records anyway (safety net: it is woken after every commit that wrote
     * outbox rows, on any instance, by a PostgreSQL notification).
     */
    @WithDefault("5s")
    Duration pollInterval();

    /** Records published per database transaction of the relay. */
    @WithDefault("100")
    int batchSize();

    /**
     * Longest wait for Kafka's acknowledgements of one batch: the batch's transaction (and its row locks) stays open
     * meanwhile, so a broker outage must not hold it for the producer's full delivery timeout.
     */
    @WithDefault("30s")
    Duration ackTimeout();

    /** How long published rows are kept (for inspection) before the relay deletes them, hourly. */
    @WithDefault("P7D")
    Duration retention();

    /** Name prefix of the relay's metrics ({@code <prefix>.outbox.published}); by default the application name. */
    Optional<String> metricPrefix();

    /** The schema registry the relay serializes with (platform/kafka {@code RegistrySerdes}). */
    SchemaRegistry schemaRegistry();

    /** Schema registry settings. */
    interface SchemaRegistry {

        /** Apicurio Registry v3 API base URL. */
        String url();

        /** Register missing schemas (dev and test only; the pipeline registers them in production). */
        @WithDefault("true")
        boolean autoRegister();
    }
}
