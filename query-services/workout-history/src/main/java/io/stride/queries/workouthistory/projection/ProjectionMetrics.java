package io.stride.queries.workouthistory.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The projection's metrics on {@code /metrics}:
 * <ul>
 *   <li>{@code queries.projection.records{projection,outcome}}: records by what became of them (applied, duplicate,
 *   foreign, erased_user, ignored, dead_lettered);</li>
 *   <li>{@code queries.projection.visible{projection}}: from a record's Kafka timestamp (when it was committed to the
 *   topic) to the moment every read model holds it, with p50/p95/p99;</li>
 *   <li>{@code queries.projection.lag.records{projection}}: records on the topic not applied yet (summed over the
 *   assigned partitions, updated every few seconds);</li>
 *   <li>{@code queries.projection.lag.seconds{projection}}: age of the newest applied record while records wait, 0
 *   when caught up.</li>
 * </ul>
 */
@ApplicationScoped
class ProjectionMetrics {

    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer visible;
    private final AtomicLong lagRecords = new AtomicLong(-1);
    private final AtomicLong lastAppliedTimestamp = new AtomicLong();

    ProjectionMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        this.visible = Timer.builder("queries.projection.visible")
                .description("From a record's commit to the topic to its visibility in every read model")
                .tag("projection", WorkoutEventsProjection.PROJECTION)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .register(meters);
        Gauge.builder("queries.projection.lag.records", lagRecords, AtomicLong::get)
                .description("Records of workouts.workout-events not applied yet (-1: unknown)")
                .tag("projection", WorkoutEventsProjection.PROJECTION)
                .register(meters);
        Gauge.builder("queries.projection.lag.seconds", this, ProjectionMetrics::lagSeconds)
                .description("Age of the newest applied record while records wait; 0 when caught up")
                .tag("projection", WorkoutEventsProjection.PROJECTION)
                .register(meters);
    }

    void records(String outcome, long count) {
        if (count > 0) {
            Counter.builder("queries.projection.records")
                    .tag("projection", WorkoutEventsProjection.PROJECTION)
                    .tag("outcome", outcome)
                    .register(meters)
                    .increment(count);
        }
    }

    void applied(WorkoutProjector.Result result) {
        records("applied", result.applied());
        records("duplicate", result.duplicates());
        records("foreign", result.foreign());
        records("erased_user", result.erasedUsers());
        records("dead_lettered", result.poisoned().size());
    }

    /** A record sealed for an erased athlete (key shredded): skipped, counted, never dead-lettered (ADR 0010). */
    void erasedUserRecord(ConsumerRecord<String, byte[]> record) {
        records("erased_user", 1);
        meters.counter("queries.erased-user-records", "topic", record.topic()).increment();
    }

    /** Every read model now holds these records. */
    void visible(List<ConsumerRecord<String, byte[]>> records, Instant now) {
        long newest = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            visible.record(Duration.ofMillis(Math.max(0, now.toEpochMilli() - record.timestamp())));
            newest = Math.max(newest, record.timestamp());
        }
        long seen = newest;
        lastAppliedTimestamp.accumulateAndGet(seen, Math::max);
    }

    void lag(long records) {
        lagRecords.set(records);
    }

    private double lagSeconds() {
        long applied = lastAppliedTimestamp.get();
        if (lagRecords.get() <= 0 || applied == 0) {
            return 0;
        }
        return Math.max(0, clock.millis() - applied) / 1000.0;
    }
}
