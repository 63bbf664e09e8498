package io.stride.ingest.telemetrygateway.messaging;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.schemas.Topics;

/**
 * Who each workout belongs to, as far as live-workout has claimed it (ADR 0012), in memory, read from the compacted
 * {@link Topics#WORKOUT_OWNERS} topic whole at each start and then followed ({@link CompactedTopicReader}).
 *
 * <p>It lets the gateway refuse, before publishing, samples aimed at a workout known to belong to someone else. It is
 * not the authority: a workout claimed a moment ago, released after it closed, or claimed before this store caught up
 * is not known here, and live-workout refuses those samples itself. So the store is not part of readiness. It holds
 * live and recently closed workouts only: a claim is released when its closed workout is retired. An unreadable
 * record goes to {@link Topics#WORKOUT_OWNERS_DLQ} and its workout is forgotten here (live-workout still decides).
 */
@ApplicationScoped
public class WorkoutOwnerStore {

    private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();
    private final Deserializer<GenericRecord> valueDeserializer;
    private final CompactedTopicReader reader;

    WorkoutOwnerStore(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl,
            MeterRegistry meters) {
        valueDeserializer = RegistrySerdes.genericDeserializer(registryUrl);
        reader = new CompactedTopicReader(Topics.WORKOUT_OWNERS, bootstrapServers, this::apply);
        Gauge.builder("gateway.workout.owners.known", owners, Map::size)
                .description("Workouts whose owner is held in memory")
                .register(meters);
        Gauge.builder("gateway.workout.owners.lag", reader, CompactedTopicReader::lag)
                .description("Records of workouts.workout-owners not yet read (-1 before the first poll)")
                .register(meters);
        FunctionCounter.builder("gateway.workout.owners.dead.letters", reader, CompactedTopicReader::deadLetters)
                .description("Workout owner records sent to workouts.workout-owners.dlq")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        reader.close();
    }

    /** The athlete the workout is known to belong to; empty when it is not known here. */
    public Optional<UUID> ownerOf(UUID workoutId) {
        return Optional.ofNullable(owners.get(workoutId));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        UUID workoutId = UUID.fromString(record.key());
        if (record.value() == null) {
            owners.remove(workoutId);
            return;
        }
        try {
            GenericRecord value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
            if (!workoutId.equals(UUID.fromString(String.valueOf(value.get("workoutId"))))) {
                throw new IllegalArgumentException("workoutId differs from the record key");
            }
            owners.put(workoutId, UUID.fromString(String.valueOf(value.get("userId"))));
        } catch (RuntimeException e) {
            owners.remove(workoutId);
            throw e;
        }
    }
}
