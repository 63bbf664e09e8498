package io.stride.ingest.telemetrygateway.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stride.schemas.Topics;

/**
 * Every registered device's credential, in memory, read from the compacted {@link Topics#DEVICE_CREDENTIALS} topic.
 *
 * <p>Every gateway instance needs every device (a device may connect to any instance), so this is a plain consumer
 * assigned to all partitions, without a consumer group and without committed offsets: it reads the topic from the
 * beginning at each start and then follows it. Kafka Streams' GlobalKTable would do the same at the price of a
 * Streams runtime, a state directory and RocksDB in an edge app whose only state is this map.
 *
 * <p>The gateway is ready once the store has read up to the end offsets seen at start; a revocation takes effect as
 * soon as it is read. A record that cannot be read goes to {@link Topics#DEVICE_CREDENTIALS_DLQ} with its reason.
 */
@ApplicationScoped
public class DeviceCredentialStore {

    /** Same header as the platform's Streams dead-letter handler. */
    static final String REASON_HEADER = "stride.dlq.reason";

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final int SHA256_BYTES = 32;

    private final Map<String, KnownDevice> devices = new ConcurrentHashMap<>();
    private final AvroKafkaDeserializer<GenericRecord> valueDeserializer = new AvroKafkaDeserializer<>();
    private final AtomicLong lag = new AtomicLong(-1);
    private final String bootstrapServers;
    private final String registryUrl;
    private final Counter deadLetters;
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;
    private KafkaProducer<String, byte[]> deadLetterProducer;

    DeviceCredentialStore(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl,
            MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        Gauge.builder("gateway.device.credentials.known", devices, Map::size)
                .description("Device credentials held in memory (revoked ones included)")
                .register(meters);
        Gauge.builder("gateway.device.credentials.lag", lag, AtomicLong::get)
                .description("Records of users.device-credentials not yet read (-1 before the first poll)")
                .register(meters);
        this.deadLetters = Counter.builder("gateway.device.credentials.dead.letters")
                .description("Device credential records sent to users.device-credentials.dlq")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        reader = Thread.ofPlatform().name("device-credentials-reader").daemon().start(this::readForever);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            reader.join(Duration.ofSeconds(10));
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    /** The device's latest credential state, if the device is registered. */
    public Optional<KnownDevice> find(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** The store has read the topic up to the end offsets seen when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Devices held (revoked ones included). */
    public int size() {
        return devices.size();
    }

    /** Records not yet read, -1 before the first poll. */
    public long lag() {
        return lag.get();
    }

    private void readForever() {
        while (running) {
            try (KafkaConsumer<String, byte[]> current = newConsumer()) {
                consumer = current;
                read(current);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "reading %s failed; reading it again from the beginning", Topics.DEVICE_CREDENTIALS);
                pause();
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> current) {
        List<TopicPartition> partitions = partitions(current);
        current.assign(partitions);
        current.seekToBeginning(partitions);
        Map<TopicPartition, Long> target = current.endOffsets(partitions);
        Log.infof("reading %s partitions=%d records up to offsets %s", Topics.DEVICE_CREDENTIALS, partitions.size(),
                target.values());
        while (running) {
            for (ConsumerRecord<String, byte[]> record : current.poll(POLL_TIMEOUT)) {
                apply(record);
            }
            updateLag(current, partitions);
            if (!caughtUp && partitions.stream().allMatch(p -> current.position(p) >= target.get(p))) {
                caughtUp = true;
                Log.infof("device credentials caught up devices=%d", devices.size());
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> current) {
        while (running) {
            List<TopicPartition> partitions = current.partitionsFor(Topics.DEVICE_CREDENTIALS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            Log.warnf("topic %s not found yet; waiting for it", Topics.DEVICE_CREDENTIALS);
            pause();
        }
        throw new WakeupException();
    }

    private void updateLag(KafkaConsumer<String, byte[]> current, List<TopicPartition> partitions) {
        long total = 0;
        for (TopicPartition partition : partitions) {
            var partitionLag = current.currentLag(partition);
            if (partitionLag.isEmpty()) {
                return;
            }
            total += partitionLag.getAsLong();
        }
        lag.set(total);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            deadLetter(record, "record without a key (device id)");
            return;
        }
        if (record.value() == null) {
            devices.remove(record.key());
            return;
        }
        KnownDevice device;
        try {
            device = parse(record);
        } catch (RuntimeException e) {
            // Fail closed: whatever the unreadable record said (perhaps a revocation), the device is refused until a
            // readable record replaces it.
            devices.remove(record.key());
            deadLetter(record, "unreadable DeviceCredential: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        devices.put(record.key(), device);
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

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "telemetry-gateway-device-credentials-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> serde = new HashMap<>();
        serde.put(SerdeConfig.REGISTRY_URL, registryUrl);
        serde.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, false);
        valueDeserializer.configure(serde, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        Log.warnf("device credential record to the dead-letter topic partition=%d offset=%d reason=%s",
                record.partition(), record.offset(), reason);
        try {
            if (deadLetterProducer == null) {
                deadLetterProducer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                        new StringSerializer(), new ByteArraySerializer());
            }
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            deadLetterProducer.send(new ProducerRecord<>(Topics.DEVICE_CREDENTIALS_DLQ, null, record.key(),
                    record.value(), headers)).get(30, TimeUnit.SECONDS);
            deadLetters.increment();
        } catch (Exception e) {
            // The record stays unreadable whatever happens: its device is refused until a valid record replaces it.
            Log.errorf(e, "could not dead-letter device credential record partition=%d offset=%d",
                    record.partition(), record.offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
