package io.stride.queries.workouthistory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.schemas.Topics;
import io.stride.schemas.users.TelemetryKey;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * The devstack's Kafka as the platform's other services fill it: athletes' telemetry keys (as the users service
 * publishes them), Workout events sealed with them (as the workouts service and live-workout publish them), erasures
 * and key shredding.
 */
public final class TestKafka {

    private static final Aead KEK = TelemetryKeys.readKek(
            Path.of(Devstack.addresses().get(Devstack.TELEMETRY_KEK_LOCATION)));
    private static final Map<UUID, Aead> KEYS = new ConcurrentHashMap<>();
    private static final Serializer<SpecificRecord> AVRO = DevstackKafka.avro();

    private TestKafka() {
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
        DevstackKafka.publish(Topics.TELEMETRY_KEYS, user.toString(), TelemetryKey.newBuilder()
                .setUserId(user)
                .setWrappedKeyset(ByteBuffer.wrap(wrapped))
                .setCreatedAt(Instant.now())
                .build());
        return user;
    }

    /** Publishes Workout events of {@code user}'s workout, sealed with the user's key, in order. */
    public static void publish(UUID user, UUID workout, SpecificRecord... events) {
        for (SpecificRecord event : events) {
            sendEvent(user, workout, event, true);
        }
    }

    /** Publishes Workout events as records written before sealing (no header, plain Avro). */
    public static void publishUnsealed(UUID workout, SpecificRecord... events) {
        for (SpecificRecord event : events) {
            sendEvent(null, workout, event, false);
        }
    }

    private static void sendEvent(UUID user, UUID workout, SpecificRecord event, boolean sealed) {
        Headers headers = new RecordHeaders();
        byte[] bytes = AVRO.serialize(Topics.WORKOUT_EVENTS, headers, event);
        if (sealed) {
            Aead key = KEYS.get(user);
            bytes = SealedSerde.seal(key, user.toString(), bytes);
            headers.add(SealedSerde.SEALED_FOR_HEADER, user.toString().getBytes(StandardCharsets.UTF_8));
        }
        DevstackKafka.publishBytes(Topics.WORKOUT_EVENTS, workout.toString(), bytes, headers);
    }

    /** Publishes raw bytes as a Workout event record of the workout. */
    public static void publishBytes(UUID workout, byte[] value) {
        DevstackKafka.publishBytes(Topics.WORKOUT_EVENTS, workout.toString(), value, new RecordHeaders());
    }

    /** The users service erases the athlete: the erasure, and the key's tombstone (shredding it). */
    public static void erase(UUID user) {
        DevstackKafka.publish(Topics.USER_ERASURES, user.toString(), UserErased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(Instant.now())
                .setData(UserErasedData.newBuilder().setUserId(user).setErasedAt(Instant.now()).build())
                .build());
        DevstackKafka.publishBytes(Topics.TELEMETRY_KEYS, user.toString(), null, new RecordHeaders());
    }
}
