package io.stride.platform.workoutfacts;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import io.stride.schemas.Topics;

/** The first stage of a processor counting workouts, by workout: the facts of the Workout events and progress. */
public final class WorkoutFactStreams {

    private WorkoutFactStreams() {
    }

    /**
     * The facts of {@link Topics#WORKOUT_EVENTS} and {@link Topics#WORKOUT_PROGRESS} ({@link WorkoutFactsProcessor}),
     * keyed by athlete (not yet repartitioned); events that cannot count go to their topic's {@code .dlq}.
     *
     * @param events the serde of the Workout events (sealed per athlete in production)
     */
    public static KStream<String, WorkoutFact> of(StreamsBuilder builder, Serde<SpecificRecord> events,
            EventTimeExtractor eventTime) {
        return of(builder, events, eventTime, Topics.WORKOUT_EVENTS, Topics.WORKOUT_EVENTS_DLQ, "workout")
                .merge(of(builder, events, eventTime, Topics.WORKOUT_PROGRESS, Topics.WORKOUT_PROGRESS_DLQ,
                        "workout-progress"), Named.as("workout-facts-of-both"));
    }

    /** The facts of {@code topic}'s events; those that cannot count to {@code dlq}. */
    private static KStream<String, WorkoutFact> of(StreamsBuilder builder, Serde<SpecificRecord> events,
            EventTimeExtractor eventTime, String topic, String dlq, String name) {
        Map<String, KStream<String, Object>> byWorkout = builder.stream(topic,
                        Consumed.with(Serdes.String(), events)
                                .withTimestampExtractor(eventTime)
                                .withName(name + "-events-source"))
                .process(WorkoutFactsProcessor::new, Named.as(name + "-facts-processor"))
                .split(Named.as(name + "-facts-"))
                .branch((key, value) -> value instanceof WorkoutFact, Branched.as("counted"))
                .defaultBranch(Branched.withConsumer(letters -> letters
                        .mapValues(value -> (SpecificRecord) value, Named.as(name + "-events-dead-letters"))
                        .to(dlq, Produced.with(Serdes.String(), events)
                                .withName(name + "-events-dlq-sink")), "dead-letters"));
        return byWorkout.get(name + "-facts-counted")
                .mapValues(value -> (WorkoutFact) value, Named.as(name + "-facts-typed"));
    }
}
