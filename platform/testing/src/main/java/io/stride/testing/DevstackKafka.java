package io.stride.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stride.platform.kafka.RegistrySerdes;

/**
 * The devstack's Kafka for tests: writes records as the apps do (string keys, Avro values through the registry, or
 * bytes already encoded or sealed) and reads them back raw (bytes and headers as written, sealed values still sealed),
 * from the beginning of a topic up to its end, or until what a test waits for has arrived. Callers bring
 * {@code io.stride:kafka} (the platform's serdes) on their test classpath.
 */
public final class DevstackKafka {

    /** Longest a read waits for Kafka. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private DevstackKafka() {
    }

    private static String bootstrap() {
        return Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS);
    }

    private static String registry() {
        return Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL);
    }

    /** An idempotent producer whose values are registered (auto-registration, as in dev and test). */
    public static <T extends SpecificRecord> KafkaProducer<String, T> producer() {
        Map<String, Object> config = new HashMap<>(RegistrySerdes.config(registry(), true));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(),
                RegistrySerdes.<T>forValues(registry(), true).serializer());
    }

    /** The serializer the apps' values go through (the registry's, auto-registering); close it after use. */
    public static Serializer<SpecificRecord> avro() {
        return RegistrySerdes.serializer(registry(), true);
    }

    /** Sends one record and waits for Kafka's acknowledgement. */
    public static <T extends SpecificRecord> void publish(String topic, String key, T value) {
        Headers headers = new RecordHeaders();
        byte[] bytes;
        try (Serializer<SpecificRecord> serializer = avro()) {
            bytes = serializer.serialize(topic, headers, value);
        }
        publishBytes(topic, key, bytes, headers);
    }

    /** Sends one record of bytes as they are (a tombstone when {@code value} is null) and waits for Kafka's acknowledgement. */
    public static void publishBytes(String topic, String key, byte[] value, Headers headers) {
        try {
            Holder.PRODUCER.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A consumer of raw keys and values, without a group, that reads uncommitted records too. */
    public static KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"));
    }

    /** The records of one key of one topic, from the beginning up to its end now, raw (a null value is a tombstone). */
    public static List<ConsumerRecord<byte[], byte[]>> recordsOf(String topic, String key) {
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            readAll(consumer, partitions(consumer, topic), record -> {
                if (Arrays.equals(wanted, record.key())) {
                    matching.add(record);
                }
            });
        }
        return matching;
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records of {@code key} that {@code wanted} accepts
     * have arrived (waiting for them to be written); fails after two minutes with what it saw.
     */
    public static List<ConsumerRecord<byte[], byte[]>> awaitRecordsOf(String topic, String key, int count,
            Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        byte[] wantedKey = key.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (matching.size() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("waited " + READ_TIMEOUT + " for " + count + " records of key " + key
                            + " on " + topic + "; found " + matching.size() + " of " + seen + " with that key");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (Arrays.equals(wantedKey, record.key())) {
                        seen++;
                        if (wanted.test(record)) {
                            matching.add(record);
                        }
                    }
                }
            }
        }
        return matching;
    }

    /** Hands every record of the partitions, from the beginning up to their end offsets now, to {@code sink}. */
    public static void readAll(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Kafka was not read in time: " + partitions);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(sink);
        }
    }

    /** Every partition of {@code topic}. */
    public static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    /** One producer of bytes for the test JVM, made on first use. */
    private static final class Holder {
        static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }
}
