package io.stride.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;

/**
 * Routes a record that cannot be deserialized or processed to {@code <source-topic>.dlq} with the reason in
 * headers, counts it in {@code processors.dead-letters}, and lets processing continue. Failures that are not the
 * record's fault (schema registry unreachable, serialization towards a store or sink) fail the task instead. The original bytes are kept
 * unchanged so the record can be replayed. If the dead-letter write itself fails the task fails: a record is never
 * dropped silently.
 *
 * <p>A record sealed with a user's telemetry key that has been shredded ({@link UserKeyring.ShreddedKey}: the user was
 * erased) is no failure: it is skipped, counted in {@code processors.erased-user-records{topic}} and logged with its
 * offset only, never dead-lettered; as a sink's record (serialization of an erased user's output) it is not written.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler,
        ProductionExceptionHandler {

    /** Records of erased users skipped, by source topic. */
    public static final String ERASED_RECORDS_METRIC = "processors.erased-user-records";

    /** Header with a short, human-readable reason. */
    public static final String REASON_HEADER = "stride.dlq.reason";
    /** Header with the failing stage: {@code deserialization} or {@code processing}. */
    public static final String STAGE_HEADER = "stride.dlq.stage";
    /** Header with {@code topic/partition/offset} of the source record. */
    public static final String SOURCE_HEADER = "stride.dlq.source";

    private static final Logger LOG = Logger.getLogger(DeadLetterHandler.class);

    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dlq");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (isShreddedKey(exception)) {
            skipErased(context.topic(), context.partition(), context.offset());
            return DeserializationHandlerResponse.CONTINUE;
        }
        if (isUnreachableDependency(exception)) {
            LOG.errorf(exception, "deserialization failed for a reason outside the record topic=%s partition=%d "
                    + "offset=%d", context.topic(), context.partition(), context.offset());
            return DeserializationHandlerResponse.FAIL;
        }
        boolean written = send(context, "deserialization", record.key(), record.value(), exception);
        return written ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (isUnreachableDependency(exception) || isSerializationFailure(exception)) {
            // Not the record's fault (registry down, schema not registered): fail the task so it is retried after a
            // restart, rather than bury good records in the dead-letter topic.
            LOG.errorf(exception, "processing failed for a reason outside the record topic=%s partition=%d offset=%d",
                    context.topic(), context.partition(), context.offset());
            return ProcessingHandlerResponse.FAIL;
        }
        boolean written = send(context, "processing", context.sourceRawKey(), context.sourceRawValue(), exception);
        return written ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    @Override
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        if (isShreddedKey(exception)) {
            skipErased(record.topic(), context.partition(), context.offset());
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        LOG.errorf(exception, "serialization towards %s failed topic=%s partition=%d offset=%d", record.topic(),
                context.topic(), context.partition(), context.offset());
        return ProductionExceptionHandlerResponse.FAIL;
    }

    private static void skipErased(String topic, int partition, long offset) {
        Metrics.counter(ERASED_RECORDS_METRIC, "topic", topic).increment();
        LOG.debugf("record of an erased user skipped topic=%s partition=%d offset=%d", topic, partition, offset);
    }

    static boolean isShreddedKey(Throwable exception) {
        return anyCause(exception, UserKeyring.ShreddedKey.class::isInstance);
    }

    private boolean send(ErrorHandlerContext context, String stage, byte[] key, byte[] value, Exception exception) {
        String dlqTopic = context.topic() + ".dlq";
        String reason = reason(exception);
        Headers headers = new RecordHeaders(context.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(STAGE_HEADER, stage.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, (context.topic() + "/" + context.partition() + "/" + context.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(dlqTopic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
            Metrics.counter("processors.dead-letters", "topic", context.topic(), "stage", stage).increment();
            LOG.warnf("record sent to dead-letter topic topic=%s partition=%d offset=%d stage=%s reason=%s",
                    context.topic(), context.partition(), context.offset(), stage, reason);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            LOG.errorf(e, "dead-letter write failed topic=%s partition=%d offset=%d", context.topic(),
                    context.partition(), context.offset());
            return false;
        }
    }

    /** A dependency (the schema registry) could not be reached or timed out: the record itself may be fine. */
    static boolean isUnreachableDependency(Throwable exception) {
        return anyCause(exception, t -> t instanceof java.io.IOException || t instanceof TimeoutException);
    }

    /** Serialization towards a state store or sink, or a schema registry call, failed: not the record's fault. */
    static boolean isSerializationFailure(Throwable exception) {
        return anyCause(exception, t -> t instanceof SerializationException
                || t.getClass().getName().startsWith("io.apicurio.")
                || Arrays.stream(t.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("io.apicurio.")));
    }

    /** The exception or one of its causes passes the test. */
    private static boolean anyCause(Throwable exception, Predicate<Throwable> test) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String reason = root.getClass().getSimpleName() + message;
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
