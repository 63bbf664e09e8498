package io.stride.processors.liveworkout.topology;

import static io.stride.processors.liveworkout.topology.LiveWorkoutTopologyTest.NOW;
import static io.stride.processors.liveworkout.topology.LiveWorkoutTopologyTest.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;
import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.testkit.TestSerdes;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * The topology with its production sealing (ADR 0010): telemetry sealed with the athlete's key is folded, the
 * WorkoutUpdated it emits is sealed with the same key, and once the key is shredded the athlete's records are skipped
 * without a dead letter.
 */
class SealedTopologyTest {

    final UserKeyring keyring = new UserKeyring();
    final LiveWorkoutSerdes serdes = TestLiveWorkoutSerdes.plain().sealedWith(keyring);
    TopologyTestDriver driver;
    TestInputTopic<String, TelemetrySampleBatch> samples;
    TestOutputTopic<String, LiveWorkoutState> states;
    TestOutputTopic<String, byte[]> rawProgress;
    TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-workout-sealed-test");
        // resolvable, never reached: the dead-letter producer only connects when it sends
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        driver = new TopologyTestDriver(LiveWorkoutTopology.build(serdes, Clock.fixed(NOW, ZoneOffset.UTC),
                LiveSettings.DEFAULTS.publishingEveryChange()), config, NOW);
        samples = driver.createInputTopic(Topics.TELEMETRY_SAMPLE_BATCHES, Serdes.String().serializer(),
                serdes.samples().serializer());
        states = driver.createOutputTopic(Topics.LIVE_WORKOUT_STATE, Serdes.String().deserializer(),
                serdes.states().deserializer());
        rawProgress = driver.createOutputTopic(Topics.WORKOUT_PROGRESS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        deadLetters = driver.createOutputTopic(Topics.TELEMETRY_SAMPLE_BATCHES_DLQ, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    static Aead newKey() throws Exception {
        AeadConfig.register();
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    void pipe(UUID workout, UUID user, int fromSecond, int toSecond) {
        List<TelemetrySample> batch = new ArrayList<>();
        for (int second = fromSecond; second < toSecond; second++) {
            batch.add(running(workout, user, second));
        }
        samples.pipeInput(workout.toString(), new TelemetrySampleBatch(batch), batch.getLast().getRecordedAt());
    }

    @Test
    void shouldFoldSealedTelemetryAndSealWhatItEmitsWhenTheAthleteHasAKey() throws Exception {
        // given
        UUID user = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        keyring.put(user.toString(), newKey());

        // when
        pipe(workout, user, 0, 10);

        // then: folded, and the WorkoutUpdated is sealed for the athlete
        assertThat(states.readValuesToList()).last()
                .satisfies(state -> assertThat(state.getDistanceMeters()).isGreaterThan(20));
        TestRecord<String, byte[]> update = rawProgress.readRecord();
        assertThat(update.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER).value())
                .asString(StandardCharsets.UTF_8).isEqualTo(user.toString());
        assertThat(new String(update.value(), StandardCharsets.ISO_8859_1))
                .doesNotContain(user.toString(), workout.toString());
        assertThat(serdes.workoutEvents().deserializer().deserialize(Topics.WORKOUT_PROGRESS, update.headers(),
                update.value()).getSchema().getName()).isEqualTo("WorkoutUpdated");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldSealAForeignSamplesDeadLetterForItsOwnAthleteWhenItIsAimedAtAnotherAthletesWorkout() throws Exception {
        // given: D's workout; E has a key of their own
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        keyring.put(d.toString(), newKey());
        keyring.put(e.toString(), newKey());
        pipe(workout, d, 0, 5);
        states.readValuesToList();
        rawProgress.readValuesToList();

        // when: E's sample aimed at D's workout
        pipe(workout, e, 5, 6);

        // then: the dead letter is sealed for E, opens with E's key to E's ids, and D's state did not change
        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(letter.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER).value())
                .asString(StandardCharsets.UTF_8).isEqualTo(e.toString());
        assertThat(new String(letter.value(), StandardCharsets.ISO_8859_1)).doesNotContain(e.toString());
        TelemetrySampleBatch opened = serdes.samples().deserializer()
                .deserialize(Topics.TELEMETRY_SAMPLE_BATCHES_DLQ, letter.headers(), letter.value());
        assertThat(opened.getSamples().getFirst().getUserId()).isEqualTo(e);
        assertThat(opened.getSamples().getFirst().getLatitude()).isNull();
        assertThat(states.isEmpty()).isTrue();
        assertThat(rawProgress.isEmpty()).isTrue();
    }

    @Test
    void shouldSkipAndCountWithoutDeadLetteringWhenTheAthletesKeyIsShredded() throws Exception {
        // given: telemetry sealed while the athlete had a key, then the athlete is erased
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            UUID user = UUID.randomUUID();
            UUID workout = UUID.randomUUID();
            keyring.put(user.toString(), newKey());
            pipe(workout, user, 0, 5);
            states.readValuesToList();
            rawProgress.readValuesToList();
            Headers headers = new RecordHeaders();
            byte[] sealedLater = serdes.samples().serializer().serialize(Topics.TELEMETRY_SAMPLE_BATCHES, headers,
                    new TelemetrySampleBatch(List.of(running(workout, user, 5))));

            // when
            keyring.shred(user.toString());
            driver.createInputTopic(Topics.TELEMETRY_SAMPLE_BATCHES, Serdes.String().serializer(),
                            Serdes.ByteArray().serializer())
                    .pipeInput(new TestRecord<>(workout.toString(), sealedLater, headers, NOW));
            driver.advanceWallClockTime(Duration.ofSeconds(10));

            // then
            assertThat(states.isEmpty()).isTrue();
            assertThat(rawProgress.isEmpty()).isTrue();
            assertThat(deadLetters.isEmpty()).as("nothing of the erased athlete kept").isTrue();
            assertThat(registry.find(DeadLetterHandler.ERASED_RECORDS_METRIC).counter()).isNotNull()
                    .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
        } finally {
            Metrics.removeRegistry(registry);
        }
    }
}
