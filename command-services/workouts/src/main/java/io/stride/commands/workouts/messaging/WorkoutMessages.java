package io.stride.commands.workouts.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import io.stride.commands.workouts.config.WorkoutsConfig;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;

/**
 * Reads the records the consumers receive as bytes: Apicurio Avro into the generated classes, opened first with the
 * user's telemetry key when sealed ({@code workouts.workout-events}, ADR 0010), as live-workout reads them.
 */
@ApplicationScoped
class WorkoutMessages {

    private final Deserializer<SpecificRecord> sealed;
    private final Deserializer<SpecificRecord> plain;

    WorkoutMessages(UserKeyring keyring, WorkoutsConfig config,
            @org.eclipse.microprofile.config.inject.ConfigProperty(
                    name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl,
            @org.eclipse.microprofile.config.inject.ConfigProperty(
                    name = "stride.outbox.schema-registry.auto-register") boolean autoRegister) {
        this.plain = RegistrySerdes.<SpecificRecord>forValues(registryUrl, autoRegister).deserializer();
        this.sealed = new SealedSerde<SpecificRecord>(RegistrySerdes.forValues(registryUrl, autoRegister), keyring,
                value -> {
                    throw new UnsupportedOperationException("the consumers never write");
                }).deserializer();
    }

    /** A sealed (or, written before sealing, plain) record's value. */
    SpecificRecord openSealed(ConsumerRecord<String, byte[]> record) {
        return sealed.deserialize(record.topic(), record.headers(), record.value());
    }

    /** A plain record's value. */
    SpecificRecord read(ConsumerRecord<String, byte[]> record) {
        return plain.deserialize(record.topic(), record.headers(), record.value());
    }
}
