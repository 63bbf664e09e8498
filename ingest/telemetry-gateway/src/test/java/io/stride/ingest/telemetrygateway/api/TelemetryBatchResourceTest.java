package io.stride.ingest.telemetrygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.schemas.Topics;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackResource;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class TelemetryBatchResourceTest {

    /** Reads the registered schema, not this build's class: the bytes are described by what was registered. */
    private static final Deserializer<GenericRecord> VALUES =
            RegistrySerdes.genericDeserializer(Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL));

    /**
     * The batch records published for {@code workout} as they are on the topic (sealed), read from the beginning
     * until they hold {@code expected} samples.
     */
    static List<ConsumerRecord<String, byte[]>> rawBatchesOf(UUID workout, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TELEMETRY_SAMPLE_BATCHES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(workout.toString())) {
                        found.add(record);
                    }
                });
                return samplesOf(opened(found)).size() >= expected;
            });
        }
        return found;
    }

    /** The batch records published for {@code workout}, opened and read, once they hold {@code expected} samples. */
    static List<ConsumerRecord<String, GenericRecord>> batchesOf(UUID workout, int expected) {
        return opened(rawBatchesOf(workout, expected));
    }

    private static List<ConsumerRecord<String, GenericRecord>> opened(List<ConsumerRecord<String, byte[]>> sealed) {
        return sealed.stream()
                .map(record -> new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                        record.timestamp(), record.timestampType(), record.serializedKeySize(),
                        record.serializedValueSize(), record.key(),
                        VALUES.deserialize(record.topic(), record.headers(), TestDevices.unseal(record)),
                        record.headers(), record.leaderEpoch()))
                .toList();
    }

    /** The samples of {@code workout}, in the order published, once there are {@code expected}. */
    static List<GenericRecord> samplesOf(UUID workout, int expected) {
        return samplesOf(batchesOf(workout, expected));
    }

    @SuppressWarnings("unchecked")
    static List<GenericRecord> samplesOf(List<ConsumerRecord<String, GenericRecord>> batches) {
        return batches.stream()
                .flatMap(batch -> ((List<GenericRecord>) batch.value().get("samples")).stream())
                .toList();
    }

    @Test
    void shouldPublishAvroSamplesKeyedByWorkoutWhenBatchIsValid() throws Exception {
        // given
        TestDevices.Device device = TestDevices.admitted();
        UUID workout = UUID.randomUUID();
        UUID user = device.userId();
        Instant at = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        String body = """
                {"samples": [
                  {"device_id": "%5$s", "workout_id": "%1$s", "user_id": "%2$s", "sequence_number": 1,
                   "recorded_at": "%3$s", "latitude": 55.7558, "longitude": 37.6173, "accuracy_meters": 4.5,
                   "heart_rate_bpm": 141, "speed_meters_per_second": 3.1, "cadence_rpm": 172, "power_watts": 250},
                  {"device_id": "%5$s", "workout_id": "%1$s", "user_id": "%2$s", "sequence_number": 2,
                   "recorded_at": "%4$s", "heart_rate_bpm": 143}
                ]}""".formatted(workout, user, at, at.plusSeconds(1), device.deviceId());

        // when
        given().contentType(ContentType.JSON).header("X-Correlation-Id", "qt-" + workout)
                .header("Authorization", device.authorization()).body(body)
                .post("/api/v1/telemetry/batches")
                .then()
                .statusCode(202)
                .header("X-Correlation-Id", "qt-" + workout)
                .body("accepted", equalTo(2))
                .body("highest_sequence_numbers.'" + device.deviceId() + "'", equalTo(2));

        // then
        List<ConsumerRecord<String, byte[]>> sealed = rawBatchesOf(workout, 2);
        List<ConsumerRecord<String, GenericRecord>> batches = opened(sealed);
        assertThat(batches).as("one record for the workout's samples").hasSize(1);
        assertThat(batches.getFirst().headers().lastHeader(SealedSerde.SEALED_FOR_HEADER).value())
                .as("sealed for the user").asString(StandardCharsets.UTF_8).isEqualTo(user.toString());
        assertThat(sealed).as("nothing readable without the user's key").singleElement()
                .satisfies(raw -> assertThat(new String(raw.value(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(device.deviceId(), user.toString(), workout.toString()));
        // Read generically: the registered schema, not this build's class, describes the bytes.
        assertThat(batches.getFirst().value().getSchema().getFullName())
                .isEqualTo(TelemetrySampleBatch.getClassSchema().getFullName());
        List<GenericRecord> records = samplesOf(batches);
        assertThat(records).hasSize(2);
        GenericRecord first = records.getFirst();
        assertThat(first.get("workoutId")).hasToString(workout.toString());
        assertThat(first.get("userId")).hasToString(user.toString());
        assertThat(first.get("deviceId")).hasToString(device.deviceId());
        assertThat(first.get("recordedAt")).isEqualTo(at.toEpochMilli());
        assertThat((Long) first.get("receivedAt")).isGreaterThanOrEqualTo(at.toEpochMilli());
        assertThat(first.get("latitude")).isEqualTo(55.7558);
        assertThat(first.get("accuracyMeters")).isEqualTo(4.5);
        assertThat(first.get("powerWatts")).isEqualTo(250);
        assertThat(records.get(1).get("latitude")).isNull();
        assertThat(records.get(1).get("heartRateBpm")).isEqualTo(143);
        assertThat(new String(batches.getFirst().headers().lastHeader("X-Correlation-Id").value(),
                StandardCharsets.UTF_8)).isEqualTo("qt-" + workout);
    }

    @Test
    void shouldPublishOneRecordPerWorkoutInTheBatchsOrderWhenABatchHoldsSeveralWorkouts() throws Exception {
        // given: samples of two workouts, interleaved
        TestDevices.Device device = TestDevices.admitted();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        String sample = """
                {"device_id": "%s", "workout_id": "%s", "user_id": "%s", "sequence_number": %d, "recorded_at": "%s",
                 "heart_rate_bpm": 140}""";
        String body = "{\"samples\": [" + String.join(",",
                sample.formatted(device.deviceId(), first, device.userId(), 1, at),
                sample.formatted(device.deviceId(), second, device.userId(), 2, at.plusSeconds(1)),
                sample.formatted(device.deviceId(), first, device.userId(), 3, at.plusSeconds(2))) + "]}";

        // when
        given().contentType(ContentType.JSON).header("Authorization", device.authorization()).body(body)
                .post("/api/v1/telemetry/batches")
                .then().statusCode(202).body("accepted", equalTo(3));

        // then
        List<ConsumerRecord<String, GenericRecord>> firstBatches = batchesOf(first, 2);
        assertThat(firstBatches).hasSize(1);
        assertThat(samplesOf(firstBatches)).extracting(s -> s.get("sequenceNumber")).containsExactly(1L, 3L);
        assertThat(samplesOf(second, 1)).extracting(s -> s.get("sequenceNumber")).containsExactly(2L);
    }

    @Test
    void shouldRefuseBatchWhenSamplesAreMissingOrEmpty() throws Exception {
        // given
        String authorization = TestDevices.admitted().authorization();

        // when / then
        given().contentType(ContentType.JSON).header("Authorization", authorization).body("{}")
                .post("/api/v1/telemetry/batches")
                .then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("details.violations[0].field", equalTo("samples"));
        given().contentType(ContentType.JSON).header("Authorization", authorization).body("{\"samples\": []}")
                .post("/api/v1/telemetry/batches")
                .then().statusCode(400).body("error", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).header("Authorization", authorization).body("{\"samples\": 12}")
                .post("/api/v1/telemetry/batches")
                .then().statusCode(400).body("code", equalTo(400));
    }

    @Test
    void shouldAnswerOnlyAcceptedOrRateLimitedWhenManyFullBatchesArriveAtOnce() throws Exception {
        // given: 16 devices posting a full batch (500 samples) at the same moment: 8,000 samples, far more than
        // Kafka's sink takes at once
        Instant at = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        List<java.util.concurrent.Callable<Integer>> posts = new java.util.ArrayList<>();
        List<TestDevices.Device> devices = new java.util.ArrayList<>();
        for (int d = 0; d < 16; d++) {
            TestDevices.Device device = TestDevices.register(UUID.randomUUID());
            UUID workout = UUID.randomUUID();
            StringBuilder batch = new StringBuilder("{\"samples\": [");
            for (int i = 1; i <= 500; i++) {
                batch.append(i > 1 ? "," : "").append("""
                        {"device_id": "%s", "workout_id": "%s", "user_id": "%s", "sequence_number": %d,
                         "recorded_at": "%s", "heart_rate_bpm": 130}""".formatted(device.deviceId(), workout,
                        device.userId(), i, at.plusSeconds(i)));
            }
            String body = batch.append("]}").toString();
            devices.add(device);
            posts.add(() -> given().contentType(ContentType.JSON).header("Authorization", device.authorization())
                    .body(body).post("/api/v1/telemetry/batches")
                    .statusCode());
        }

        devices.forEach(TestDevices.Device::awaitAdmitted);

        // when
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(posts)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // then: every batch is either in Kafka or refused for the device to resend — never a server error
        assertThat(statuses).hasSize(16).allMatch(status -> status == 202 || status == 429);
        assertThat(statuses).contains(202);
    }
}
