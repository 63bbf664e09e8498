package io.stride.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.TelemetryKeys;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.schemas.users.TelemetryKey;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * Device credentials for tests, registered as the users service does: a {@link DeviceCredential} record (SHA-256 of
 * a random secret) on {@link Topics#DEVICE_CREDENTIALS} through the devstack's Kafka. The gateway admits a device's
 * samples once it has read that record.
 *
 * <pre>{@code
 * DeviceCredentials.Device watch = DeviceCredentials.register(userId);
 * watch.awaitAdmittedBy(gateway.baseUrl());
 * given().header("Authorization", watch.authorization())...
 * }</pre>
 */
final class DeviceCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DeviceCredentials() {
    }

    /**
     * A device the test registered.
     *
     * @param deviceId the device id (a UUID string) its samples must carry
     * @param userId   the only user its samples may be for
     * @param secret   the credential's secret part
     */
    record Device(String deviceId, UUID userId, String secret) {

        /** The credential, {@code <deviceId>.<secret>}. */
        String credential() {
            return deviceId + "." + secret;
        }

        /** The value of the {@code Authorization} header the device sends. */
        String authorization() {
            return "Device " + credential();
        }

        /** Waits until the gateway admits this device (it answers a credential check other than 401). */
        void awaitAdmittedBy(String gatewayBaseUrl) {
            await("gateway admits device " + deviceId)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> probe(gatewayBaseUrl, authorization()) != 401);
        }

        /** Waits until the gateway refuses this device with 401 (after a revocation or removal). */
        void awaitRefusedBy(String gatewayBaseUrl) {
            await("gateway refuses device " + deviceId)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> probe(gatewayBaseUrl, authorization()) == 401);
        }

        /** Publishes the revocation of this device's credential, as the users service does on DELETE. */
        void revoke() throws Exception {
            DevstackKafka.publish(Topics.DEVICE_CREDENTIALS, deviceId, record(this, Instant.now()));
        }

        /** Publishes a tombstone: the device no longer exists. */
        void remove() throws Exception {
            DevstackKafka.<DeviceCredential>publish(Topics.DEVICE_CREDENTIALS, deviceId, null);
        }
    }

    /**
     * Registers a new device (random UUID id and secret) for {@code userId} and returns it; the user first gets a
     * telemetry key (ADR 0010), as registering with the users service gives one.
     */
    static Device register(UUID userId) throws Exception {
        issueTelemetryKey(userId);
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        Device device = new Device(UUID.randomUUID().toString(), userId,
                Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes));
        DevstackKafka.publish(Topics.DEVICE_CREDENTIALS, device.deviceId(), record(device, null));
        return device;
    }

    /** Publishes a new telemetry key of the user, wrapped by the devstack's key-encryption key. */
    static void issueTelemetryKey(UUID userId) throws Exception {
        Aead kek = TelemetryKeys.readKek(Path.of(Devstack.addresses().get(Devstack.TELEMETRY_KEK_LOCATION)));
        DevstackKafka.publish(Topics.TELEMETRY_KEYS, userId.toString(), TelemetryKey.newBuilder()
                .setUserId(userId)
                .setWrappedKeyset(ByteBuffer.wrap(TelemetryKeys.newWrappedKey(userId.toString(), kek)))
                .setCreatedAt(Instant.now())
                .build());
    }

    /** Lower-case hex SHA-256 of a secret, as published in {@code secretSha256}. */
    static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeviceCredential record(Device device, Instant revokedAt) {
        return DeviceCredential.newBuilder()
                .setDeviceId(device.deviceId())
                .setUserId(device.userId())
                .setSecretSha256(sha256Hex(device.secret()))
                .setModel("System test watch")
                .setRegisteredAt(Instant.now())
                .setRevokedAt(revokedAt)
                .build();
    }

    /**
     * Status of an empty batch sent with the credential: 401 while the gateway does not admit it, 400 (a batch must
     * hold a sample) once it does. Nothing is published.
     */
    private static int probe(String gatewayBaseUrl, String authorization) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayBaseUrl + "/api/v1/telemetry/batches"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{\"samples\":[]}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
