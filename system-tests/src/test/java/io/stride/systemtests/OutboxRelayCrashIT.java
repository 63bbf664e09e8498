package io.stride.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.users.TelemetryKey;
import io.stride.schemas.workout.WorkoutTagAdded;
import io.stride.schemas.workout.WorkoutTagAddedData;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * The shared outbox relay (platform/outbox) of the packaged workouts service, killed with SIGKILL while it publishes
 * some thousands of sealed events of many workouts, loses nothing and reorders nothing: after a restart every event
 * is on {@code workouts.workout-events}, each workout's in the order of its versions, and an event seen twice is an
 * exact re-delivery of one published before: exactly the records Kafka had acknowledged but the outbox had not marked
 * when the relay died, published again by its successor.
 */
class OutboxRelayCrashIT {

    private static final int WORKOUTS = 60;
    private static final int VERSIONS = 100;
    private static final int TOTAL = WORKOUTS * VERSIONS;

    private static Connection database() throws SQLException {
        Map<String, String> devstack = Devstack.addresses();
        return DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
    }

    private static long published(String run) throws SQLException {
        try (Connection connection = database();
                PreparedStatement query = connection.prepareStatement("select count(*) from workouts.outbox where "
                        + "correlation_id = ? and published_at is not null")) {
            query.setString(1, run);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String key(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** How many records of these workouts are on the topic now. */
    private static long ourRecordsOnKafka(Set<String> keys) {
        long[] count = {0};
        try (KafkaConsumer<byte[], byte[]> consumer = DevstackKafka.rawConsumer()) {
            DevstackKafka.readAll(consumer, DevstackKafka.partitions(consumer, Topics.WORKOUT_EVENTS), record -> {
                if (keys.contains(key(record.key()))) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    /** The event of a workout at a version: a tag that names the version. */
    private static WorkoutTagAdded event(UUID workout, UUID user, int version) {
        return WorkoutTagAdded.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((workout + "/" + version).getBytes(StandardCharsets.UTF_8)))
                .setTimestamp(Instant.parse("2025-04-05T15:00:00Z").plusSeconds(version))
                .setData(WorkoutTagAddedData.newBuilder()
                        .setWorkoutId(workout)
                        .setUserId(user)
                        .setTag(String.format("v%04d", version))
                        .build())
                .build();
    }

    /** Appends every event to the outbox as the use cases do (version after version, workouts interleaved). */
    private static void append(List<UUID> workouts, UUID user, String run) throws Exception {
        try (Connection connection = database()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into workouts.outbox (topic, "
                    + "record_key, schema_name, payload, correlation_id, created_at, sealed_for) "
                    + "values (?, ?, ?, ?, ?, now(), ?)")) {
                for (int version = 1; version <= VERSIONS; version++) {
                    for (UUID workout : workouts) {
                        WorkoutTagAdded event = event(workout, user, version);
                        ByteBuffer payload = event.toByteBuffer();
                        byte[] bytes = new byte[payload.remaining()];
                        payload.get(bytes);
                        insert.setString(1, Topics.WORKOUT_EVENTS);
                        insert.setString(2, workout.toString());
                        insert.setString(3, WorkoutTagAdded.getClassSchema().getFullName());
                        insert.setBytes(4, bytes);
                        insert.setString(5, run);
                        insert.setString(6, user.toString());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    @Test
    void shouldPublishEveryEventOncePerWorkoutInOrderWhenTheRelayIsKilledMidBatch() throws Exception {
        // given: the service's schema (its first start migrates it), an athlete with a telemetry key, and thousands
        // of events of many workouts waiting in the outbox
        Path root = Checkout.root();
        Path workDir = root.resolve("system-tests/target/apps-" + UUID.randomUUID());
        List<String> properties = List.of("-Dstride.outbox.batch-size=1000");
        AppProcess.start(root, "command-services/workouts", properties, workDir).close();
        Map<String, String> devstack = Devstack.addresses();
        Aead kek = TelemetryKeys.readKek(Path.of(devstack.get(Devstack.TELEMETRY_KEK_LOCATION)));
        UUID user = UUID.randomUUID();
        DevstackKafka.publish(Topics.TELEMETRY_KEYS, user.toString(), TelemetryKey.newBuilder()
                .setUserId(user)
                .setWrappedKeyset(ByteBuffer.wrap(TelemetryKeys.newWrappedKey(user.toString(), kek)))
                .setCreatedAt(Instant.now())
                .build());
        List<UUID> workouts = new ArrayList<>();
        for (int i = 0; i < WORKOUTS; i++) {
            workouts.add(UUID.randomUUID());
        }
        String run = "relay-crash-" + UUID.randomUUID();
        append(workouts, user, run);
        Set<String> keys = workouts.stream().map(UUID::toString).collect(Collectors.toSet());

        // when: the relay publishes (batches of 1,000), is killed while a batch is half acknowledged by Kafka but not
        // marked yet, and its successor takes over
        long onKafkaAtKill;
        long markedAtKill;
        try (KafkaConsumer<byte[], byte[]> watcher = DevstackKafka.rawConsumer()) {
            List<TopicPartition> partitions = DevstackKafka.partitions(watcher, Topics.WORKOUT_EVENTS);
            watcher.assign(partitions);
            watcher.seekToEnd(partitions);
            partitions.forEach(watcher::position);
            AppProcess crashing = AppProcess.spawn(root, "command-services/workouts", properties, workDir);
            long[] seen = {0};
            await("a batch half acknowledged").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ZERO)
                    .until(() -> {
                        watcher.poll(Duration.ofMillis(20)).forEach(record -> {
                            if (keys.contains(key(record.key()))) {
                                seen[0]++;
                            }
                        });
                        return seen[0] >= published(run) + 50;
                    });
            crashing.kill();
            markedAtKill = published(run);
            onKafkaAtKill = ourRecordsOnKafka(keys);
        }
        assertThat(onKafkaAtKill).as("killed with records on Kafka that the outbox had not marked")
                .isGreaterThan(markedAtKill)
                .isLessThan(TOTAL);
        try (AppProcess successor = AppProcess.start(root, "command-services/workouts", properties, workDir)) {
            await("every row published").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> published(run) == TOTAL);
        }

        // then: every event on the topic, per workout in version order, duplicates only as exact re-deliveries
        UserKeyring keyring = new UserKeyring();
        try (var reader = TelemetryKeys.follow(keyring, kek, devstack.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                devstack.get(Devstack.APICURIO_REGISTRY_URL))) {
            Deserializer<SpecificRecord> values = new SealedSerde<SpecificRecord>(
                    RegistrySerdes.forValues(devstack.get(Devstack.APICURIO_REGISTRY_URL), true), keyring, value -> {
                        throw new UnsupportedOperationException();
                    }).deserializer();
            Map<String, List<WorkoutTagAdded>> delivered = new HashMap<>();
            workouts.forEach(workout -> delivered.put(workout.toString(), new ArrayList<>()));
            try (KafkaConsumer<byte[], byte[]> consumer = DevstackKafka.rawConsumer()) {
                DevstackKafka.readAll(consumer, DevstackKafka.partitions(consumer, Topics.WORKOUT_EVENTS), record -> {
                    List<WorkoutTagAdded> ofWorkout = delivered.get(key(record.key()));
                    if (ofWorkout != null) {
                        assertThat(record.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER)).as("sealed")
                                .isNotNull();
                        ofWorkout.add((WorkoutTagAdded) values.deserialize(record.topic(), record.headers(),
                                record.value()));
                    }
                });
            }
            int duplicates = 0;
            for (UUID workout : workouts) {
                List<WorkoutTagAdded> received = delivered.get(workout.toString());
                int newest = 0;
                for (WorkoutTagAdded event : received) {
                    int version = Integer.parseInt(event.getData().getTag().substring(1));
                    if (version > newest) {
                        assertThat(version).as("next new event of %s", workout).isEqualTo(newest + 1);
                        assertThat(event).isEqualTo(event(workout, user, version));
                        newest = version;
                    } else {
                        assertThat(event).as("re-delivery of %s v%d", workout, version)
                                .isEqualTo(event(workout, user, version));
                        duplicates++;
                    }
                }
                assertThat(newest).as("every version of %s delivered", workout).isEqualTo(VERSIONS);
            }
            assertThat(duplicates).as("re-deliveries: the records acknowledged but not marked before the kill")
                    .isEqualTo(onKafkaAtKill - markedAtKill);
            System.out.printf("relay crash: %d of %d marked and %d on Kafka at the kill, %d re-delivered after it%n",
                    markedAtKill, TOTAL, onKafkaAtKill, duplicates);
        }
    }
}
