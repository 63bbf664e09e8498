package io.stride.processors.liveworkout.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.stride.schemas.telemetry.TelemetrySample;

/** Event time of a telemetry record is when the device took the reading, not when Kafka received it. */
public class SampleTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof TelemetrySample sample && sample.getRecordedAt() != null) {
            return sample.getRecordedAt().toEpochMilli();
        }
        return record.timestamp();
    }
}
