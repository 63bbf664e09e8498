package io.stride.ingest.telemetrygateway.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stride.ingest.telemetrygateway.config.GatewayConfig;
import io.stride.ingest.telemetrygateway.validation.ValidSample;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.KafkaCorrelation;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.schemas.Topics;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;

/**
 * Publishes accepted samples to the telemetry topic as one {@link TelemetrySampleBatch} record per workout of the
 * batch (split beyond {@link Topics#MAX_SAMPLES_PER_BATCH}), keyed by workout id so that a workout's samples stay in
 * order on one partition (ADR 0009), each sealed with its user's telemetry key (ADR 0010). Completes only when Kafka
 * has acknowledged every record (idempotent producer, acks=all). A key not read yet (the user registered a moment
 * ago) is waited for a few seconds off the event loop; a user without a key is answered 503 with {@code Retry-After},
 * and nothing of that batch is published.
 */
@ApplicationScoped
public class SamplePublisher {

    /**
     * Records the emitter holds while Kafka's producer catches up. {@link InFlightLimit} refuses batches (429) before
     * this could overflow (a record holds at least one sample), so the configured limit may not exceed it.
     */
    public static final int EMITTER_BUFFER = 65_536;

    /** How soon a client refused for a key not read yet may try again. */
    static final Duration KEY_RETRY_AFTER = Duration.ofSeconds(1);

    private final MutinyEmitter<byte[]> emitter;
    private final TelemetryKeyStore keys;
    private final Serializer<TelemetrySampleBatch> plainSerializer;
    private final Serializer<TelemetrySampleBatch> serializer;

    SamplePublisher(@Channel("telemetry-samples") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = EMITTER_BUFFER) MutinyEmitter<byte[]> emitter, TelemetryKeyStore keys, GatewayConfig config,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl) {
        this.emitter = emitter;
        this.keys = keys;
        this.plainSerializer = RegistrySerdes.serializer(registryUrl, config.schemaAutoRegister());
        this.serializer = SealedSerde.sealing(plainSerializer, keys.keyring(),
                batch -> batch.getSamples().getFirst().getUserId().toString());
    }

    /**
     * Resolves the record's schema in the registry once at start, off the event loop: the serializer does it on its
     * first use, which would otherwise block the first request's event loop for the registry round trips.
     */
    void warmUp(@Observes StartupEvent event) {
        TelemetrySample sample = toAvro(new ValidSample("warm-up", new UUID(0, 0), new UUID(0, 0), 0, Instant.EPOCH,
                null, null, null, null, null, null, null, null), Instant.EPOCH);
        try {
            plainSerializer.serialize(Topics.TELEMETRY_SAMPLE_BATCHES, new RecordHeaders(),
                    new TelemetrySampleBatch(List.of(sample)));
        } catch (RuntimeException e) {
            Log.warnf("the registry could not resolve %s at start; the first batch will: %s",
                    TelemetrySampleBatch.getClassSchema().getFullName(), e.getMessage());
        }
    }

    public Uni<Void> publish(List<ValidSample> samples, Instant receivedAt, String correlationId) {
        if (samples.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // an upload is one athlete's (the device's, or the importing token's): look each athlete up once, not per sample
        Set<String> missing = new HashSet<>();
        UUID previous = null;
        for (ValidSample sample : samples) {
            if (!sample.userId().equals(previous)) {
                previous = sample.userId();
                String userId = previous.toString();
                if (keys.find(userId).isEmpty()) {
                    missing.add(userId);
                }
            }
        }
        if (missing.isEmpty()) {
            return send(samples, receivedAt, correlationId);
        }
        // A key published a moment ago may not have been read yet: wait for it off the event loop.
        return Uni.createFrom().item(() -> {
                    missing.forEach(keys.keyring()::keyOf);
                    return missing;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().transform(e -> ApiException.unavailable(
                        "The athlete's telemetry key is not available, retry shortly", KEY_RETRY_AFTER))
                .chain(ready -> send(samples, receivedAt, correlationId));
    }

    private Uni<Void> send(List<ValidSample> samples, Instant receivedAt, String correlationId) {
        List<Message<byte[]>> messages = new ArrayList<>();
        try {
            for (Map.Entry<UUID, List<TelemetrySample>> workout : byWorkout(samples, receivedAt).entrySet()) {
                List<TelemetrySample> all = workout.getValue();
                for (int from = 0; from < all.size(); from += Topics.MAX_SAMPLES_PER_BATCH) {
                    int to = Math.min(all.size(), from + Topics.MAX_SAMPLES_PER_BATCH);
                    messages.add(message(workout.getKey(), all.subList(from, to), correlationId));
                }
            }
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        List<Uni<Void>> sends = messages.stream().map(emitter::sendMessage).toList();
        return sends.size() == 1 ? sends.getFirst()
                : Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }

    /** The samples of each workout, workouts and samples in the order of the batch. */
    private static Map<UUID, List<TelemetrySample>> byWorkout(List<ValidSample> samples, Instant receivedAt) {
        Map<UUID, List<TelemetrySample>> byWorkout = new LinkedHashMap<>();
        for (ValidSample sample : samples) {
            byWorkout.computeIfAbsent(sample.workoutId(), workout -> new ArrayList<>(samples.size()))
                    .add(toAvro(sample, receivedAt));
        }
        return byWorkout;
    }

    private Message<byte[]> message(UUID workoutId, List<TelemetrySample> samples, String correlationId) {
        Headers headers = KafkaCorrelation.headers(correlationId);
        // samples may be a view of the workout's list: nothing changes that list once it is built
        byte[] value = serializer.serialize(Topics.TELEMETRY_SAMPLE_BATCHES, headers, new TelemetrySampleBatch(samples));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(workoutId.toString())
                .withHeaders(headers)
                .build();
        return Message.of(value).addMetadata(metadata);
    }

    /** Fills a record through its setters: the generated builder validates and copies defaults, once per sample. */
    static TelemetrySample toAvro(ValidSample sample, Instant receivedAt) {
        TelemetrySample avro = new TelemetrySample();
        avro.setDeviceId(sample.deviceId());
        avro.setWorkoutId(sample.workoutId());
        avro.setUserId(sample.userId());
        avro.setSequenceNumber(sample.sequenceNumber());
        avro.setRecordedAt(sample.recordedAt());
        avro.setReceivedAt(receivedAt);
        avro.setLatitude(sample.latitude());
        avro.setLongitude(sample.longitude());
        avro.setAltitudeMeters(sample.altitudeMeters());
        avro.setAccuracyMeters(sample.accuracyMeters());
        avro.setHeartRateBpm(sample.heartRateBpm());
        avro.setSpeedMetersPerSecond(sample.speedMetersPerSecond());
        avro.setCadenceRpm(sample.cadenceRpm());
        avro.setPowerWatts(sample.powerWatts());
        return avro;
    }
}
