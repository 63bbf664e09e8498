package io.stride.platform.devices;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.schemas.Topics;

/**
 * Every registered device's credential, in memory, read from the compacted {@link Topics#DEVICE_CREDENTIALS} topic.
 *
 * <p>Every instance of an app that admits devices (the gateway, the workouts service) needs every device (a device may
 * call any instance), so the topic is read whole from the beginning at each start and then followed
 * ({@link CompactedTopicReader}). An app is ready once the store has read up to the end offsets seen at start
 * ({@link DeviceCredentialsReadiness}); a revocation takes effect as soon as it is read. A record that cannot be read
 * goes to {@link Topics#DEVICE_CREDENTIALS_DLQ} with its reason, and its device is refused (fail closed).
 */
@ApplicationScoped
public class DeviceCredentialStore {

    private static final int SHA256_BYTES = 32;

    private final Map<String, KnownDevice> devices = new ConcurrentHashMap<>();
    private final Deserializer<GenericRecord> valueDeserializer;
    private final CompactedTopicReader reader;

    /**
     * @param bootstrapServers the Kafka brokers
     * @param registryUrl      Apicurio Registry v3 API base URL
     * @param meters           where the store's metrics go
     * @param metricPrefix     names the metrics {@code <prefix>.device.credentials.*}
     *                         ({@code stride.devices.metric-prefix})
     */
    public DeviceCredentialStore(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl,
            MeterRegistry meters, @ConfigProperty(name = "stride.devices.metric-prefix") String metricPrefix) {
        valueDeserializer = RegistrySerdes.genericDeserializer(registryUrl);
        reader = new CompactedTopicReader(Topics.DEVICE_CREDENTIALS, bootstrapServers, this::apply);
        Gauge.builder(metricPrefix + ".device.credentials.known", devices, Map::size)
                .description("Device credentials held in memory (revoked ones included)")
                .register(meters);
        Gauge.builder(metricPrefix + ".device.credentials.lag", reader, CompactedTopicReader::lag)
                .description("Records of users.device-credentials not yet read (-1 before the first poll)")
                .register(meters);
        FunctionCounter.builder(metricPrefix + ".device.credentials.dead.letters", reader,
                        CompactedTopicReader::deadLetters)
                .description("Device credential records sent to users.device-credentials.dlq")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        reader.close();
    }

    /** The device's latest credential state, if the device is registered. */
    public Optional<KnownDevice> find(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /**
     * Completes (on the reader's thread) once every credential published before this call has been read: a device
     * registered a moment ago is then known. Never completes while the topic cannot be read; callers bound the wait.
     */
    public CompletableFuture<Void> latest() {
        return reader.latest();
    }

    /** The store has read the topic up to the end offsets seen when it started. */
    public boolean caughtUp() {
        return reader.caughtUp();
    }

    /** Devices held (revoked ones included). */
    public int size() {
        return devices.size();
    }

    /** Records not yet read, -1 before the first poll. */
    public long lag() {
        return reader.lag();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            devices.remove(record.key());
            return;
        }
        try {
            devices.put(record.key(), parse(record));
        } catch (RuntimeException e) {
            // Fail closed: whatever the unreadable record said (perhaps a revocation), the device is refused until a
            // readable record replaces it.
            devices.remove(record.key());
            throw e;
        }
    }

    private KnownDevice parse(ConsumerRecord<String, byte[]> record) {
        GenericRecord value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
        String deviceId = String.valueOf(value.get("deviceId"));
        if (!deviceId.equals(record.key())) {
            throw new IllegalArgumentException("deviceId differs from the record key");
        }
        UUID userId = UUID.fromString(String.valueOf(value.get("userId")));
        byte[] secretSha256 = HexFormat.of().parseHex(String.valueOf(value.get("secretSha256")));
        if (secretSha256.length != SHA256_BYTES) {
            throw new IllegalArgumentException("secretSha256 is not a SHA-256");
        }
        return new KnownDevice(deviceId, userId, secretSha256, value.get("revokedAt") != null);
    }
}
