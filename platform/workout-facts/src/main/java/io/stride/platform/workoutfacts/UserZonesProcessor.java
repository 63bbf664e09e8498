package io.stride.platform.workoutfacts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Function;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.stride.schemas.users.UserMetricsUpdated;

/**
 * An athlete's metrics become their time zone, as the processor's own input ({@code input} of the zone id); metrics
 * without a zone change nothing, and a tombstone is left to the erasure (on {@code users.user-erasures}). A zone that {@link ZoneId#of} does
 * not know is forwarded as it is, with {@code stride.dlq.*} headers, to {@code users.user-metrics.dlq}: the athlete's
 * zone stays as it was.
 */
public final class UserZonesProcessor implements Processor<String, UserMetricsUpdated, String, Object> {

    private final Function<String, ?> input;
    private ProcessorContext<String, Object> context;

    /** @param input the processor's input of a zone id {@link ZoneId#of} knows */
    public UserZonesProcessor(Function<String, ?> input) {
        this.input = input;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, UserMetricsUpdated> record) {
        if (record.key() == null || record.value() == null || record.value().getData().getTimeZone() == null) {
            return;
        }
        String zone = record.value().getData().getTimeZone();
        String shown = zone.length() > 100 ? zone.substring(0, 100) + "…" : zone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            context.forward(record.<Object>withValue(record.value())
                    .withHeaders(DeadLetters.headers(context, record, "unknown_time_zone: " + shown)));
            return;
        }
        context.forward(record.<Object>withValue(input.apply(zone)));
    }
}
