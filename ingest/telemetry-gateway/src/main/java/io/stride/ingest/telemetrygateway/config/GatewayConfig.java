package io.stride.ingest.telemetrygateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the telemetry gateway. */
@ConfigMapping(prefix = "telemetry-gateway")
public interface GatewayConfig {

    /** Most samples one batch may hold; larger batches are refused whole with 413. */
    @WithDefault("500")
    int maxBatchSize();

    /** How far ahead of the gateway's clock a sample's recorded_at may be (device clock skew). */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /** How old a sample may be when it arrives (devices buffer while offline). */
    @WithDefault("P7D")
    Duration maxSampleAge();

    /**
     * Most samples handed to Kafka and not yet acknowledged; beyond it batches are refused with 429 rather than
     * buffered.
     */
    @WithDefault("50000")
    long maxInFlightSamples();

    /**
     * The workouts service, which makes an imported recording a completed workout once its samples are in Kafka
     * ({@link io.stride.ingest.telemetrygateway.api.WorkoutImports}); absent: an import publishes the samples only.
     */
    Optional<URI> workoutsUrl();

    /** The platform's telemetry key-encryption key, a Tink JSON keyset file (ADR 0010). */
    String telemetryKekLocation();

    /** Register missing Avro schemas in the registry (dev and test; production registers them in its pipeline). */
    @WithDefault("false")
    boolean schemaAutoRegister();
}
