package io.stride.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.stride.platform.kafka.RegistrySerdes;

/**
 * Follows a topic of the devstack's Kafka from its beginning, as its consumers do, for a test that polls until what it
 * waits for has arrived (with Awaitility). Only the records of the asked key are decoded, through the platform's
 * {@code RegistrySerdes}: a shared topic also holds other tests' records. A null value is a tombstone.
 *
 * @param <V> the topic's value type
 */
public final class TopicFollower<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<V> values;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    /** Starts following {@code topic} from its beginning. */
    public TopicFollower(String topic) {
        Map<String, String> devstack = Devstack.addresses();
        values = RegistrySerdes.<V>forValues(devstack.get(Devstack.APICURIO_REGISTRY_URL), true).deserializer();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "test-follower-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once and answers the records of this key seen so far, oldest first, as written (bytes, sealed or not). */
    public List<ConsumerRecord<String, byte[]>> rawRecordsOf(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }

    /** Polls once and answers the records of this key seen so far, oldest first, their values decoded. */
    public List<ConsumerRecord<String, V>> recordsOf(String key) {
        return rawRecordsOf(key).stream()
                .map(record -> new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                        record.timestamp(), record.timestampType(), record.serializedKeySize(),
                        record.serializedValueSize(), record.key(),
                        record.value() == null ? null : values.deserialize(record.topic(), record.headers(),
                                record.value()),
                        record.headers(), record.leaderEpoch()))
                .toList();
    }

    /** Polls once and answers the values of this key seen so far, oldest first (null: a tombstone). */
    public List<V> valuesOf(String key) {
        return recordsOf(key).stream().map(ConsumerRecord::value).toList();
    }

    /** Polls once and answers the latest record of this key seen so far. */
    public Optional<ConsumerRecord<String, V>> lastOf(String key) {
        List<ConsumerRecord<String, V>> records = recordsOf(key);
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
