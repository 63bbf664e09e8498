package io.stride.systemtests;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.testing.Devstack;

/** Writes records to the devstack's Kafka as the apps do: string keys, Avro values through the registry. */
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
}
