package io.stride.benchmarks.load;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.schemas.users.TelemetryKey;

/**
 * What the users service would have published for the benchmark's athletes and devices: a {@code DeviceCredential}
 * per device (ADR 0006: device id a UUID, the workout's user, SHA-256 of its secret, model "Stride load generator") and
 * a {@code TelemetryKey} per user (ADR 0010: wrapped by the devstack's key-encryption key, as at registration).
 */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * Publishes every workload's credential and telemetry key, waits until the gateway admits the last device, and
     * returns the keys, open, for sealing what the driver produces to Kafka itself.
     */
    static UserKeyring register(Platform platform, GatewayClient gateway, List<Workload> workloads) throws Exception {
        Instant now = Instant.now();
        List<ProducerRecord<String, DeviceCredential>> credentials = new ArrayList<>();
        for (Workload workload : workloads) {
            credentials.add(new ProducerRecord<>(Topics.DEVICE_CREDENTIALS, workload.deviceId,
                    DeviceCredential.newBuilder()
                            .setDeviceId(workload.deviceId)
                            .setUserId(workload.userId)
                            .setSecretSha256(workload.secretSha256())
                            .setModel("Stride load generator")
                            .setRegisteredAt(now)
                            .setRevokedAt(null)
                            .build()));
        }
        publish(platform, credentials);
        UserKeyring keyring = telemetryKeys(platform, workloads.stream().map(workload -> workload.userId).toList());
        // the gateway reads the credentials from the compacted topic: wait until it admits the last device
        gateway.awaitAdmitted(workloads.getLast());
        return keyring;
    }

    /**
     * Publishes a {@code TelemetryKey} per user (wrapped by the devstack's key-encryption key, as the users service does
     * at registration) and returns the keys, open, for sealing what the driver produces to Kafka itself.
     */
    static UserKeyring telemetryKeys(Platform platform, List<java.util.UUID> users) throws Exception {
        Instant now = Instant.now();
        UserKeyring keyring = new UserKeyring();
        Aead kek = TelemetryKeys.readKek(platform.kekLocation());
        List<ProducerRecord<String, TelemetryKey>> keys = new ArrayList<>();
        for (java.util.UUID userId : users) {
            String user = userId.toString();
            byte[] wrapped = TelemetryKeys.newWrappedKey(user, kek);
            keyring.put(user, TelemetryKeys.unwrap(user, wrapped, kek));
            keys.add(new ProducerRecord<>(Topics.TELEMETRY_KEYS, user, TelemetryKey.newBuilder()
                    .setUserId(userId)
                    .setWrappedKeyset(ByteBuffer.wrap(wrapped))
                    .setCreatedAt(now)
                    .build()));
        }
        publish(platform, keys);
        return keyring;
    }

    private static <T extends SpecificRecord> void publish(Platform platform, List<ProducerRecord<String, T>> records)
            throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(config, new StringSerializer(),
                RegistrySerdes.<T>serializer(platform.registryUrl(), true))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
