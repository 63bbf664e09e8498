package io.stride.queries.livetracking.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * Materializes {@link Topics#LIVE_WORKOUT_STATE} (latest state per workout) into {@link #VIEW_STORE}, the read
 * model the live-tracking API queries. Each instance holds the partitions Kafka Streams assigned to it.
 */
@ApplicationScoped
public class LiveWorkoutViewTopology {

    public static final String VIEW_STORE = "live-workout-view-store";

    @Produces
    Topology topology(Serde<LiveWorkoutState> states) {
        return build(states);
    }

    public static Topology build(Serde<LiveWorkoutState> states) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(Topics.LIVE_WORKOUT_STATE,
                Consumed.with(Serdes.String(), states).withName("live-state-source"),
                Materialized.<String, LiveWorkoutState, KeyValueStore<Bytes, byte[]>>as(VIEW_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(states));
        return builder.build();
    }
}
