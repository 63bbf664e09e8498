package io.stride.queries.workouthistory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.schemas.Topics;
import io.stride.schemas.users.TelemetryKey;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.testing.Devstack;

/**
 * The devstack's Kafka as the platform's other services fill it: athletes' telemetry keys (as the users service
 * publishes them), Workout events sealed with them (as the workouts service and live-workout publish them), erasures
 * and key shredding.
 */
public final class TestKafka {

    private static final Aead KEK = TelemetryKeys.readKek(
            Path.of(Devstack.addresses().get(Devstack.TELEMETRY_KEK_LOCATION)));
    private static final Map<UUID, Aead> KEYS = new ConcurrentHashMap<>();
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    private static final AvroKafkaSerializer<SpecificRecord> AVRO = avro();

    private TestKafka() {
    }

    private static AvroKafkaSerializer<SpecificRecord> avro() {
        AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(Map.of(SerdeConfig.REGISTRY_URL, Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL),
                SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
                SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName()), false);
        return serializer;
    }

    /** A new athlete with a published telemetry key. */
    public static UUID athlete() {
        UUID user = UUID.randomUUID();
        byte[] wrapped = TelemetryKeys.newWrappedKey(user.toString(), KEK);
        try {
            KEYS.put(user, TelemetryKeys.unwrap(user.toString(), wrapped, KEK));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        send(Topics.TELEMETRY_KEYS, user.toString(), TelemetryKey.newBuilder()
                .setUserId(user)
                .setWrappedKeyset(ByteBuffer.wrap(wrapped))
                .setCreatedAt(Instant.now())
                .build(), false);
        return user;
    }

    /** Publishes Workout events of {@code user}'s workout, sealed with the user's key, in order. */
    public static void publish(UUID user, UUID workout, SpecificRecord... events) {
        for (SpecificRecord event : events) {
            sendEvent(user, workout, event, true);
        }
        PRODUCER.flush();
    }

    /** Publishes Workout events as records written before sealing (no header, plain Avro). */
    public static void publishUnsealed(UUID workout, SpecificRecord... events) {
        for (SpecificRecord event : events) {
            sendEvent(null, workout, event, false);
        }
        PRODUCER.flush();
    }

    private static void sendEvent(UUID user, UUID workout, SpecificRecord event, boolean sealed) {
        Headers headers = new RecordHeaders();
        byte[] bytes = AVRO.serialize(Topics.WORKOUT_EVENTS, headers, event);
        if (sealed) {
            Aead key = KEYS.get(user);
            bytes = SealedSerde.seal(key, user.toString(), bytes);
            headers.add(SealedSerde.SEALED_FOR_HEADER, user.toString().getBytes(StandardCharsets.UTF_8));
        }
        sendBytes(Topics.WORKOUT_EVENTS, workout.toString(), bytes, headers);
    }

    /** Publishes raw bytes as a Workout event record of the workout. */
    public static void publishBytes(UUID workout, byte[] value) {
        sendBytes(Topics.WORKOUT_EVENTS, workout.toString(), value, new RecordHeaders());
        PRODUCER.flush();
    }

    /** The users service erases the athlete: the erasure, and the key's tombstone (shredding it). */
    public static void erase(UUID user) {
        send(Topics.USER_ERASURES, user.toString(), UserErased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(Instant.now())
                .setData(UserErasedData.newBuilder().setUserId(user).setErasedAt(Instant.now()).build())
                .build(), false);
        sendBytes(Topics.TELEMETRY_KEYS, user.toString(), null, new RecordHeaders());
        PRODUCER.flush();
    }

    private static void send(String topic, String key, SpecificRecord value, boolean flush) {
        Headers headers = new RecordHeaders();
        byte[] bytes = AVRO.serialize(topic, headers, value);
        sendBytes(topic, key, bytes, headers);
        if (!flush) {
            PRODUCER.flush();
        }
    }

    private static void sendBytes(String topic, String key, byte[] value, Headers headers) {
        try {
            PRODUCER.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every record of the dead-letter topic with this key, from the beginning. */
    public static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        String topic = Topics.WORKOUT_EVENTS_DLQ;
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
