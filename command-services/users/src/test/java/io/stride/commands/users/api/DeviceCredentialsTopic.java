package io.stride.commands.users.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.testing.Devstack;

/**
 * Reads {@code users.device-credentials} from the beginning, as the telemetry gateway does. Only the records of the
 * asked keys are decoded: the shared topic also holds other tests' records, written with other serdes.
 */
final class DeviceCredentialsTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<DeviceCredential> values;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    DeviceCredentialsTopic() {
        Map<String, String> devstack = Devstack.addresses();
        Serde<DeviceCredential> serde = RegistrySerdes.forValues(devstack.get(Devstack.APICURIO_REGISTRY_URL), true);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "users-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        values = serde.deserializer();
        consumer.subscribe(List.of(Topics.DEVICE_CREDENTIALS));
    }

    /** Polls once and answers the records of this key seen so far, oldest first. */
    List<ConsumerRecord<String, DeviceCredential>> recordsOf(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                        record.timestamp(), record.timestampType(), record.serializedKeySize(),
                        record.serializedValueSize(), record.key(),
                        record.value() == null ? null : values.deserialize(record.topic(), record.headers(),
                                record.value()),
                        record.headers(), record.leaderEpoch()))
                .toList();
    }

    Optional<ConsumerRecord<String, DeviceCredential>> lastOf(String key) {
        List<ConsumerRecord<String, DeviceCredential>> records = recordsOf(key);
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
