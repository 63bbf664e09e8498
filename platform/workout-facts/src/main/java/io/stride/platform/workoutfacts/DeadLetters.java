package io.stride.platform.workoutfacts;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.micrometer.core.instrument.Metrics;

import io.stride.platform.kafka.DeadLetterHandler;

/** The headers of a record a topology dead-letters itself, as {@link DeadLetterHandler} writes them. */
public final class DeadLetters {

    /** Records dead-lettered by this topology, by source topic. */
    public static final String METRIC = "processors.dead-letters";

    private DeadLetters() {
    }

    /** The source's headers (correlation id) with the dead-letter headers added; counted. */
    public static Headers headers(ProcessorContext<?, ?> context, Record<?, ?> record, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHandler.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHandler.STAGE_HEADER, "processing".getBytes(StandardCharsets.UTF_8));
        String topic = context.recordMetadata().map(metadata -> metadata.topic()).orElse("unknown");
        String source = context.recordMetadata()
                .map(metadata -> metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset())
                .orElse("unknown");
        headers.add(DeadLetterHandler.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        Metrics.counter(METRIC, "topic", topic, "stage", "processing").increment();
        return headers;
    }
}
