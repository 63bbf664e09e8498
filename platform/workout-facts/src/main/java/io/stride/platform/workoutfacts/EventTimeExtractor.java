package io.stride.platform.workoutfacts;

import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the payload: when an event happened (its envelope's {@code timestamp}); the Kafka timestamp only for
 * records without one (tombstones).
 */
public class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof SpecificRecord event) {
            Schema.Field field = event.getSchema().getField("timestamp");
            if (field != null && event.get(field.pos()) instanceof Instant timestamp) {
                return timestamp.toEpochMilli();
            }
        }
        return record.timestamp();
    }
}
