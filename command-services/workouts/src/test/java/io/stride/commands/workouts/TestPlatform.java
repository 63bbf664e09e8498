package io.stride.commands.workouts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.schemas.users.TelemetryKey;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.schemas.workout.WorkoutOwner;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * The rest of the platform as the workouts service meets it on the real devstack: users' telemetry keys and device
 * credentials (as the users service publishes them), live-workout's claims and sealed records, erasures; the events the
 * service published, opened with the athletes' keys; rows of its PostgreSQL schema.
 */
public final class TestPlatform {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> DEVSTACK = Devstack.addresses();
    private static final String REGISTRY = DEVSTACK.get(Devstack.APICURIO_REGISTRY_URL);
    private static final Aead KEK = TelemetryKeys.readKek(Path.of(DEVSTACK.get(Devstack.TELEMETRY_KEK_LOCATION)));
    /** The users' keys as the devstack holds them, followed for the whole test JVM. */
    private static final UserKeyring KEYS = new UserKeyring();
    private static final Deserializer<SpecificRecord> EVENTS = new SealedSerde<SpecificRecord>(
            RegistrySerdes.forValues(REGISTRY, true), KEYS, value -> {
                throw new UnsupportedOperationException();
            }).deserializer();

    static {
        TelemetryKeys.follow(KEYS, KEK, DEVSTACK.get(Devstack.KAFKA_BOOTSTRAP_SERVERS), REGISTRY);
    }

    private TestPlatform() {
    }

    /** A new athlete with a telemetry key (as after registering with the users service). */
    public static UUID athlete() {
        UUID user = UUID.randomUUID();
        DevstackKafka.publish(Topics.TELEMETRY_KEYS, user.toString(), TelemetryKey.newBuilder()
                .setUserId(user)
                .setWrappedKeyset(ByteBuffer.wrap(TelemetryKeys.newWrappedKey(user.toString(), KEK)))
                .setCreatedAt(Instant.now())
                .build());
        return user;
    }

    /** A registered device of the user and its {@code Authorization} header value. */
    public record Device(String deviceId, UUID userId, String authorization) {
    }

    /** Registers a device of {@code user} (its credential published as the users service does). */
    public static Device device(UUID user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String deviceId = UUID.randomUUID().toString();
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(encoded.getBytes(StandardCharsets.US_ASCII)));
            DevstackKafka.publish(Topics.DEVICE_CREDENTIALS, deviceId, DeviceCredential.newBuilder()
                    .setDeviceId(deviceId)
                    .setUserId(user)
                    .setSecretSha256(hash)
                    .setModel("Test watch")
                    .setRegisteredAt(Instant.now())
                    .setRevokedAt(null)
                    .build());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Device(deviceId, user, "Device " + deviceId + "." + encoded);
    }

    /** live-workout's claim: the workout belongs to {@code owner} since {@code at}. */
    public static void claim(UUID workout, UUID owner, Instant at) {
        DevstackKafka.publish(Topics.WORKOUT_OWNERS, workout.toString(), WorkoutOwner.newBuilder()
                .setWorkoutId(workout)
                .setUserId(owner)
                .setClaimedAt(at)
                .build());
    }

    /**
     * live-workout's claims, and one record that is no claim (bytes that are not Avro), published by one producer in
     * one flush: the consumer takes them in one batch.
     */
    public static void claimsTogether(List<UUID[]> workoutAndOwner, Instant at, String unreadableKey) {
        try (Serializer<SpecificRecord> serializer = RegistrySerdes.serializer(REGISTRY, true);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DEVSTACK.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50),
                     new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (UUID[] claim : workoutAndOwner) {
                Headers headers = new RecordHeaders();
                byte[] bytes = serializer.serialize(Topics.WORKOUT_OWNERS, headers, WorkoutOwner.newBuilder()
                        .setWorkoutId(claim[0])
                        .setUserId(claim[1])
                        .setClaimedAt(at)
                        .build());
                sent.add(producer.send(new ProducerRecord<>(Topics.WORKOUT_OWNERS, null, claim[0].toString(), bytes,
                        headers)));
            }
            sent.add(producer.send(new ProducerRecord<>(Topics.WORKOUT_OWNERS, unreadableKey,
                    "not a claim".getBytes(StandardCharsets.UTF_8))));
            for (Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish claims", e);
        }
    }

    /** The reasons ({@code stride.dlq.reason}) of the records of {@code topic.dlq} with the key, so far. */
    public static List<String> deadLetterReasons(String topic, String key) {
        return DevstackKafka.recordsOf(topic + ".dlq", key).stream()
                .map(record -> record.headers().lastHeader(DeadLetterHandler.REASON_HEADER))
                .filter(Objects::nonNull)
                .map(reason -> new String(reason.value(), StandardCharsets.UTF_8))
                .toList();
    }

    /** A Workout event as live-workout writes it on {@code workouts.workout-events}: sealed for {@code user}. */
    public static void publishSealed(UUID workout, UUID user, SpecificRecord event) {
        Serializer<SpecificRecord> sealing = SealedSerde.sealing(RegistrySerdes.serializer(REGISTRY, true), KEYS,
                value -> user.toString());
        Headers headers = new RecordHeaders();
        byte[] bytes = sealing.serialize(Topics.WORKOUT_EVENTS, headers, event);
        DevstackKafka.publishBytes(Topics.WORKOUT_EVENTS, workout.toString(), bytes, headers);
    }

    /** The user's erasure, as the users service publishes it. */
    public static void erase(UUID user) {
        DevstackKafka.publish(Topics.USER_ERASURES, user.toString(), UserErased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(Instant.now())
                .setData(UserErasedData.newBuilder()
                        .setUserId(user)
                        .setErasedAt(Instant.now())
                        .build())
                .build());
    }

    /** A record of {@code workouts.workout-events}, opened. */
    public record Published(ConsumerRecord<String, byte[]> raw, SpecificRecord value) {
    }

    /** Every record of the workout on {@code workouts.workout-events} so far, in order, opened with the keys. */
    public static List<Published> eventsOf(UUID workout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DEVSTACK.get(Devstack.KAFKA_BOOTSTRAP_SERVERS));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Published> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            int partitions = consumer.partitionsFor(Topics.WORKOUT_EVENTS).size();
            byte[] key = workout.toString().getBytes(StandardCharsets.UTF_8);
            TopicPartition partition = new TopicPartition(Topics.WORKOUT_EVENTS,
                    Utils.toPositive(Utils.murmur2(key)) % partitions);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (workout.toString().equals(record.key()) && record.value() != null) {
                        found.add(new Published(record, EVENTS.deserialize(record.topic(), record.headers(),
                                record.value())));
                    }
                }
            }
        }
        return found;
    }

    /** The partition of {@code workouts.workout-events} a workout's records go to. */
    public static int partitionOf(UUID workout) {
        return Utils.toPositive(Utils.murmur2(workout.toString().getBytes(StandardCharsets.UTF_8)))
                % Topics.catalogue().stream()
                        .filter(topic -> topic.name().equals(Topics.WORKOUT_EVENTS))
                        .findFirst()
                        .orElseThrow()
                        .partitions();
    }

    /** A new workout id whose records share the partition of {@code workout}'s: processed after them, in order. */
    public static UUID samePartitionAs(UUID workout) {
        int partition = partitionOf(workout);
        UUID other = UUID.randomUUID();
        while (partitionOf(other) != partition) {
            other = UUID.randomUUID();
        }
        return other;
    }

    /** Rows of a query on the devstack's PostgreSQL, each as column label to value. */
    public static List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(DEVSTACK.get(Devstack.POSTGRES_JDBC_URL),
                DEVSTACK.get(Devstack.POSTGRES_USER), DEVSTACK.get(Devstack.POSTGRES_PASSWORD));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        row.put(rows.getMetaData().getColumnLabel(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement on the devstack's PostgreSQL. */
    public static int execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(DEVSTACK.get(Devstack.POSTGRES_JDBC_URL),
                DEVSTACK.get(Devstack.POSTGRES_USER), DEVSTACK.get(Devstack.POSTGRES_PASSWORD));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Holds back every append to the event store (a {@code SHARE} lock: reads go on, inserts wait) until the answer is
     * closed, so that a test can line up commands that decided on the same state.
     */
    public static AutoCloseable holdAppends() throws SQLException {
        Connection connection = DriverManager.getConnection(DEVSTACK.get(Devstack.POSTGRES_JDBC_URL),
                DEVSTACK.get(Devstack.POSTGRES_USER), DEVSTACK.get(Devstack.POSTGRES_PASSWORD));
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("lock table workouts.workout_events in share mode");
        }
        return () -> {
            try (connection) {
                connection.rollback();
            }
        };
    }

    /** How many transactions wait to append to the event store. */
    public static long appendsWaiting() {
        return (Long) query("select count(*) as waiting from pg_locks l join pg_class c on c.oid = l.relation"
                + " where c.relname = 'workout_events' and not l.granted").getFirst().get("waiting");
    }

    /** The versions stored for the workout, in order. */
    public static List<Integer> versionsOf(UUID workout) {
        return query("select version from workouts.workout_events where workout_id = ? order by version", workout)
                .stream()
                .map(row -> (Integer) row.get("version"))
                .toList();
    }
}
