package io.stride.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Carries the correlation id across Kafka. Needs {@code org.apache.kafka:kafka-clients} on the app's classpath
 * (every app that uses SmallRye Kafka has it; this library declares it optional).
 *
 * <pre>{@code
 * var metadata = OutgoingKafkaRecordMetadata.<String>builder()
 *         .withKey(athleteId)
 *         .withHeaders(KafkaCorrelation.headers())
 *         .build();
 * emitter.send(Message.of(event).addMetadata(metadata));
 * }</pre>
 */
public final class KafkaCorrelation {

    /** The Kafka header name: {@value StrideHeaders#KAFKA_CORRELATION_ID}. */
    public static final String HEADER = StrideHeaders.KAFKA_CORRELATION_ID;

    private KafkaCorrelation() {
    }

    /** Record headers holding the current correlation id (a new one when none is bound). */
    public static Headers headers() {
        return headers(CorrelationId.currentOrNew());
    }

    /** Record headers holding the given correlation id. */
    public static Headers headers(String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The correlation id of a consumed record, if it has one (the last header of that name wins). */
    public static Optional<String> read(Headers headers) {
        if (headers == null) {
            return Optional.empty();
        }
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        return CorrelationId.accept(new String(header.value(), StandardCharsets.UTF_8));
    }
}
