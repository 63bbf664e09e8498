package io.stride.queries.livetracking;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.testing.Devstack;

/** Publishes to the devstack's Kafka as the upstream apps do. */
public final class LiveStates {

    private LiveStates() {
    }

    /** One live state on {@code workouts.live-state}, keyed by workout id. */
    public static void publish(LiveWorkoutState state) throws Exception {
        publish(Topics.LIVE_WORKOUT_STATE, state.getWorkoutId().toString(), state);
    }

    /** One Avro record on a topic, its schema registered as the upstream apps register it. */
    public static <T extends SpecificRecord> void publish(String topic, String key, T value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                SerdeConfig.REGISTRY_URL, Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL),
                SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
                SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName());
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** A record with these raw bytes on a topic (the bytes need not be a valid value). */
    public static void publishRaw(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
