package io.stride.queries.livetracking;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.testing.DevstackKafka;

/** Publishes to the devstack's Kafka as the upstream apps do. */
public final class LiveStates {

    private LiveStates() {
    }

    /** One live state on {@code workouts.live-state}, keyed by workout id. */
    public static void publish(LiveWorkoutState state) throws Exception {
        publish(Topics.LIVE_WORKOUT_STATE, state.getWorkoutId().toString(), state);
    }

    /** One Avro record on a topic, its schema registered as the upstream apps register it. */
    public static <T extends SpecificRecord> void publish(String topic, String key, T value) throws Exception {
        DevstackKafka.publish(topic, key, value);
    }

    /** A record with these raw bytes on a topic (the bytes need not be a valid value). */
    public static void publishRaw(String topic, String key, byte[] value) throws Exception {
        DevstackKafka.publishBytes(topic, key, value, new RecordHeaders());
    }
}
