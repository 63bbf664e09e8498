package io.stride.schemas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

import io.stride.schemas.Topics;
import io.stride.schemas.workout.WorkoutCompleted;

/** The serdes work where they are meant to: at the boundaries of a topology under {@link TopologyTestDriver}. */
class TestSerdesTopologyTest {

    private static final String COMPLETED_TOPIC = "test.completed-workouts";

    @Test
    void shouldRouteCompletedWorkoutsWhenEventsArePipedThroughDriver() {
        // given
        UUID workoutId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        Instant t0 = EventBuilders.WORKOUT_START;
        var started = EventBuilders.aWorkoutStarted().forWorkout(workoutId, userId).at(t0).build();
        var paused = EventBuilders.aWorkoutPaused().forWorkout(workoutId, userId).at(t0.plusSeconds(600)).build();
        var completed = EventBuilders.aWorkoutCompleted().forWorkout(workoutId, userId).at(t0.plusSeconds(2700))
                .build();

        try (var driver = new TopologyTestDriver(completedWorkouts(), config())) {
            TestInputTopic<String, SpecificRecord> events = driver.createInputTopic(Topics.WORKOUT_EVENTS,
                    Serdes.String().serializer(), TestSerdes.workoutEvents().serializer());
            TestOutputTopic<String, WorkoutCompleted> output = driver.createOutputTopic(COMPLETED_TOPIC,
                    Serdes.String().deserializer(), TestSerdes.specific(WorkoutCompleted.class).deserializer());

            // when
            events.pipeInput(workoutId.toString(), started, t0);
            events.pipeInput(workoutId.toString(), paused, t0.plusSeconds(600));
            events.pipeInput(workoutId.toString(), completed, t0.plusSeconds(2700));

            // then
            var record = output.readRecord();
            assertThat(record.key()).isEqualTo(workoutId.toString());
            assertThat(record.value()).isEqualTo(completed);
            assertThat(record.getRecordTime()).isEqualTo(t0.plusSeconds(2700));
            assertThat(output.isEmpty()).isTrue();
        }
    }

    private static Topology completedWorkouts() {
        var builder = new StreamsBuilder();
        builder.stream(Topics.WORKOUT_EVENTS, Consumed.with(Serdes.String(), TestSerdes.workoutEvents()))
                .filter((key, event) -> event instanceof WorkoutCompleted, Named.as("completed-filter"))
                .mapValues(event -> (WorkoutCompleted) event, Named.as("completed-cast"))
                .to(COMPLETED_TOPIC, Produced.with(Serdes.String(), TestSerdes.specific(WorkoutCompleted.class)));
        return builder.build();
    }

    private static Properties config() {
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "testkit-serdes-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return config;
    }
}
