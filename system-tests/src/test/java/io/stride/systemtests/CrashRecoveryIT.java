package io.stride.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.stride.schemas.Topics;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.testkit.EventBuilders;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * Exactly-once under a crash: the live-workout processor is killed with SIGKILL while telemetry flows and then
 * restarted; every workout's final live state must equal what a clean run over the same input computes (a second
 * processor with a fresh application id) — nothing lost, nothing counted twice.
 */
class CrashRecoveryIT {

    private static final int WORKOUTS = 6;
    private static final int SAMPLES_PER_WORKOUT = 240;
    /** Samples a device sends at once: every 10 s. */
    private static final int SAMPLES_PER_BATCH = 10;
    private static final Set<String> WALL_CLOCK_FIELDS = Set.of("updatedAt");

    private final Map<String, String> addresses = Devstack.addresses();
    private final Path root = Checkout.root();

    private AppProcess startProcessor(String applicationId, Path workDir) throws Exception {
        return AppProcess.start(root, "stream-processors/live-workout",
                List.of("-Dquarkus.kafka-streams.application-id=" + applicationId), workDir);
    }

    /**
     * Realistic runs: one sample per second, ~3 m/s along a meridian, starting an hour ago; each workout's batches of
     * {@link #SAMPLES_PER_BATCH}, the workouts' batches interleaved.
     */
    private List<TelemetrySampleBatch> batches(List<UUID> workouts) {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<TelemetrySampleBatch> batches = new ArrayList<>();
        for (int from = 1; from <= SAMPLES_PER_WORKOUT; from += SAMPLES_PER_BATCH) {
            for (int w = 0; w < workouts.size(); w++) {
                List<TelemetrySample> samples = new ArrayList<>();
                for (int i = from; i < from + SAMPLES_PER_BATCH; i++) {
                    samples.add(EventBuilders.aTelemetrySample()
                            .forWorkout(workouts.get(w), workouts.get(w))
                            .deviceId("crash-watch-" + w)
                            .sequenceNumber(i)
                            .at(start.plusSeconds(i))
                            .position(55.70 + w * 0.01 + i * 0.000027, 37.60)
                            .heartRateBpm(120 + i % 40)
                            .speedMetersPerSecond(3.0)
                            .build());
                }
                batches.add(new TelemetrySampleBatch(samples));
            }
        }
        return batches;
    }

    private KafkaConsumer<String, GenericRecord> stateConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, addresses.get(Devstack.KAFKA_BOOTSTRAP_SERVERS));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("apicurio.registry.url", addresses.get(Devstack.APICURIO_REGISTRY_URL));
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, false);
        AvroKafkaDeserializer<GenericRecord> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    /**
     * The latest state of each workout published after {@code from} (per-partition offsets), once every workout's
     * state has applied its last sample.
     */
    private Map<String, GenericRecord> finalStates(List<UUID> workouts, Map<TopicPartition, Long> from) {
        Set<String> keys = workouts.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<String, GenericRecord> latest = new HashMap<>();
        try (KafkaConsumer<String, GenericRecord> consumer = stateConsumer()) {
            List<TopicPartition> partitions = DevstackKafka.partitions(consumer, Topics.LIVE_WORKOUT_STATE);
            consumer.assign(partitions);
            partitions.forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            await("final live states of " + keys).atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (keys.contains(record.key())) {
                        latest.put(record.key(), record.value());
                    }
                });
                return latest.size() == keys.size() && latest.values().stream()
                        .allMatch(state -> (Long) state.get("lastSequenceNumber") == SAMPLES_PER_WORKOUT);
            });
        }
        return latest;
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, GenericRecord> consumer = stateConsumer()) {
            return consumer.endOffsets(DevstackKafka.partitions(consumer, Topics.LIVE_WORKOUT_STATE));
        }
    }

    private static Map<String, Object> comparable(GenericRecord state) {
        Map<String, Object> fields = new HashMap<>();
        for (Schema.Field field : state.getSchema().getFields()) {
            if (!WALL_CLOCK_FIELDS.contains(field.name())) {
                fields.put(field.name(), String.valueOf(state.get(field.name())));
            }
        }
        return fields;
    }

    @Test
    void shouldEndWithTheStateOfACleanRunWhenTheProcessorIsKilledMidStream() throws Exception {
        // given: a processor consuming, and telemetry of six workouts
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path workDir = root.resolve("system-tests/target/crash-" + run);
        List<UUID> workouts = new ArrayList<>();
        for (int w = 0; w < WORKOUTS; w++) {
            workouts.add(UUID.randomUUID());
            // each workout is its own athlete's, who has a telemetry key as every registered user does
            DeviceCredentials.issueTelemetryKey(workouts.getLast());
        }
        List<TelemetrySampleBatch> batches = batches(workouts);
        AppProcess processor = startProcessor("live-workout-crash-" + run, workDir);

        // when: SIGKILL after a third of the samples, restart on the same state directory, send the rest
        try (KafkaProducer<String, TelemetrySampleBatch> producer = DevstackKafka.producer()) {
            int crashAt = batches.size() / 3;
            for (int i = 0; i < batches.size(); i++) {
                if (i == crashAt) {
                    producer.flush();
                    processor.kill();
                }
                TelemetrySampleBatch batch = batches.get(i);
                producer.send(new ProducerRecord<>(Topics.TELEMETRY_SAMPLE_BATCHES,
                        batch.getSamples().getFirst().getWorkoutId().toString(), batch));
            }
            producer.flush();
        }
        processor = startProcessor("live-workout-crash-" + run, workDir);
        Map<String, GenericRecord> afterCrash;
        try {
            afterCrash = finalStates(workouts, Map.of());
        } finally {
            processor.close();
        }

        // then: a clean run over the same input ends in the same states
        Map<TopicPartition, Long> before = endOffsets();
        Map<String, GenericRecord> clean;
        try (AppProcess replay = startProcessor("live-workout-replay-" + run, workDir.resolve("replay"))) {
            clean = finalStates(workouts, before);
        }
        for (UUID workout : workouts) {
            GenericRecord crashed = afterCrash.get(workout.toString());
            assertThat(crashed.get("sampleCount")).as("samples of %s", workout).isEqualTo((long) SAMPLES_PER_WORKOUT);
            assertThat(comparable(crashed)).as("state of %s", workout)
                    .isEqualTo(comparable(clean.get(workout.toString())));
        }
    }
}
