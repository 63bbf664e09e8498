package io.stride.processors.liveworkout.topology;

import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;

/**
 * Event time from the payload: when the device took the newest reading of a telemetry batch, when a workout event
 * happened (its envelope's {@code timestamp}); the Kafka timestamp only for records without either.
 */
public class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof TelemetrySampleBatch batch && !batch.getSamples().isEmpty()) {
            long newest = Long.MIN_VALUE;
            for (TelemetrySample sample : batch.getSamples()) {
                newest = Math.max(newest, sample.getRecordedAt().toEpochMilli());
            }
            return newest;
        }
        if (record.value() instanceof SpecificRecord event) {
            Schema.Field field = event.getSchema().getField("timestamp");
            if (field != null && event.get(field.pos()) instanceof Instant timestamp) {
                return timestamp.toEpochMilli();
            }
        }
        return record.timestamp();
    }
}
