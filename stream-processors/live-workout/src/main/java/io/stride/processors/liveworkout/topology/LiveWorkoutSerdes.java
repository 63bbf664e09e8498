package io.stride.processors.liveworkout.topology;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;

/** The value serdes of the live-workout topology. */
public record LiveWorkoutSerdes(Serde<TelemetrySample> samples, Serde<LiveWorkoutState> states) {

    /**
     * Serdes backed by Apicurio Registry: schemas are resolved (and in dev/test registered) per record name. Without
     * auto-registration the serde takes the latest registered version: lookup by content never matches a schema
     * with references in Apicurio 3.3 (see platform/devstack/README.md).
     */
    public static LiveWorkoutSerdes withRegistry(String registryUrl, boolean autoRegister) {
        Map<String, Object> config = Map.of(
                SerdeConfig.REGISTRY_URL, registryUrl,
                SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister,
                SerdeConfig.FIND_LATEST_ARTIFACT, !autoRegister,
                SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName(),
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return new LiveWorkoutSerdes(registrySerde(config), registrySerde(config));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> registrySerde(
            Map<String, Object> config) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
