package io.stride.queries.livetracking.config;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.common.serialization.Serde;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.stride.schemas.live.LiveWorkoutState;

/** Produces the registry-backed serde the view topology reads with. */
@ApplicationScoped
class LiveTrackingBeans {

    @Produces
    @Singleton
    Serde<LiveWorkoutState> liveWorkoutStateSerde(LiveTrackingConfig config) {
        AvroSerde<LiveWorkoutState> serde = new AvroSerde<>();
        serde.configure(Map.of(
                SerdeConfig.REGISTRY_URL, config.schemaRegistry().url(),
                SerdeConfig.AUTO_REGISTER_ARTIFACT, config.schemaRegistry().autoRegister(),
                // Without auto-registration, take the latest version: lookup by content never matches a schema with
                // references in Apicurio 3.3 (see platform/devstack/README.md).
                SerdeConfig.FIND_LATEST_ARTIFACT, !config.schemaRegistry().autoRegister(),
                SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName(),
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        return serde;
    }
}
