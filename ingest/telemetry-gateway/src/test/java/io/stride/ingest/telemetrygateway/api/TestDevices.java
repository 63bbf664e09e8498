package io.stride.ingest.telemetrygateway.api;

import static org.awaitility.Awaitility.await;

import static io.restassured.RestAssured.given;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.google.crypto.tink.Aead;

import io.restassured.http.ContentType;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.schemas.users.TelemetryKey;
import io.stride.schemas.workout.WorkoutOwner;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * Registers users and devices as the users service does: a {@link TelemetryKey} record on the real devstack's
 * {@link Topics#TELEMETRY_KEYS} topic and a {@link DeviceCredential} record on {@link Topics#DEVICE_CREDENTIALS},
 * which the gateway under test reads; opens the records the gateway seals.
 */
final class TestDevices {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Aead KEK = TelemetryKeys.readKek(
            Path.of(Devstack.addresses().get(Devstack.TELEMETRY_KEK_LOCATION)));
    /** The users' keys as the devstack holds them, read for the whole test JVM. */
    private static final UserKeyring KEYS = new UserKeyring();

    static {
        TelemetryKeys.follow(KEYS, KEK, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL));
    }

    private TestDevices() {
    }

    /** A registered device and its credential. */
    record Device(String deviceId, UUID userId, String secret) {

        String authorization() {
            return "Device " + deviceId + "." + secret;
        }

        /** Waits until the gateway admits the credential (an empty batch gets 400 instead of 401). */
        Device awaitAdmitted() {
            await("gateway admits " + deviceId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> probe(authorization()) != 401);
            return this;
        }

        /** Waits until the gateway refuses the credential with 401. */
        void awaitRefused() {
            await("gateway refuses " + deviceId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> probe(authorization()) == 401);
        }

        void revoke() throws Exception {
            publish(deviceId, record(this, sha256Hex(secret), Instant.now()));
        }

        void remove() throws Exception {
            publishBytes(deviceId, null);
        }
    }

    /** A new device of {@code user} (given a telemetry key), published; {@link Device#awaitAdmitted()} it before use. */
    static Device register(UUID user) throws Exception {
        issueTelemetryKey(user);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Device device = new Device(UUID.randomUUID().toString(), user,
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        publish(device.deviceId(), record(device, sha256Hex(device.secret()), null));
        return device;
    }

    /** A registered, admitted device of a new user. */
    static Device admitted() throws Exception {
        return register(UUID.randomUUID()).awaitAdmitted();
    }

    static String sha256Hex(String secret) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    }

    static DeviceCredential record(Device device, String secretSha256, Instant revokedAt) {
        return DeviceCredential.newBuilder()
                .setDeviceId(device.deviceId())
                .setUserId(device.userId())
                .setSecretSha256(secretSha256)
                .setModel("Test watch")
                .setRegisteredAt(Instant.now())
                .setRevokedAt(revokedAt)
                .build();
    }

    /** A new user with a published telemetry key (as after registering with the users service). */
    static UUID userWithKey() {
        UUID user = UUID.randomUUID();
        try {
            issueTelemetryKey(user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return user;
    }

    /** Publishes a new telemetry key of the user, wrapped by the devstack's key-encryption key. */
    static void issueTelemetryKey(UUID user) throws Exception {
        byte[] wrapped = TelemetryKeys.newWrappedKey(user.toString(), KEK);
        DevstackKafka.publish(Topics.TELEMETRY_KEYS, user.toString(), TelemetryKey.newBuilder()
                .setUserId(user)
                .setWrappedKeyset(ByteBuffer.wrap(wrapped))
                .setCreatedAt(Instant.now())
                .build());
    }

    /** Publishes that the workout belongs to {@code owner}, as live-workout does when the workout opens. */
    static void claimWorkout(UUID workout, UUID owner) throws Exception {
        DevstackKafka.publish(Topics.WORKOUT_OWNERS, workout.toString(), WorkoutOwner.newBuilder()
                .setWorkoutId(workout)
                .setUserId(owner)
                .setClaimedAt(Instant.now())
                .build());
    }

    /** The plain bytes of a record the gateway sealed (the user's key is read from the devstack). */
    static byte[] unseal(ConsumerRecord<String, byte[]> record) {
        Header sealedFor = record.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER);
        if (sealedFor == null) {
            throw new AssertionError("record not sealed: " + record.topic() + "/" + record.offset());
        }
        String user = new String(sealedFor.value(), StandardCharsets.UTF_8);
        return SealedSerde.open(KEYS.keyOf(user), user, record.value());
    }

    static void publish(String key, DeviceCredential value) throws Exception {
        DevstackKafka.publish(Topics.DEVICE_CREDENTIALS, key, value);
    }

    static void publishBytes(String key, byte[] value) throws Exception {
        DevstackKafka.publishBytes(Topics.DEVICE_CREDENTIALS, key, value, new RecordHeaders());
    }

    private static int probe(String authorization) {
        return given().contentType(ContentType.JSON).header("Authorization", authorization)
                .body("{\"samples\": []}")
                .post("/api/v1/telemetry/batches")
                .statusCode();
    }
}
