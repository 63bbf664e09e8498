package io.stride.schemas.testkit;

import static io.stride.schemas.testkit.EventBuilders.MOSCOW_LATITUDE;
import static io.stride.schemas.testkit.EventBuilders.MOSCOW_LONGITUDE;
import static io.stride.schemas.testkit.EventBuilders.WORKOUT_START;
import static io.stride.schemas.testkit.EventBuilders.aGoalAchieved;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static io.stride.schemas.testkit.EventBuilders.aTelemetrySample;
import static io.stride.schemas.testkit.EventBuilders.aUserMetricsUpdated;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCompleted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutPaused;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutResumed;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutStarted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutTagAdded;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutUpdated;
import static io.stride.schemas.testkit.EventBuilders.point;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.stride.schemas.common.SportType;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutStarted;

class EventBuildersTest {

    private static final Instant T0 = Instant.parse("2026-03-01T07:30:00Z");

    @Test
    void shouldUseSensibleDefaultsWhenTelemetrySampleIsBuilt() {
        // given
        var builder = aTelemetrySample();

        // when
        TelemetrySample sample = builder.build();

        // then
        assertThat(sample.getDeviceId()).startsWith("device-");
        assertThat(sample.getWorkoutId()).isNotNull();
        assertThat(sample.getUserId()).isNotNull().isNotEqualTo(sample.getWorkoutId());
        assertThat(sample.getSequenceNumber()).isEqualTo(1);
        assertThat(sample.getRecordedAt()).isEqualTo(WORKOUT_START);
        assertThat(sample.getReceivedAt()).isEqualTo(WORKOUT_START.plusMillis(250));
        assertThat(sample.getLatitude()).isEqualTo(MOSCOW_LATITUDE);
        assertThat(sample.getLongitude()).isEqualTo(MOSCOW_LONGITUDE);
        assertThat(sample.getHeartRateBpm()).isEqualTo(140);
        assertThat(sample.getSpeedMetersPerSecond()).isPositive();
        assertThat(sample.getPowerWatts()).isNull();
    }

    @Test
    void shouldApplyEverySetterWhenTelemetrySampleIsCustomised() {
        // given
        UUID workoutId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();

        // when
        TelemetrySample sample = aTelemetrySample()
                .deviceId("garmin-42")
                .forWorkout(workoutId, userId)
                .sequenceNumber(7)
                .at(T0)
                .receivedAt(null)
                .position(59.9386, 30.3141)
                .heartRateBpm(172)
                .speedMetersPerSecond(null)
                .cadenceRpm(90)
                .powerWatts(250)
                .build();

        // then
        assertThat(sample.getDeviceId()).isEqualTo("garmin-42");
        assertThat(sample.getWorkoutId()).isEqualTo(workoutId);
        assertThat(sample.getUserId()).isEqualTo(userId);
        assertThat(sample.getSequenceNumber()).isEqualTo(7);
        assertThat(sample.getRecordedAt()).isEqualTo(T0);
        assertThat(sample.getReceivedAt()).isNull();
        assertThat(sample.getLatitude()).isEqualTo(59.9386);
        assertThat(sample.getLongitude()).isEqualTo(30.3141);
        assertThat(sample.getHeartRateBpm()).isEqualTo(172);
        assertThat(sample.getSpeedMetersPerSecond()).isNull();
        assertThat(sample.getCadenceRpm()).isEqualTo(90);
        assertThat(sample.getPowerWatts()).isEqualTo(250);
    }

    @Test
    void shouldClearPositionWhenSampleHasNoFix() {
        // given
        var builder = aTelemetrySample().noPosition();

        // when
        TelemetrySample sample = builder.build();

        // then
        assertThat(sample.getLatitude()).isNull();
        assertThat(sample.getLongitude()).isNull();
        assertThat(sample.getAltitudeMeters()).isNull();
        assertThat(sample.getAccuracyMeters()).isNull();
    }

    @Test
    void shouldAdvanceSequenceAndTimeWhenNextSampleIsBuilt() {
        // given
        var first = aTelemetrySample().sequenceNumber(10).at(T0).heartRateBpm(150);

        // when
        TelemetrySample second = first.next().build();
        TelemetrySample third = first.next().next().build();

        // then
        TelemetrySample original = first.build();
        assertThat(second.getDeviceId()).isEqualTo(original.getDeviceId());
        assertThat(second.getWorkoutId()).isEqualTo(original.getWorkoutId());
        assertThat(second.getSequenceNumber()).isEqualTo(11);
        assertThat(second.getRecordedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(second.getHeartRateBpm()).isEqualTo(150);
        assertThat(third.getSequenceNumber()).isEqualTo(12);
        assertThat(original.getSequenceNumber()).isEqualTo(10);
    }

    @Test
    void shouldUseFreshIdsWhenBuildersAreCreated() {
        // given
        var one = aWorkoutStarted().build();

        // when
        var other = aWorkoutStarted().build();

        // then
        assertThat(other.getEventId()).isNotEqualTo(one.getEventId());
        assertThat(other.getData().getWorkoutId()).isNotEqualTo(one.getData().getWorkoutId());
    }

    static Stream<Arguments> workoutEventBuilders() {
        return Stream.of(
                Arguments.of("startTime", (Supplier<WorkoutEventBuilder<?, ?>>) EventBuilders::aWorkoutStarted),
                Arguments.of(null, (Supplier<WorkoutEventBuilder<?, ?>>) EventBuilders::aWorkoutUpdated),
                Arguments.of("pausedAt", (Supplier<WorkoutEventBuilder<?, ?>>) EventBuilders::aWorkoutPaused),
                Arguments.of("resumedAt", (Supplier<WorkoutEventBuilder<?, ?>>) EventBuilders::aWorkoutResumed),
                Arguments.of("endTime", (Supplier<WorkoutEventBuilder<?, ?>>) EventBuilders::aWorkoutCompleted),
                Arguments.of("cancelledAt", (Supplier<WorkoutEventBuilder<?, ?>>) EventBuilders::aWorkoutCancelled),
                Arguments.of(null, (Supplier<WorkoutEventBuilder<?, ?>>) EventBuilders::aWorkoutTagAdded));
    }

    @ParameterizedTest
    @MethodSource("workoutEventBuilders")
    void shouldPutEventOnWorkoutWhenWorkoutAndTimeAreSet(String timeField, Supplier<WorkoutEventBuilder<?, ?>> a) {
        // given
        UUID eventId = UUID.randomUUID();
        UUID workoutId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();

        // when
        var event = (GenericRecord) a.get().eventId(eventId).forWorkout(workoutId, userId).at(T0).build();

        // then
        var data = (GenericRecord) event.get("data");
        assertThat(event.get("eventId")).isEqualTo(eventId);
        assertThat(event.get("timestamp")).isEqualTo(T0);
        assertThat(event.get("type")).isEqualTo(event.getSchema().getName());
        assertThat(data.get("workoutId")).isEqualTo(workoutId);
        assertThat(data.get("userId")).isEqualTo(userId);
        if (timeField != null) {
            assertThat(data.get(timeField)).isEqualTo(T0);
        }
    }

    @Test
    void shouldFollowWorkoutTimelineWhenEventTimesAreDefaulted() {
        // given
        List<Instant> times = Stream.of(aWorkoutStarted(), aWorkoutUpdated(), aWorkoutPaused(), aWorkoutResumed(),
                        aWorkoutCompleted(), aWorkoutTagAdded())
                .map(builder -> (Instant) ((GenericRecord) builder.build()).get("timestamp"))
                .toList();

        // when
        Instant started = times.getFirst();

        // then
        assertThat(started).isEqualTo(WORKOUT_START);
        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldDescribeRunInMoscowWhenWorkoutStartedIsDefaulted() {
        // given
        var builder = aWorkoutStarted();

        // when
        WorkoutStarted started = builder.build();

        // then
        assertThat(started.getData().getSportType()).isEqualTo(SportType.RUNNING);
        assertThat(started.getData().getLocation().getLatitude()).isEqualTo(MOSCOW_LATITUDE);
        assertThat(started.getData().getLocation().getLongitude()).isEqualTo(MOSCOW_LONGITUDE);
    }

    @Test
    void shouldApplyFiguresWhenWorkoutCompletedIsCustomised() {
        // given
        var builder = aWorkoutCompleted()
                .durationSeconds(1_800)
                .distanceMeters(5_000.0)
                .caloriesBurned(350.0)
                .route(List.of(point(55.0, 37.0)));

        // when
        WorkoutCompleted completed = builder.build();

        // then
        assertThat(completed.getData().getDurationSeconds()).isEqualTo(1_800);
        assertThat(completed.getData().getDistanceMeters()).isEqualTo(5_000.0);
        assertThat(completed.getData().getCaloriesBurned()).isEqualTo(350.0);
        assertThat(completed.getData().getRouteCoordinates()).containsExactly(point(55.0, 37.0));
    }

    @Test
    void shouldNotShareMutablePartsWhenBuiltTwice() {
        // given
        var builder = aWorkoutStarted();
        WorkoutStarted first = builder.build();

        // when
        first.getData().getLocation().setLatitude(0.0);
        WorkoutStarted second = builder.build();

        // then
        assertThat(second.getData().getLocation().getLatitude()).isEqualTo(MOSCOW_LATITUDE);
    }

    @Test
    void shouldDeriveUpdateTimeWhenLiveWorkoutStateIsBuilt() {
        // given
        UUID workoutId = UUID.randomUUID();

        // when
        LiveWorkoutState state = aLiveWorkoutState()
                .workoutId(workoutId)
                .lastSequenceNumber(42)
                .sampleCount(40)
                .lastRecordedAt(T0)
                .lastHeartRateBpm(null)
                .noPosition()
                .build();

        // then
        assertThat(state.getWorkoutId()).isEqualTo(workoutId);
        assertThat(state.getLastSequenceNumber()).isEqualTo(42);
        assertThat(state.getSampleCount()).isEqualTo(40);
        assertThat(state.getStartedAt()).isEqualTo(WORKOUT_START);
        assertThat(state.getLastRecordedAt()).isEqualTo(T0);
        assertThat(state.getUpdatedAt()).isEqualTo(T0.plus(Duration.ofMillis(300)));
        assertThat(state.getLastHeartRateBpm()).isNull();
        assertThat(state.getLastPosition()).isNull();
    }

    @Test
    void shouldBuildEnvelopeWhenGoalAndMetricsEventsAreBuilt() {
        // given
        UUID userId = UUID.randomUUID();

        // when
        var goal = aGoalAchieved().userId(userId).workoutId(null).at(T0).build();
        var metrics = aUserMetricsUpdated().userId(userId).maxHeartRateBpm(185).at(T0).build();

        // then
        assertThat(goal.getType()).isEqualTo("GoalAchieved");
        assertThat(goal.getTimestamp()).isEqualTo(T0);
        assertThat(goal.getData().getAchievedAt()).isEqualTo(T0);
        assertThat(goal.getData().getUserId()).isEqualTo(userId);
        assertThat(goal.getData().getWorkoutId()).isNull();
        assertThat(metrics.getType()).isEqualTo("UserMetricsUpdated");
        assertThat(metrics.getData().getUserId()).isEqualTo(userId);
        assertThat(metrics.getData().getMaxHeartRateBpm()).isEqualTo(185);
    }
}
