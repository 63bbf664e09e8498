package io.stride.processors.liveworkout.topology;

import static io.stride.schemas.testkit.EventBuilders.aTelemetrySample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.testkit.TestSerdes;

class LiveWorkoutTopologyTest {

    private static final Instant NOW = Instant.parse("2025-06-01T06:30:00Z");
    private static final Instant T0 = Instant.parse("2025-06-01T06:00:00Z");
    private static final double STEP_METERS = 0.0009 * 6_371_008.8 * Math.PI / 180;

    private final LiveWorkoutSerdes serdes = new LiveWorkoutSerdes(
            TestSerdes.specific(TelemetrySample.class), TestSerdes.specific(LiveWorkoutState.class));
    private TopologyTestDriver driver;
    private TestInputTopic<String, TelemetrySample> samples;
    private TestOutputTopic<String, LiveWorkoutState> states;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-workout-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(LiveWorkoutTopology.build(serdes, Clock.fixed(NOW, ZoneOffset.UTC)), config);
        samples = driver.createInputTopic(Topics.TELEMETRY_SAMPLES, Serdes.String().serializer(),
                serdes.samples().serializer());
        states = driver.createOutputTopic(Topics.LIVE_WORKOUT_STATE, Serdes.String().deserializer(),
                serdes.states().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void pipe(TelemetrySample sample) {
        samples.pipeInput(sample.getWorkoutId().toString(), sample, sample.getRecordedAt());
    }

    @Test
    void shouldPublishStateWithDistanceWhenSamplesOfAWorkoutArrive() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        // when: three fixes 0.0009 degrees of latitude apart
        for (int i = 0; i < 3; i++) {
            pipe(aTelemetrySample().forWorkout(workout, user).sequenceNumber(i + 1).at(T0.plusSeconds(i))
                    .position(55.75 + i * 0.0009, 37.6).heartRateBpm(140 + i).build());
        }

        // then
        List<LiveWorkoutState> published = states.readValuesToList();
        assertThat(published).extracting(LiveWorkoutState::getSampleCount).containsExactly(1L, 2L, 3L);
        LiveWorkoutState last = published.getLast();
        assertThat(last.getWorkoutId()).isEqualTo(workout);
        assertThat(last.getUserId()).isEqualTo(user);
        assertThat(last.getDistanceMeters()).isCloseTo(2 * STEP_METERS, within(1e-6));
        assertThat(last.getLastPosition().getLatitude()).isCloseTo(55.7518, within(1e-9));
        assertThat(last.getLastHeartRateBpm()).isEqualTo(142);
        assertThat(last.getStartedAt()).isEqualTo(T0);
        assertThat(last.getLastRecordedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(last.getUpdatedAt()).isEqualTo(NOW);
        KeyValueStore<String, LiveWorkoutState> store = driver.getKeyValueStore(LiveWorkoutTopology.STATE_STORE);
        assertThat(store.get(workout.toString())).isEqualTo(last);
        assertThat(states.isEmpty()).isTrue();
    }

    @Test
    void shouldNotCountASampleTwiceWhenTheDeviceResendsIt() {
        // given
        UUID workout = UUID.randomUUID();
        TelemetrySample first = aTelemetrySample().workoutId(workout).sequenceNumber(1).at(T0)
                .position(55.75, 37.6).build();
        TelemetrySample second = aTelemetrySample().workoutId(workout).userId(first.getUserId()).sequenceNumber(2)
                .at(T0.plusSeconds(1)).position(55.7509, 37.6).build();
        pipe(first);
        pipe(second);

        // when
        pipe(second);
        pipe(first);

        // then
        LiveWorkoutState state = driver.<String, LiveWorkoutState>getKeyValueStore(LiveWorkoutTopology.STATE_STORE)
                .get(workout.toString());
        assertThat(state.getSampleCount()).isEqualTo(2);
        assertThat(state.getDistanceMeters()).isCloseTo(STEP_METERS, within(1e-6));
        assertThat(states.readValuesToList()).extracting(LiveWorkoutState::getSampleCount)
                .containsExactly(1L, 2L, 2L, 2L);
        assertThat(states.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepWorkoutsApartWhenTheyInterleave() {
        // given
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        // when
        pipe(aTelemetrySample().workoutId(a).sequenceNumber(1).at(T0).position(55.75, 37.6).build());
        pipe(aTelemetrySample().workoutId(b).sequenceNumber(1).at(T0).position(10.0, 10.0).build());
        pipe(aTelemetrySample().workoutId(a).sequenceNumber(2).at(T0.plusSeconds(1)).position(55.7509, 37.6).build());

        // then
        KeyValueStore<String, LiveWorkoutState> store = driver.getKeyValueStore(LiveWorkoutTopology.STATE_STORE);
        assertThat(store.get(a.toString()).getDistanceMeters()).isCloseTo(STEP_METERS, within(1e-6));
        assertThat(store.get(b.toString()).getDistanceMeters()).isZero();
        assertThat(states.readKeyValuesToList()).hasSize(3);
        assertThat(states.isEmpty()).isTrue();
    }

    @Test
    void shouldMatchTheReviewedSnapshotWhenTheTopologyIsDescribed() throws IOException {
        // given
        Topology topology = LiveWorkoutTopology.build(serdes, Clock.systemUTC());

        // when
        String description = topology.describe().toString();

        // then: a change here renames state or internal topics; update the snapshot only in a reviewed change
        try (InputStream snapshot = getClass().getResourceAsStream("/topology/live-workout.txt")) {
            assertThat(snapshot).as("src/test/resources/topology/live-workout.txt").isNotNull();
            assertThat(description.strip()).isEqualTo(new String(snapshot.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
