package io.stride.ingest.telemetrygateway.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.restassured.http.ContentType;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.testing.Devstack;

/**
 * Registers devices as the users service does: a {@link DeviceCredential} record on the real devstack's
 * {@link Topics#DEVICE_CREDENTIALS} topic, which the gateway under test reads.
 */
final class TestDevices {

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** A new device of {@code user}, published; call {@link Device#awaitAdmitted()} before using it. */
    static Device register(UUID user) throws Exception {
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

    static void publish(String key, DeviceCredential value) throws Exception {
        String registry = Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL);
        try (AvroKafkaSerializer<DeviceCredential> serializer = new AvroKafkaSerializer<>()) {
            serializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registry, SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
                    SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName()), false);
            var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            byte[] bytes = serializer.serialize(Topics.DEVICE_CREDENTIALS, headers, value);
            publishBytes(key, bytes, headers);
        }
    }

    static void publishBytes(String key, byte[] value) throws Exception {
        publishBytes(key, value, new org.apache.kafka.common.header.internals.RecordHeaders());
    }

    private static void publishBytes(String key, byte[] value, org.apache.kafka.common.header.Headers headers)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DEVICE_CREDENTIALS, null, key, value, headers))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static int probe(String authorization) {
        return given().contentType(ContentType.JSON).header("Authorization", authorization)
                .body("{\"samples\": []}")
                .post("/api/v1/telemetry/batches")
                .statusCode();
    }
}
