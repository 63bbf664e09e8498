package io.stride.processors.liveworkout.topology;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

import io.stride.processors.liveworkout.domain.LiveState;
import io.stride.processors.liveworkout.domain.Sample;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * Live workout state: every telemetry sample of a workout (keyed by workout id) is folded into that workout's state
 * in {@link #STATE_STORE}; each change is published to {@link Topics#LIVE_WORKOUT_STATE}.
 */
@ApplicationScoped
class LiveWorkoutTopology {

    static final String STATE_STORE = "live-workout-state-store";

    @Produces
    Topology topology(LiveWorkoutSerdes serdes, Clock clock) {
        return build(serdes, clock);
    }

    static Topology build(LiveWorkoutSerdes serdes, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.TELEMETRY_SAMPLES, Consumed.with(Serdes.String(), serdes.samples())
                        .withTimestampExtractor(new SampleTimestampExtractor())
                        .withName("telemetry-samples-source"))
                .groupByKey(Grouped.<String, io.stride.schemas.telemetry.TelemetrySample>as("samples-by-workout")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(serdes.samples()))
                .aggregate(
                        () -> null,
                        (workoutId, sample, current) -> apply(current, AvroMapping.toDomain(sample), clock),
                        Named.as("live-workout-aggregate"),
                        Materialized.<String, LiveWorkoutState, KeyValueStore<Bytes, byte[]>>as(STATE_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(serdes.states()))
                .toStream(Named.as("live-workout-changes"))
                .to(Topics.LIVE_WORKOUT_STATE, Produced.with(Serdes.String(), serdes.states())
                        .withName("live-workout-state-sink"));
        return builder.build();
    }

    private static LiveWorkoutState apply(LiveWorkoutState current, Sample sample, Clock clock) {
        LiveState next = current == null
                ? LiveState.start(sample, clock.instant())
                : AvroMapping.toDomain(current).apply(sample, clock.instant());
        return AvroMapping.toAvro(next);
    }
}
