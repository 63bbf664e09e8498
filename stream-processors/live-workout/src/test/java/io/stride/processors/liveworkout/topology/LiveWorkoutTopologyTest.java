package io.stride.processors.liveworkout.topology;

import static io.stride.schemas.testkit.EventBuilders.aTelemetrySample;
import static io.stride.schemas.testkit.EventBuilders.aUserMetricsUpdated;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCancelled;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCompleted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCompletionRequested;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutPaused;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutResumed;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutStarted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.platform.kafka.SealedSerde;
import io.stride.processors.liveworkout.domain.Athlete;
import io.stride.processors.liveworkout.domain.LiveFigures;
import io.stride.processors.liveworkout.domain.LiveSession;
import io.stride.processors.liveworkout.domain.LiveSessionCodec;
import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.processors.liveworkout.domain.TrackPoint;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.testkit.TestSerdes;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.WorkoutOwner;
import io.stride.schemas.workout.WorkoutUpdated;

class LiveWorkoutTopologyTest {

    static final Instant NOW = Instant.parse("2025-06-01T06:30:00Z");
    static final Instant T0 = Instant.parse("2025-06-01T06:00:00Z");
    static final double METERS_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    final LiveWorkoutSerdes serdes = TestLiveWorkoutSerdes.plain();
    TopologyTestDriver driver;
    TestInputTopic<String, TelemetrySampleBatch> samples;
    TestInputTopic<String, SpecificRecord> events;
    TestInputTopic<String, UserMetricsUpdated> metrics;
    TestInputTopic<String, UserErased> erasures;
    TestOutputTopic<String, LiveWorkoutState> states;
    TestOutputTopic<String, SpecificRecord> eventsOut;
    TestOutputTopic<String, SpecificRecord> progressOut;
    TestOutputTopic<String, TelemetrySampleBatch> deadLetters;
    TestOutputTopic<String, SpecificRecord> eventDeadLetters;
    TestOutputTopic<String, WorkoutOwner> owners;
    /** Workouts whose claim {@link #assertAllOutputsEmpty} has read. */
    final Set<String> claimed = new HashSet<>();

    @BeforeEach
    void startDriver() {
        // figures are checked after every change; the coalescing, sweep and erasure tests use the production rate
        startDriver(LiveSettings.DEFAULTS.publishingEveryChange());
    }

    void startDriver(LiveSettings settings) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-workout-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(LiveWorkoutTopology.build(serdes, Clock.fixed(NOW, ZoneOffset.UTC), settings),
                config, NOW);
        samples = driver.createInputTopic(Topics.TELEMETRY_SAMPLE_BATCHES, Serdes.String().serializer(),
                serdes.samples().serializer());
        events = driver.createInputTopic(Topics.WORKOUT_EVENTS, Serdes.String().serializer(),
                serdes.workoutEvents().serializer());
        metrics = driver.createInputTopic(Topics.USER_METRICS, Serdes.String().serializer(),
                serdes.userMetrics().serializer());
        erasures = driver.createInputTopic(Topics.USER_ERASURES, Serdes.String().serializer(),
                serdes.erasures().serializer());
        states = driver.createOutputTopic(Topics.LIVE_WORKOUT_STATE, Serdes.String().deserializer(),
                serdes.states().deserializer());
        eventsOut = driver.createOutputTopic(Topics.WORKOUT_EVENTS, Serdes.String().deserializer(),
                serdes.workoutEvents().deserializer());
        progressOut = driver.createOutputTopic(Topics.WORKOUT_PROGRESS, Serdes.String().deserializer(),
                serdes.workoutEvents().deserializer());
        deadLetters = driver.createOutputTopic(Topics.TELEMETRY_SAMPLE_BATCHES_DLQ, Serdes.String().deserializer(),
                serdes.samples().deserializer());
        eventDeadLetters = driver.createOutputTopic(Topics.WORKOUT_EVENTS_DLQ, Serdes.String().deserializer(),
                serdes.workoutEvents().deserializer());
        owners = driver.createOutputTopic(Topics.WORKOUT_OWNERS, Serdes.String().deserializer(),
                serdes.owners().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** A sample on its own: a batch of one. */
    void pipe(TelemetrySample sample) {
        pipe(List.of(sample));
    }

    void pipe(List<TelemetrySample> batch) {
        samples.pipeInput(batch.getFirst().getWorkoutId().toString(), new TelemetrySampleBatch(batch),
                batch.getLast().getRecordedAt());
    }

    void pipeEvent(UUID workout, SpecificRecord event, Instant at) {
        events.pipeInput(workout.toString(), event, at);
    }

    /** A runner going north at 3 m/s, one fix a second, heart rate 150. */
    static TelemetrySample running(UUID workout, UUID user, int second) {
        return aTelemetrySample().forWorkout(workout, user).deviceId("watch").sequenceNumber(second + 1)
                .at(T0.plusSeconds(second)).position(55.75 + second * 3 / METERS_PER_DEGREE, 37.6)
                .accuracyMeters(5.0).heartRateBpm(150).build();
    }

    /** Samples of {@link #running} up to 100 s, all but the one at 40 s; the outputs read. */
    void pipeHundredSecondsWithoutTheFortieth(UUID workout, UUID user) {
        for (int second = 0; second <= 100; second++) {
            if (second != 40) {
                pipe(running(workout, user, second));
            }
        }
        states.readValuesToList();
        drainUpdates();
    }

    static String header(TestRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /**
     * Every output topic is read. Claims not read by the test are read here: each workout is claimed once, and a
     * release (a tombstone) is never left for this method to read.
     */
    void assertAllOutputsEmpty() {
        for (TestRecord<String, WorkoutOwner> claim : owners.readRecordsToList()) {
            assertThat(claim.value()).as("an unexpected release of workout %s", claim.key()).isNotNull();
            assertThat(claimed.add(claim.key())).as("workout %s claimed twice", claim.key()).isTrue();
        }
        assertThat(states.isEmpty()).isTrue();
        assertThat(eventsOut.isEmpty()).isTrue();
        assertThat(progressOut.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(eventDeadLetters.isEmpty()).isTrue();
    }

    /** Reads the progress and final updates published so far. */
    void drainUpdates() {
        eventsOut.readValuesToList();
        progressOut.readValuesToList();
    }

    /** The owner records published since the last read, by workout (a release as a null owner). */
    Map<String, UUID> readOwners() {
        Map<String, UUID> read = new LinkedHashMap<>();
        for (TestRecord<String, WorkoutOwner> record : owners.readRecordsToList()) {
            read.put(record.key(), record.value() == null ? null : record.value().getUserId());
            if (record.value() != null) {
                assertThat(claimed.add(record.key())).as("workout %s claimed twice", record.key()).isTrue();
            }
        }
        return read;
    }

    @Test
    void shouldPublishLiveFiguresWhenSamplesOfAWorkoutArrive() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        // when: 101 fixes, 3 m apart, one a second
        for (int second = 0; second <= 100; second++) {
            pipe(running(workout, user, second));
        }

        // then
        List<LiveWorkoutState> published = states.readValuesToList();
        assertThat(published).hasSize(101);
        LiveWorkoutState last = published.getLast();
        assertThat(last.getWorkoutId()).isEqualTo(workout);
        assertThat(last.getUserId()).isEqualTo(user);
        assertThat(last.getSampleCount()).isEqualTo(101);
        assertThat(last.getDistanceMeters()).isCloseTo(300.0, within(0.01));
        assertThat(last.getMovingTimeMillis()).isBetween(90_000L, 100_000L);
        assertThat(last.getElapsedTimeMillis()).isEqualTo(100_000);
        assertThat(last.getLastPosition().getLatitude()).isCloseTo(55.75 + 300 / METERS_PER_DEGREE, within(1e-9));
        assertThat(last.getAvgHeartRateBpm()).isEqualTo(150);
        assertThat(last.getStatus()).isEqualTo("ACTIVE");
        assertThat(last.getStartedAt()).isEqualTo(T0);
        assertThat(last.getUpdatedAt()).isEqualTo(NOW);
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldPlaceSamplesInOrderWhenTheyArriveShuffledWithinTheGrace() {
        // given: the same 61 samples in order for one workout, in blocks of 10 reversed for another
        UUID inOrder = UUID.randomUUID();
        UUID shuffled = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        // when
        for (int second = 0; second <= 60; second++) {
            pipe(running(inOrder, user, second));
        }
        for (int block = 0; block <= 60; block += 10) {
            for (int second = Math.min(block + 9, 60); second >= block; second--) {
                pipe(running(shuffled, user, second));
            }
        }

        // then
        List<TestRecord<String, LiveWorkoutState>> published = states.readRecordsToList();
        LiveWorkoutState a = lastFor(published, inOrder);
        LiveWorkoutState b = lastFor(published, shuffled);
        assertThat(b.getDistanceMeters()).isEqualTo(a.getDistanceMeters()).isCloseTo(180.0, within(0.01));
        assertThat(b.getMovingTimeMillis()).isEqualTo(a.getMovingTimeMillis());
        assertThat(b.getSampleCount()).isEqualTo(61);
        assertThat(deadLetters.isEmpty()).isTrue();
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldDeadLetterASampleWithItsReasonWhenItArrivesAfterTheGrace() {
        // given: samples up to 100 s, all but the one at 40 s
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        pipeHundredSecondsWithoutTheFortieth(workout, user);

        // when: the one at 40 s arrives 60 s late; a resend of the one at 39 s too
        pipe(running(workout, user, 40));
        pipe(running(workout, user, 39));

        // then
        TestRecord<String, TelemetrySampleBatch> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo(workout.toString());
        assertThat(deadLetter.value().getSamples().getFirst().getSequenceNumber()).isEqualTo(41);
        assertThat(header(deadLetter, DeadLetterHandler.REASON_HEADER)).startsWith("late_sample: 60000 ms behind");
        assertThat(header(deadLetter, DeadLetterHandler.STAGE_HEADER)).isEqualTo("processing");
        assertThat(header(deadLetter, DeadLetterHandler.SOURCE_HEADER))
                .startsWith(Topics.TELEMETRY_SAMPLE_BATCHES + "/0/");
        assertAllOutputsEmpty();
    }

    @Test
    void shouldFoldAWholeBatchIntoOneStateAndDeadLetterOnlyItsLateSampleWhenABatchMixesThem() {
        // given: 100 s of samples, one at a time, all but the one at 40 s
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        pipeHundredSecondsWithoutTheFortieth(workout, user);

        // when: one batch of the next 10 s, reversed, with a resend of the one at 100 s and the one at 40 s, late
        List<TelemetrySample> batch = new ArrayList<>();
        for (int second = 110; second > 100; second--) {
            batch.add(running(workout, user, second));
        }
        batch.add(running(workout, user, 100));
        batch.add(running(workout, user, 40));
        pipe(batch);

        // then: one state with the 10 new samples, the late one dead-lettered on its own
        List<LiveWorkoutState> published = states.readValuesToList();
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().getSampleCount()).isEqualTo(110);
        TestRecord<String, TelemetrySampleBatch> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.value().getSamples()).extracting(TelemetrySample::getSequenceNumber).containsExactly(41L);
        assertThat(header(deadLetter, DeadLetterHandler.REASON_HEADER)).startsWith("late_sample: ");
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldNotCountASampleTwiceWhenTheDeviceResendsIt() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int second = 0; second <= 50; second++) {
            pipe(running(workout, user, second));
        }
        LiveWorkoutState before = states.readValuesToList().getLast();

        // when: a resend of a sample still in the reorder buffer and of one applied for good
        pipe(running(workout, user, 45));
        pipe(running(workout, user, 3));
        pipe(running(workout, user, 51));

        // then
        LiveWorkoutState after = states.readValuesToList().getLast();
        assertThat(before.getSampleCount()).isEqualTo(51);
        assertThat(after.getSampleCount()).isEqualTo(52);
        assertThat(after.getDistanceMeters()).isCloseTo(153.0, within(0.01));
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldStopTheClockWhenTheWorkoutIsPausedAndStartItWhenResumed() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        pipeEvent(workout, aWorkoutStarted().forWorkout(workout, user).sportType(SportType.RUNNING).at(T0).build(),
                T0);
        for (int second = 0; second < 60; second++) {
            pipe(running(workout, user, second));
        }

        // when: paused 60-120 s while the watch keeps sending, resumed, 60 s more
        pipeEvent(workout, aWorkoutPaused().forWorkout(workout, user).at(T0.plusSeconds(60)).build(),
                T0.plusSeconds(60));
        LiveWorkoutState paused = states.readValuesToList().getLast();
        for (int second = 60; second < 120; second++) {
            pipe(running(workout, user, second));
        }
        pipeEvent(workout, aWorkoutResumed().forWorkout(workout, user).at(T0.plusSeconds(120)).build(),
                T0.plusSeconds(120));
        for (int second = 120; second <= 180; second++) {
            pipe(running(workout, user, second));
        }

        // then
        assertThat(paused.getStatus()).isEqualTo("PAUSED");
        LiveWorkoutState last = states.readValuesToList().getLast();
        assertThat(last.getStatus()).isEqualTo("ACTIVE");
        assertThat(last.getSportType()).isEqualTo(SportType.RUNNING);
        assertThat(last.getElapsedTimeMillis()).isEqualTo(120_000);
        assertThat(last.getMovingTimeMillis()).isBetween(110_000L, 120_000L);
        assertThat(last.getDistanceMeters()).isCloseTo(59 * 3.0 + 60 * 3.0, within(10.0));
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldStopUpdatingAndDeadLetterLaterSamplesWhenTheWorkoutIsCompleted() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int second = 0; second <= 40; second++) {
            pipe(running(workout, user, second));
        }
        states.readValuesToList();
        drainUpdates();

        // when
        pipeEvent(workout, aWorkoutCompleted().forWorkout(workout, user).at(T0.plusSeconds(41)).build(),
                T0.plusSeconds(41));
        pipe(running(workout, user, 41));

        // then: the final state, one final WorkoutUpdated, the later sample dead-lettered
        LiveWorkoutState last = states.readValue();
        assertThat(last.getStatus()).isEqualTo("COMPLETED");
        assertThat(last.getSampleCount()).isEqualTo(41);
        assertThat(last.getDistanceMeters()).isCloseTo(120.0, within(0.01));
        assertThat(eventsOut.readValue()).isInstanceOf(WorkoutUpdated.class);
        TestRecord<String, TelemetrySampleBatch> deadLetter = deadLetters.readRecord();
        assertThat(header(deadLetter, DeadLetterHandler.REASON_HEADER)).isEqualTo("workout_closed: workout completed");
        assertAllOutputsEmpty();
    }

    @Test
    void shouldKeepOnlyWhatRefusingAndErasingNeedWhenAClosedWorkoutIsRetired() {
        // given: a completed workout, its final state published
        driver.close();
        startDriver(LiveSettings.DEFAULTS);
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int second = 0; second <= 40; second++) {
            pipe(running(workout, user, second));
        }
        pipeEvent(workout, aWorkoutCompleted().forWorkout(workout, user).at(T0.plusSeconds(41)).build(),
                T0.plusSeconds(41));
        driver.advanceWallClockTime(Duration.ofMillis(50));
        assertThat(lastFor(states.readRecordsToList(), workout).getStatus()).isEqualTo("COMPLETED");
        drainUpdates();
        KeyValueStore<String, LiveSession> sessions = driver.getKeyValueStore(LiveWorkoutTopology.SESSION_STORE);
        int fullSize = LiveSessionCodec.encode(sessions.get(workout.toString())).length;

        // when: an hour without samples goes by
        driver.advanceWallClockTime(LiveSettings.DEFAULTS.retireClosedAfter().plusSeconds(10));

        // then: the session is retired, at a fraction of its size, its owner claim released, nothing else published
        LiveSession retired = sessions.get(workout.toString());
        assertThat(retired.isRetired()).isTrue();
        assertThat(LiveSessionCodec.encode(retired).length).isLessThan(fullSize / 2).isLessThan(400);
        assertThat(readOwners()).hasSize(1).containsEntry(workout.toString(), null);
        assertAllOutputsEmpty();

        // and: a later sample is still refused, a replayed WorkoutCompleted publishes nothing
        pipe(running(workout, user, 42));
        pipeEvent(workout, aWorkoutCompleted().forWorkout(workout, user).at(T0.plusSeconds(41)).build(),
                T0.plusSeconds(41));
        driver.advanceWallClockTime(Duration.ofMillis(50));
        assertThat(header(deadLetters.readRecord(), DeadLetterHandler.REASON_HEADER))
                .isEqualTo("workout_closed: workout completed");
        assertAllOutputsEmpty();

        // and: erasing the athlete still tombstones the workout
        erasures.pipeInput(user.toString(), userErased(user), NOW);
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        TestRecord<String, LiveWorkoutState> tombstone = states.readRecord();
        assertThat(tombstone.key()).isEqualTo(workout.toString());
        assertThat(tombstone.value()).isNull();
        assertThat(readOwners()).hasSize(1).containsEntry(workout.toString(), null);
        assertThat(sessions.get(workout.toString())).isNull();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldEmitWorkoutUpdatedAtMostEveryFiveSecondsWhenSamplesStream() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        // when: 60 s of samples, and a WorkoutUpdated read back from the events topic
        for (int second = 0; second < 60; second++) {
            pipe(running(workout, user, second));
        }
        pipeEvent(workout, aWorkoutUpdated().forWorkout(workout, user).at(T0.plusSeconds(60)).build(),
                T0.plusSeconds(60));

        // then: one at 0 s, then one every 5 s (distance steps of 100 m come later than 5 s at 3 m/s)
        List<SpecificRecord> updates = progressOut.readValuesToList();
        assertThat(updates).hasSize(12).allMatch(WorkoutUpdated.class::isInstance);
        WorkoutUpdated lastUpdate = (WorkoutUpdated) updates.getLast();
        assertThat(lastUpdate.getTimestamp()).isEqualTo(T0.plusSeconds(55));
        assertThat(lastUpdate.getData().getWorkoutId()).isEqualTo(workout);
        assertThat(lastUpdate.getData().getAvgHeartRateBpm()).isEqualTo(150);
        assertThat(updates.stream().map(update -> ((WorkoutUpdated) update).getEventId()).distinct()).hasSize(12);
        assertThat(states.readValuesToList()).hasSize(60);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldUseTheAthletesMaximumHeartRateWhenTheirMetricsAreKnown() {
        // given: max 200 bpm, so 150 bpm is zone 3 (70-80%)
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        metrics.pipeInput(user.toString(), aUserMetricsUpdated().userId(user).maxHeartRateBpm(200).weightKg(80.0)
                .build(), T0);

        // when
        for (int second = 0; second <= 10; second++) {
            pipe(running(workout, user, second));
        }

        // then
        LiveWorkoutState last = states.readValuesToList().getLast();
        assertThat(last.getZoneMaxHeartRateBpm()).isEqualTo(200);
        assertThat(last.getHeartRateZoneMillis()).containsExactly(0L, 0L, 10_000L, 0L, 0L);
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldPublishOneLiveStatePerWorkoutAndIntervalWhenChangesAreCoalesced() {
        // given: the production rate (at most one live state per workout per 50 ms of wall-clock time)
        driver.close();
        startDriver(LiveSettings.DEFAULTS);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        // when: 40 samples of one workout and 20 of another within one interval
        for (int s = 0; s < 40; s++) {
            pipe(running(first, user, s));
            if (s < 20) {
                pipe(running(second, user, s));
            }
        }
        assertThat(states.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(50));

        // then: one state per workout, with every sample
        List<TestRecord<String, LiveWorkoutState>> published = states.readRecordsToList();
        assertThat(published).hasSize(2);
        assertThat(lastFor(published, first).getSampleCount()).isEqualTo(40);
        assertThat(lastFor(published, second).getSampleCount()).isEqualTo(20);
        // stamped with the wall-clock time of publication: event time lives in the payload
        assertThat(published.getFirst().timestamp()).isEqualTo(NOW.plusMillis(50).toEpochMilli());
        assertThat(progressOut.readValuesToList()).hasSize(2).allMatch(WorkoutUpdated.class::isInstance);

        // and: nothing more while nothing changes
        driver.advanceWallClockTime(Duration.ofMillis(50));
        assertAllOutputsEmpty();
    }

    @Test
    void shouldCarryTheCorrelationIdOfTheLastChangeWhenChangesAreCoalesced() {
        // given
        driver.close();
        startDriver(LiveSettings.DEFAULTS);
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        // when: two batches within one interval, each with its correlation id
        for (int batch = 0; batch < 2; batch++) {
            TelemetrySample sample = running(workout, user, batch);
            samples.pipeInput(new TestRecord<>(workout.toString(), new TelemetrySampleBatch(List.of(sample)),
                    new RecordHeaders().add("X-Correlation-Id", ("batch-" + batch).getBytes(StandardCharsets.UTF_8)),
                    sample.getRecordedAt()));
        }
        driver.advanceWallClockTime(Duration.ofMillis(50));

        // then
        TestRecord<String, LiveWorkoutState> state = states.readRecord();
        assertThat(state.value().getSampleCount()).isEqualTo(2);
        assertThat(header(state, "X-Correlation-Id")).isEqualTo("batch-1");
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldApplyTheReorderBufferWhenTheDeviceStopsSending() {
        // given: 60 s of samples, the last 30 s of which wait in the reorder buffer
        driver.close();
        startDriver(LiveSettings.DEFAULTS);
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int second = 0; second < 60; second++) {
            pipe(running(workout, user, second));
        }
        driver.advanceWallClockTime(Duration.ofMillis(50));
        LiveWorkoutState live = states.readValue();
        drainUpdates();
        KeyValueStore<String, LiveSession> sessions = driver.getKeyValueStore(LiveWorkoutTopology.SESSION_STORE);
        assertThat(sessions.get(workout.toString()).buffered()).isEqualTo(30);

        // when: the device sends nothing for the grace period (30 s of wall-clock time, swept every 10 s)
        driver.advanceWallClockTime(Duration.ofSeconds(20));
        assertThat(sessions.get(workout.toString()).buffered()).isEqualTo(30);
        driver.advanceWallClockTime(Duration.ofSeconds(20));

        // then: every sample is applied for good; the published figures were already these
        LiveSession flushed = sessions.get(workout.toString());
        assertThat(flushed.buffered()).isZero();
        LiveFigures figures = flushed.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS);
        assertThat(figures.sampleCount()).isEqualTo(60).isEqualTo(live.getSampleCount());
        assertThat(figures.distanceMeters()).isEqualTo(live.getDistanceMeters());
        assertThat(figures.movingMillis()).isEqualTo(live.getMovingTimeMillis());

        // and: the device resumes; its next sample is placed after them
        pipe(running(workout, user, 90));
        driver.advanceWallClockTime(Duration.ofMillis(50));
        assertThat(states.readValue().getSampleCount()).isEqualTo(61);
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldDeleteTheUsersSessionsAndPublishTombstonesWhenTheUserIsErased() {
        // given: two workouts of one user, one of another, all published
        driver.close();
        startDriver(LiveSettings.DEFAULTS);
        UUID erased = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID firstWorkout = UUID.randomUUID();
        UUID secondWorkout = UUID.randomUUID();
        UUID otherWorkout = UUID.randomUUID();
        for (int second = 0; second < 5; second++) {
            pipe(running(firstWorkout, erased, second));
            pipe(running(secondWorkout, erased, second));
            pipe(running(otherWorkout, other, second));
        }
        driver.advanceWallClockTime(Duration.ofMillis(50));
        assertThat(states.readRecordsToList()).hasSize(3);
        drainUpdates();
        assertThat(readOwners()).hasSize(3);

        // when
        erasures.pipeInput(erased.toString(), userErased(erased), NOW);
        driver.advanceWallClockTime(Duration.ofSeconds(10));

        // then: a tombstone for each of the erased user's workouts, their sessions gone, the other kept
        List<TestRecord<String, LiveWorkoutState>> tombstones = states.readRecordsToList();
        assertThat(tombstones).extracting(TestRecord::key)
                .containsExactlyInAnyOrder(firstWorkout.toString(), secondWorkout.toString());
        assertThat(tombstones).allMatch(record -> record.value() == null);
        Map<String, UUID> released = readOwners();
        assertThat(released).containsOnlyKeys(firstWorkout.toString(), secondWorkout.toString());
        assertThat(released.values()).containsOnlyNulls();
        KeyValueStore<String, LiveSession> sessions = driver.getKeyValueStore(LiveWorkoutTopology.SESSION_STORE);
        assertThat(sessions.get(firstWorkout.toString())).isNull();
        assertThat(sessions.get(secondWorkout.toString())).isNull();
        assertThat(sessions.get(otherWorkout.toString())).isNotNull();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldDiscardAndCountLaterRecordsWithoutDeadLetteringWhenTheUserIsErased() {
        // given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            UUID erased = UUID.randomUUID();
            UUID workout = UUID.randomUUID();
            erasures.pipeInput(erased.toString(), userErased(erased), NOW);

            // when: the erased user's device keeps sending, and the workout is even started
            pipeEvent(workout, aWorkoutStarted().forWorkout(workout, erased).at(T0).build(), T0);
            for (int second = 0; second < 3; second++) {
                pipe(running(workout, erased, second));
            }
            driver.advanceWallClockTime(Duration.ofSeconds(10));

            // then: no state, no dead letter, no session; every record counted
            assertAllOutputsEmpty();
            KeyValueStore<String, LiveSession> sessions =
                    driver.getKeyValueStore(LiveWorkoutTopology.SESSION_STORE);
            assertThat(sessions.get(workout.toString())).isNull();
            assertThat(registry.find(LiveWorkoutProcessor.ERASED_RECORDS_METRIC).counters())
                    .map(counter -> counter.count()).containsExactlyInAnyOrder(3.0, 1.0);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void shouldClaimTheWorkoutForTheAthleteOfItsFirstSampleWhenItOpens() {
        // given
        UUID workout = UUID.randomUUID();
        UUID owner = UUID.randomUUID();

        // when
        pipe(running(workout, owner, 0));
        pipe(running(workout, owner, 1));

        // then: one claim, at the first sample's time, without the seal's header
        TestRecord<String, WorkoutOwner> claim = owners.readRecord();
        assertThat(claim.key()).isEqualTo(workout.toString());
        assertThat(claim.value().getWorkoutId()).isEqualTo(workout);
        assertThat(claim.value().getUserId()).isEqualTo(owner);
        assertThat(claim.value().getClaimedAt()).isEqualTo(T0);
        assertThat(claim.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER)).isNull();
        claimed.add(claim.key());
        states.readValuesToList();
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldLeaveTheOwnersWorkoutUnchangedAndDeadLetterTheSamplesWhenAnotherAthleteSendsIntoIt() {
        // given: athlete D's workout with 60 samples; athlete E's watch, on E's own account
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            UUID workout = UUID.randomUUID();
            UUID d = UUID.randomUUID();
            UUID e = UUID.randomUUID();
            for (int second = 0; second < 60; second++) {
                pipe(running(workout, d, second));
            }
            LiveWorkoutState before = states.readValuesToList().getLast();
            drainUpdates();
            KeyValueStore<String, LiveSession> sessions = driver.getKeyValueStore(LiveWorkoutTopology.SESSION_STORE);
            byte[] sessionBefore = LiveSessionCodec.encode(sessions.get(workout.toString()));

            // when: E sends 60 samples of E's own into D's workout, 200 bpm, far away, one batch and singles
            List<TelemetrySample> intrusion = new ArrayList<>();
            for (int second = 60; second < 120; second++) {
                intrusion.add(aTelemetrySample().forWorkout(workout, e).deviceId("e-watch").sequenceNumber(second)
                        .at(T0.plusSeconds(second)).position(48.85, 2.35).heartRateBpm(200).build());
            }
            pipe(intrusion.subList(0, 50));
            intrusion.subList(50, 60).forEach(this::pipe);

            // then: D's workout is untouched, nothing published, each sample dead-lettered with its ids only
            assertThat(states.isEmpty()).isTrue();
            assertThat(eventsOut.isEmpty()).isTrue();
            assertThat(progressOut.isEmpty()).isTrue();
            assertThat(LiveSessionCodec.encode(sessions.get(workout.toString()))).isEqualTo(sessionBefore);
            assertThat(before.getSampleCount()).isEqualTo(60);
            List<TestRecord<String, TelemetrySampleBatch>> letters = deadLetters.readRecordsToList();
            assertThat(letters).hasSize(60);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.key()).isEqualTo(workout.toString());
                assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).startsWith("foreign_workout: ");
                TelemetrySample idsOnly = letter.value().getSamples().getFirst();
                assertThat(idsOnly.getUserId()).isEqualTo(e);
                assertThat(idsOnly.getDeviceId()).isEqualTo("e-watch");
                assertThat(idsOnly.getLatitude()).isNull();
                assertThat(idsOnly.getLongitude()).isNull();
                assertThat(idsOnly.getHeartRateBpm()).isNull();
            });
            assertThat(registry.find(LiveWorkoutProcessor.FOREIGN_RECORDS_METRIC)
                    .tag("topic", Topics.TELEMETRY_SAMPLE_BATCHES).counter().count()).isEqualTo(60.0);
            assertThat(readOwners()).containsExactly(Map.entry(workout.toString(), d));

            // and: D's next sample goes on from D's own figures
            pipe(running(workout, d, 60));
            LiveWorkoutState after = states.readValue();
            assertThat(after.getSampleCount()).isEqualTo(61);
            assertThat(after.getMaxHeartRateBpm()).isEqualTo(150);
            assertThat(after.getDistanceMeters()).isCloseTo(180.0, within(0.01));
            drainUpdates();
            assertAllOutputsEmpty();
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @ParameterizedTest(name = "{0} first")
    @ValueSource(strings = {"D", "E"})
    void shouldMakeTheAthleteOfTheFirstSampleTheOwnerWhenTwoAthletesFirstSamplesShareABatch(String first) {
        // given: a new workout; one batch interleaving both athletes' samples, D's or E's first
        UUID workout = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        UUID owner = first.equals("D") ? d : e;
        UUID intruder = owner == d ? e : d;
        List<TelemetrySample> batch = new ArrayList<>();
        for (int second = 0; second < 10; second++) {
            batch.add(running(workout, owner, second));
            batch.add(aTelemetrySample().forWorkout(workout, intruder).deviceId("other-watch")
                    .sequenceNumber(second + 1).at(T0.plusSeconds(second)).position(48.85, 2.35).heartRateBpm(200)
                    .build());
        }

        // when
        pipe(batch);

        // then: the owner's ten samples make the state; the intruder's ten are dead letters
        LiveWorkoutState state = states.readValue();
        assertThat(state.getUserId()).isEqualTo(owner);
        assertThat(state.getSampleCount()).isEqualTo(10);
        assertThat(state.getMaxHeartRateBpm()).isEqualTo(150);
        List<TelemetrySampleBatch> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(10);
        assertThat(letters).allMatch(letter -> letter.getSamples().getFirst().getUserId().equals(intruder));
        assertThat(readOwners()).containsExactly(Map.entry(workout.toString(), owner));
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldKeepTheClockRunningAndDeadLetterTheEventWhenAnotherAthletePausesTheWorkout() {
        // given: D's running workout
        UUID workout = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        for (int second = 0; second < 30; second++) {
            pipe(running(workout, d, second));
        }
        states.readValuesToList();
        drainUpdates();

        // when: E pauses and then completes D's workout
        pipeEvent(workout, aWorkoutPaused().forWorkout(workout, e).at(T0.plusSeconds(30)).build(),
                T0.plusSeconds(30));
        pipeEvent(workout, aWorkoutCompleted().forWorkout(workout, e).at(T0.plusSeconds(31)).build(),
                T0.plusSeconds(31));
        pipe(running(workout, d, 30));

        // then: both events dead-lettered as they were, with the reason; D's workout still active and counting
        List<TestRecord<String, SpecificRecord>> letters = eventDeadLetters.readRecordsToList();
        assertThat(letters).extracting(letter -> letter.value().getClass().getSimpleName())
                .containsExactly("WorkoutPaused", "WorkoutCompleted");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.key()).isEqualTo(workout.toString());
            assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).startsWith("foreign_workout: ");
            assertThat(header(letter, DeadLetterHandler.SOURCE_HEADER)).startsWith(Topics.WORKOUT_EVENTS + "/0/");
        });
        LiveWorkoutState state = states.readValue();
        assertThat(state.getStatus()).isEqualTo("ACTIVE");
        assertThat(state.getSampleCount()).isEqualTo(31);
        assertThat(state.getElapsedTimeMillis()).isEqualTo(30_000);
        drainUpdates();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldMakeTheStarterTheOwnerWhenWorkoutStartedComesBeforeAnySample() {
        // given: E started the workout (say, through the workouts API) before any sample arrived
        UUID workout = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        pipeEvent(workout, aWorkoutStarted().forWorkout(workout, e).sportType(SportType.RUNNING).at(T0).build(), T0);
        assertThat(readOwners()).containsExactly(Map.entry(workout.toString(), e));

        // when: D's samples and D's own WorkoutStarted for that workout
        pipe(running(workout, d, 0));
        pipeEvent(workout, aWorkoutStarted().forWorkout(workout, d).sportType(SportType.CYCLING).at(T0).build(), T0);

        // then: both refused; the workout is still E's and has no samples
        assertThat(header(deadLetters.readRecord(), DeadLetterHandler.REASON_HEADER)).startsWith("foreign_workout");
        assertThat(header(eventDeadLetters.readRecord(), DeadLetterHandler.REASON_HEADER))
                .startsWith("foreign_workout");
        KeyValueStore<String, LiveSession> sessions = driver.getKeyValueStore(LiveWorkoutTopology.SESSION_STORE);
        assertThat(sessions.get(workout.toString()).userId()).isEqualTo(e);
        assertThat(sessions.get(workout.toString()).hasSamples()).isFalse();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldAnswerACompletionRequestWithTheFinalFiguresAndTheTrackWhenTheWorkoutEnds() {
        // given: a run of 10 minutes, the last 20 s still in the reorder buffer
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        pipeEvent(workout, aWorkoutStarted().forWorkout(workout, user).sportType(SportType.RUNNING).at(T0).build(),
                T0);
        for (int second = 0; second <= 600; second++) {
            pipe(running(workout, user, second));
        }
        states.readValuesToList();
        // progress goes to its own topic, so that the consumers of the lifecycle do not read it
        assertThat(progressOut.readValuesToList()).isNotEmpty()
                .allSatisfy(progress -> assertThat(((WorkoutUpdated) progress).getData().getFinalFigures()).isNull());
        assertThat(eventsOut.isEmpty()).isTrue();

        // when
        Instant end = T0.plusSeconds(601);
        pipeEvent(workout, aWorkoutCompletionRequested().forWorkout(workout, user).at(end).build(), end);

        // then: the final live state, and the final update carrying the same figures and the track
        LiveWorkoutState last = states.readValue();
        assertThat(last.getStatus()).isEqualTo("COMPLETED");
        WorkoutUpdated update = (WorkoutUpdated) eventsOut.readValue();
        FinalFigures figures = update.getData().getFinalFigures();
        assertThat(figures.getEndReason()).isEqualTo(EndReason.COMPLETED);
        assertThat(figures.getEndedAt()).isEqualTo(end);
        assertThat(figures.getStartedAt()).isEqualTo(T0);
        assertThat(figures.getSampleCount()).isEqualTo(601);
        assertThat(figures.getDistanceMeters()).isEqualTo(last.getDistanceMeters()).isCloseTo(1800.0, within(0.01));
        assertThat(figures.getMovingTimeMillis()).isEqualTo(last.getMovingTimeMillis());
        assertThat(figures.getElapsedTimeMillis()).isEqualTo(last.getElapsedTimeMillis()).isEqualTo(600_000);
        assertThat(figures.getCaloriesKcal()).isEqualTo(last.getCaloriesKcal());
        assertThat(figures.getAvgHeartRateBpm()).isEqualTo(150);
        assertThat(figures.getHeartRateZoneMillis()).isEqualTo(last.getHeartRateZoneMillis());
        // a point every 5 s of event time, and one where the workout ends
        List<io.stride.schemas.workout.TrackPoint> track = figures.getTrack();
        assertThat(track).hasSize(122);
        assertThat(track).extracting(io.stride.schemas.workout.TrackPoint::getOffsetMillis).isSorted();
        assertThat(track.getFirst().getOffsetMillis()).isZero();
        assertThat(track.getLast().getOffsetMillis()).isEqualTo(600_000);
        assertThat(track.getLast().getDistanceMeters()).isEqualTo(figures.getDistanceMeters());
        assertThat(track.getLast().getLatitude()).isCloseTo(55.75 + 1800 / METERS_PER_DEGREE, within(1e-6));
        assertThat(track).allSatisfy(point -> assertThat(point.getHeartRateBpm()).isEqualTo(150));
        assertThat(track.get(60).getDistanceMeters()).isCloseTo(900.0, within(30.0));
        // and the track store no longer holds the workout
        KeyValueStore<String, List<TrackPoint>> tracks = driver.getKeyValueStore(LiveWorkoutTopology.TRACK_STORE);
        try (var chunks = tracks.range(workout + "/", workout + "/~")) {
            assertThat(chunks.hasNext()).isFalse();
        }
        assertAllOutputsEmpty();

        // and: the same request again changes nothing
        pipeEvent(workout, aWorkoutCompletionRequested().forWorkout(workout, user).at(end).build(), end);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldKeepEveryNthTrackPointAndTheLastWhenTheTrackIsLongerThanTheMaximum() {
        // given: at most 50 track points
        driver.close();
        LiveSettings d = LiveSettings.DEFAULTS.publishingEveryChange();
        startDriver(new LiveSettings(d.grace(), d.maxAccuracyMeters(), d.smoothingFixes(), d.minMovementMeters(),
                d.speedWindow(), d.stoppedSpeedMetersPerSecond(), d.elevationThresholdMeters(), d.maxGap(),
                d.updateEvery(), d.updateEveryMeters(), d.publishEvery(), d.sweepEvery(), d.retireClosedAfter(),
                d.trackEvery(), 50, d.abandonAfter(), d.pauseGap(), d.lifecycleLag()));
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int second = 0; second <= 600; second++) {
            pipe(running(workout, user, second));
        }

        // when
        pipeEvent(workout, aWorkoutCompletionRequested().forWorkout(workout, user).at(T0.plusSeconds(601)).build(),
                T0.plusSeconds(601));

        // then: 122 points thinned to every 3rd (41) and the last
        WorkoutUpdated update = (WorkoutUpdated) eventsOut.readValue();
        List<io.stride.schemas.workout.TrackPoint> track = update.getData().getFinalFigures().getTrack();
        assertThat(track).hasSize(42);
        assertThat(track.get(1).getOffsetMillis()).isEqualTo(15_000);
        assertThat(track.getLast().getOffsetMillis()).isEqualTo(600_000);
        states.readValuesToList();
        progressOut.readValuesToList();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldEndWithoutFiguresWhenAWorkoutWithoutSamplesIsCompleted() {
        // given: a workout started in the app, no sample ever sent; and one this processor never heard of
        UUID started = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        pipeEvent(started, aWorkoutStarted().forWorkout(started, user).at(T0).build(), T0);

        // when
        pipeEvent(started, aWorkoutCompletionRequested().forWorkout(started, user).at(T0.plusSeconds(60)).build(),
                T0.plusSeconds(60));
        pipeEvent(unknown, aWorkoutCompletionRequested().forWorkout(unknown, user).at(T0.plusSeconds(60)).build(),
                T0.plusSeconds(60));

        // then: each ends at once, nothing measured, so the workouts service can record the completion
        List<WorkoutUpdated> updates = eventsOut.readValuesToList().stream().map(WorkoutUpdated.class::cast).toList();
        assertThat(updates).extracting(update -> update.getData().getWorkoutId()).containsExactly(started, unknown);
        assertThat(updates).allSatisfy(update -> {
            FinalFigures figures = update.getData().getFinalFigures();
            assertThat(figures.getSampleCount()).isZero();
            assertThat(figures.getDistanceMeters()).isZero();
            assertThat(figures.getStartedAt()).isNull();
            assertThat(figures.getEndedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(figures.getTrack()).isEmpty();
        });
        assertAllOutputsEmpty();
    }

    @Test
    void shouldFinishAWorkoutAsAbandonedWhenNoSampleArrivesForTheAbandonTime() {
        // given: a workout whose watch went quiet after 2 minutes; abandoned after 10 minutes (4 h by default)
        driver.close();
        LiveSettings d = LiveSettings.DEFAULTS;
        startDriver(new LiveSettings(d.grace(), d.maxAccuracyMeters(), d.smoothingFixes(), d.minMovementMeters(),
                d.speedWindow(), d.stoppedSpeedMetersPerSecond(), d.elevationThresholdMeters(), d.maxGap(),
                d.updateEvery(), d.updateEveryMeters(), d.publishEvery(), d.sweepEvery(), d.retireClosedAfter(),
                d.trackEvery(), d.maxTrackPoints(), Duration.ofMinutes(10), d.pauseGap(), d.lifecycleLag()));
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int second = 0; second <= 120; second++) {
            pipe(running(workout, user, second));
        }
        driver.advanceWallClockTime(Duration.ofMillis(50));
        states.readValuesToList();
        drainUpdates();

        // when: the abandon time goes by
        driver.advanceWallClockTime(Duration.ofMinutes(10).plusSeconds(10));

        // then: completed as abandoned, ending at its last sample
        LiveWorkoutState last = lastFor(states.readRecordsToList(), workout);
        assertThat(last.getStatus()).isEqualTo("COMPLETED");
        WorkoutUpdated update = (WorkoutUpdated) eventsOut.readValue();
        FinalFigures figures = update.getData().getFinalFigures();
        assertThat(figures.getEndReason()).isEqualTo(EndReason.ABANDONED);
        assertThat(figures.getEndedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(figures.getSampleCount()).isEqualTo(121);
        assertThat(figures.getDistanceMeters()).isCloseTo(360.0, within(0.01));
        assertAllOutputsEmpty();
    }

    @Test
    void shouldDeleteTheTrackWithoutFinalFiguresWhenTheWorkoutIsCancelled() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int second = 0; second <= 60; second++) {
            pipe(running(workout, user, second));
        }
        states.readValuesToList();
        drainUpdates();

        // when
        pipeEvent(workout, aWorkoutCancelled().forWorkout(workout, user).at(T0.plusSeconds(61)).build(),
                T0.plusSeconds(61));

        // then
        assertThat(states.readValue().getStatus()).isEqualTo("CANCELLED");
        assertThat(((WorkoutUpdated) progressOut.readValue()).getData().getFinalFigures()).isNull();
        KeyValueStore<String, List<TrackPoint>> tracks = driver.getKeyValueStore(LiveWorkoutTopology.TRACK_STORE);
        try (var chunks = tracks.range(workout + "/", workout + "/~")) {
            assertThat(chunks.hasNext()).isFalse();
        }
        assertAllOutputsEmpty();
    }

    static UserErased userErased(UUID user) {
        return UserErased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(NOW)
                .setData(UserErasedData.newBuilder().setUserId(user).setErasedAt(NOW).build())
                .build();
    }

    @Test
    void shouldMatchTheReviewedSnapshotWhenTheTopologyIsDescribed() throws IOException {
        // given
        Topology topology = LiveWorkoutTopology.build(serdes, Clock.systemUTC(), LiveSettings.DEFAULTS);

        // when
        String description = topology.describe().toString();

        // then: a change here renames state or internal topics; update the snapshot only in a reviewed change
        try (InputStream snapshot = getClass().getResourceAsStream("/topology/live-workout.txt")) {
            assertThat(snapshot).as("src/test/resources/topology/live-workout.txt").isNotNull();
            assertThat(description.strip())
                    .isEqualTo(new String(snapshot.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    static LiveWorkoutState lastFor(List<TestRecord<String, LiveWorkoutState>> records, UUID workout) {
        return records.stream()
                .filter(record -> record.key().equals(workout.toString()))
                .reduce((first, second) -> second)
                .orElseThrow()
                .value();
    }
}
