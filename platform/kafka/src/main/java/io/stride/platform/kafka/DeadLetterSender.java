package io.stride.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes a record that a batch consumer cannot apply to {@code <topic>.dlq}: its original key, bytes and headers (a
 * sealed record stays sealed), plus the platform's reason, stage and source headers, as {@link DeadLetterHandler}
 * does for Kafka Streams apps. For consumers that take records in batches, where the connector's own dead-letter
 * strategy would send the whole batch.
 */
public final class DeadLetterSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeadLetterSender.class);

    private final KafkaProducer<String, byte[]> producer;

    public DeadLetterSender(String bootstrapServers, String clientId) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends the record with the reason; completes once Kafka holds it.
     *
     * @param stage {@code deserialization} or {@code processing}
     */
    public CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, String stage, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHandler.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHandler.STAGE_HEADER, stage.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHandler.SOURCE_HEADER, (record.topic() + "/" + record.partition() + "/"
                + record.offset()).getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers),
                (metadata, failure) -> {
                    if (failure != null) {
                        sent.completeExceptionally(failure);
                    } else {
                        sent.complete(null);
                    }
                });
        LOG.warnf("record dead-lettered topic=%s partition=%d offset=%d stage=%s reason=%s", record.topic(),
                record.partition(), record.offset(), stage, reason);
        return sent;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
