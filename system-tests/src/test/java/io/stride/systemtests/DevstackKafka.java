package io.stride.systemtests;

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

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.testing.Devstack;

/**
 * The devstack's Kafka for system tests: writes records as the apps do (string keys, Avro values through the registry)
 * and reads them back raw (bytes and headers as written, sealed values still sealed).
 */
final class DevstackKafka {

    private DevstackKafka() {
    }

    /** An idempotent producer whose values are registered (auto-registration, as in dev and test). */
    static <T extends SpecificRecord> KafkaProducer<String, T> producer() {
        Map<String, String> addresses = Devstack.addresses();
        String registry = addresses.get(Devstack.APICURIO_REGISTRY_URL);
        Map<String, Object> config = new HashMap<>(RegistrySerdes.config(registry, true));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, addresses.get(Devstack.KAFKA_BOOTSTRAP_SERVERS));
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(),
                RegistrySerdes.<T>forValues(registry, true).serializer());
    }

    /** Sends one record and waits for Kafka's acknowledgement. */
    static <T extends SpecificRecord> void publish(String topic, String key, T value) throws Exception {
        try (KafkaProducer<String, T> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** A consumer of raw keys and values, without a group, that reads uncommitted records too. */
    static KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"));
    }

    /** The records of one key of one topic, from the beginning, raw (a null value is a tombstone). */
    static List<ConsumerRecord<byte[], byte[]>> recordsOf(String topic, String key) {
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            readAll(consumer, partitions, record -> {
                if (Arrays.equals(wanted, record.key())) {
                    matching.add(record);
                }
            });
        }
        return matching;
    }

    /** Hands every record of the partitions, from the beginning up to their end offsets now, to {@code sink}. */
    static void readAll(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Kafka was not read in time: " + partitions);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(sink);
        }
    }
}
