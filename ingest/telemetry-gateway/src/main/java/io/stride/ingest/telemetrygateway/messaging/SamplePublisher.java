package io.stride.ingest.telemetrygateway.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stride.ingest.telemetrygateway.validation.ValidSample;
import io.stride.platform.http.KafkaCorrelation;
import io.stride.schemas.telemetry.TelemetrySample;

/**
 * Publishes accepted samples to the telemetry topic, keyed by workout id so that a workout's samples stay in order
 * on one partition. Completes only when Kafka has acknowledged every sample (idempotent producer, acks=all).
 */
@ApplicationScoped
public class SamplePublisher {

    /**
     * Samples the emitter holds while Kafka's producer catches up. {@link InFlightLimit} refuses batches (429) before
     * this could overflow, so the configured limit may not exceed it.
     */
    public static final int EMITTER_BUFFER = 65_536;

    private final MutinyEmitter<TelemetrySample> emitter;

    SamplePublisher(@Channel("telemetry-samples") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = EMITTER_BUFFER) MutinyEmitter<TelemetrySample> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<ValidSample> samples, Instant receivedAt, String correlationId) {
        if (samples.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = samples.stream()
                .map(sample -> emitter.sendMessage(message(sample, receivedAt, correlationId)))
                .toList();
        return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }

    private static Message<TelemetrySample> message(ValidSample sample, Instant receivedAt, String correlationId) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(sample.workoutId().toString())
                .withHeaders(KafkaCorrelation.headers(correlationId))
                .build();
        return Message.of(toAvro(sample, receivedAt)).addMetadata(metadata);
    }

    static TelemetrySample toAvro(ValidSample sample, Instant receivedAt) {
        return TelemetrySample.newBuilder()
                .setDeviceId(sample.deviceId())
                .setWorkoutId(sample.workoutId())
                .setUserId(sample.userId())
                .setSequenceNumber(sample.sequenceNumber())
                .setRecordedAt(sample.recordedAt())
                .setReceivedAt(receivedAt)
                .setLatitude(sample.latitude())
                .setLongitude(sample.longitude())
                .setAltitudeMeters(sample.altitudeMeters())
                .setAccuracyMeters(sample.accuracyMeters())
                .setHeartRateBpm(sample.heartRateBpm())
                .setSpeedMetersPerSecond(sample.speedMetersPerSecond())
                .setCadenceRpm(sample.cadenceRpm())
                .setPowerWatts(sample.powerWatts())
                .build();
    }
}
