package io.stride.processors.leaderboards.topology;

import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
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
import io.stride.schemas.Topics;
import io.stride.schemas.workout.WorkoutCompleted;

/**
 * The topology with its production sealing (ADR 0010): completions sealed with the athlete's key count, a dead letter
 * is sealed for its athlete, and once the key is shredded the athlete's records are skipped without a dead letter.
 */
class SealedLeaderboardsTest {

    static final Instant MORNING = Instant.parse("2025-06-01T06:00:00Z");
    static final String DAY_DISTANCE = "global/day/2025-06-01/RUNNING/distance";

    final UserKeyring keyring = new UserKeyring();
    final LeaderboardsSerdes serdes = LeaderboardsDriver.plainSerdes().sealedWith(keyring);
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> rawEvents;
    TestOutputTopic<String, byte[]> rawDeadLetters;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "leaderboards-sealed-test");
        // resolvable, never reached: the dead-letter producer only connects when it sends
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test/" + UUID.randomUUID());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        driver = new TopologyTestDriver(LeaderboardsTopology.build(serdes), config, MORNING);
        rawEvents = driver.createInputTopic(Topics.WORKOUT_EVENTS, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        rawDeadLetters = driver.createOutputTopic(Topics.WORKOUT_EVENTS_DLQ, Serdes.String().deserializer(),
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

    /** The event sealed for its athlete, as the workouts service publishes it. */
    void pipeSealed(UUID workout, SpecificRecord event) {
        Headers headers = new RecordHeaders();
        byte[] sealed = serdes.workoutEvents().serializer().serialize(Topics.WORKOUT_EVENTS, headers, event);
        rawEvents.pipeInput(new TestRecord<>(workout.toString(), sealed, headers, MORNING));
    }

    long boardSize(String board) {
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(LeaderboardsTopology.BOARD_STORE);
        return BoardIndex.entries(store, board).size();
    }

    @Test
    void shouldCountASealedCompletionAndSealItsDeadLetterForTheAthleteWhenTheAthleteHasAKey() throws Exception {
        // given
        UUID athlete = UUID.randomUUID();
        keyring.put(athlete.toString(), newKey());
        UUID good = UUID.randomUUID();
        UUID bad = UUID.randomUUID();

        // when: a run, and a run with a negative distance
        pipeSealed(good, run(good, athlete, MORNING, 5_000));
        pipeSealed(bad, run(bad, athlete, MORNING, -1));

        // then: the run counts; the bad one is dead-lettered sealed for the athlete and opens with their key
        assertThat(boardSize(DAY_DISTANCE)).isEqualTo(1);
        TestRecord<String, byte[]> letter = rawDeadLetters.readRecord();
        assertThat(letter.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER).value())
                .asString(StandardCharsets.UTF_8).isEqualTo(athlete.toString());
        assertThat(new String(letter.value(), StandardCharsets.ISO_8859_1)).doesNotContain(athlete.toString());
        SpecificRecord opened = serdes.workoutEvents().deserializer()
                .deserialize(Topics.WORKOUT_EVENTS_DLQ, letter.headers(), letter.value());
        assertThat(((WorkoutCompleted) opened).getData().getWorkoutId()).isEqualTo(bad);
        assertThat(rawDeadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldSkipAndCountWithoutDeadLetteringWhenTheAthletesKeyIsShredded() throws Exception {
        // given: a completion sealed while the athlete had a key
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            UUID athlete = UUID.randomUUID();
            keyring.put(athlete.toString(), newKey());
            UUID workout = UUID.randomUUID();
            Headers headers = new RecordHeaders();
            byte[] sealed = serdes.workoutEvents().serializer().serialize(Topics.WORKOUT_EVENTS, headers,
                    run(workout, athlete, MORNING, 5_000));

            // when: the key is shredded (the athlete erased), then the completion arrives
            keyring.shred(athlete.toString());
            rawEvents.pipeInput(new TestRecord<>(workout.toString(), sealed, headers, MORNING));

            // then
            assertThat(boardSize(DAY_DISTANCE)).isZero();
            assertThat(rawDeadLetters.isEmpty()).isTrue();
            assertThat(registry.counter(DeadLetterHandler.ERASED_RECORDS_METRIC, "topic", Topics.WORKOUT_EVENTS)
                    .count()).isEqualTo(1);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }
}
