package io.stride.ingest.telemetrygateway.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stride.ingest.telemetrygateway.validation.ValidSample;
import io.stride.platform.http.KafkaCorrelation;
import io.stride.schemas.Topics;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;

/**
 * Publishes accepted samples to the telemetry topic as one {@link TelemetrySampleBatch} record per workout of the
 * batch (split beyond {@link Topics#MAX_SAMPLES_PER_BATCH}), keyed by workout id so that a workout's samples stay in
 * order on one partition (ADR 0009). Completes only when Kafka has acknowledged every record (idempotent producer,
 * acks=all).
 */
@ApplicationScoped
public class SamplePublisher {

    /**
     * Records the emitter holds while Kafka's producer catches up. {@link InFlightLimit} refuses batches (429) before
     * this could overflow (a record holds at least one sample), so the configured limit may not exceed it.
     */
    public static final int EMITTER_BUFFER = 65_536;

    private final MutinyEmitter<TelemetrySampleBatch> emitter;

    SamplePublisher(@Channel("telemetry-samples") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = EMITTER_BUFFER) MutinyEmitter<TelemetrySampleBatch> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<ValidSample> samples, Instant receivedAt, String correlationId) {
        if (samples.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (Map.Entry<UUID, List<TelemetrySample>> workout : byWorkout(samples, receivedAt).entrySet()) {
            List<TelemetrySample> all = workout.getValue();
            for (int from = 0; from < all.size(); from += Topics.MAX_SAMPLES_PER_BATCH) {
                int to = Math.min(all.size(), from + Topics.MAX_SAMPLES_PER_BATCH);
                List<TelemetrySample> part = all.subList(from, to);
                sends.add(emitter.sendMessage(message(workout.getKey(), part, correlationId)));
            }
        }
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

    private static Message<TelemetrySampleBatch> message(UUID workoutId, List<TelemetrySample> samples,
            String correlationId) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(workoutId.toString())
                .withHeaders(KafkaCorrelation.headers(correlationId))
                .build();
        // samples may be a view of the workout's list: nothing changes that list once it is built
        return Message.of(new TelemetrySampleBatch(samples)).addMetadata(metadata);
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
