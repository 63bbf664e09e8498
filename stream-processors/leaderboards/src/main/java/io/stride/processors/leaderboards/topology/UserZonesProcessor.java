package io.stride.processors.leaderboards.topology;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.stride.platform.workoutfacts.DeadLetters;
import io.stride.processors.leaderboards.domain.AthleteInput;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * An athlete's metrics become their time zone ({@link AthleteInput.ZoneChanged}); metrics without a zone change no
 * board, and a tombstone is left to the erasure (on {@code users.user-erasures}). A zone that {@link ZoneId#of} does
 * not know is forwarded as it is, with {@code stride.dlq.*} headers, to {@code users.user-metrics.dlq}: the athlete's
 * zone stays as it was.
 */
final class UserZonesProcessor implements Processor<String, UserMetricsUpdated, String, Object> {

    private ProcessorContext<String, Object> context;

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
        context.forward(record.<Object>withValue(new AthleteInput.ZoneChanged(zone)));
    }
}
