package io.stride.commands.users.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.testing.Devstack;

/**
 * Reads a topic from the beginning, as its consumers do. Only the records of the asked key are decoded (the shared
 * topic also holds other tests' records); a null value is a tombstone.
 */
final class TopicRecords<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<V> values;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    TopicRecords(String topic) {
        Map<String, String> devstack = Devstack.addresses();
        Serde<V> serde = RegistrySerdes.forValues(devstack.get(Devstack.APICURIO_REGISTRY_URL), true);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "users-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        values = serde.deserializer();
        consumer.subscribe(List.of(topic));
    }

    /** Polls once and answers the values of this key seen so far, oldest first (null: a tombstone). */
    List<V> valuesOf(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> record.value() == null ? null
                        : values.deserialize(record.topic(), record.headers(), record.value()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
