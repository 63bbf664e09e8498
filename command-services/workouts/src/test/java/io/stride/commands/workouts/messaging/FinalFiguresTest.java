package io.stride.commands.workouts.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.commands.workouts.TestPlatform;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.security.Roles;
import io.stride.schemas.Topics;
import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.TrackPoint;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletionRequested;
import io.stride.schemas.workout.WorkoutSource;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutUpdated;
import io.stride.schemas.workout.WorkoutUpdatedData;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * live-workout's final {@code WorkoutUpdated} (sealed, as live-workout writes it) becomes {@code WorkoutCompleted}
 * with exactly its figures, appended and published sealed; quiet workouts finish as abandoned, unknown ones start and
 * complete, replays change nothing; live-workout's claims start the workouts of devices that only stream.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class FinalFiguresTest {

    private static final Instant FIRST_SAMPLE = Instant.parse("2025-04-05T15:00:02Z");
    private static final Instant END = Instant.parse("2025-04-05T15:45:00Z");

    private static FinalFigures figures(EndReason reason) {
        return FinalFigures.newBuilder()
                .setEndReason(reason)
                .setStartedAt(FIRST_SAMPLE)
                .setEndedAt(END)
                .setSampleCount(2_700)
                .setElapsedTimeMillis(2_698_500)
                .setMovingTimeMillis(2_600_000)
                .setDistanceMeters(5_200.5)
                .setElevationGainMeters(42.0)
                .setElevationLossMeters(40.0)
                .setCaloriesKcal(320.4)
                .setAvgHeartRateBpm(140)
                .setMaxHeartRateBpm(171)
                .setAvgSpeedMetersPerSecond(2.0)
                .setMaxSpeedMetersPerSecond(4.1)
                .setAvgCadenceRpm(84)
                .setAvgPowerWatts(null)
                .setWorkKilojoules(null)
                .setHeartRateZoneMillis(List.of(60_000L, 600_000L, 1_200_000L, 800_000L, 38_500L))
                .setTrack(List.of(
                        point(0, 55.7558, 37.6173, 0.0),
                        point(5_000, null, null, 10.0),
                        point(10_000, 55.7560, 37.6180, 20.0)))
                .build();
    }

    private static TrackPoint point(long offset, Double latitude, Double longitude, double distance) {
        return TrackPoint.newBuilder()
                .setOffsetMillis(offset)
                .setLatitude(latitude)
                .setLongitude(longitude)
                .setAltitudeMeters(140.0)
                .setHeartRateBpm(130)
                .setDistanceMeters(distance)
                .setSpeedMetersPerSecond(2.0)
                .setMoving(true)
                .build();
    }

    /** live-workout's last update of a workout. */
    private static WorkoutUpdated finalUpdate(UUID workoutId, UUID user, FinalFigures figures) {
        return WorkoutUpdated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(END)
                .setData(WorkoutUpdatedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(user)
                        .setCurrentDistanceMeters(figures.getDistanceMeters())
                        .setAvgHeartRateBpm(figures.getAvgHeartRateBpm())
                        .setCurrentSpeedMetersPerSecond(null)
                        .setSource(UpdateSource.LIVE)
                        .setFinalFigures(figures)
                        .setSportType(null)
                        .setTitle(null)
                        .setNotes(null)
                        .build())
                .build();
    }

    private static String bearer(UUID user) {
        return TestIssuer.bearer(user, Roles.ATHLETE);
    }

    private static UUID startAndComplete(UUID user) {
        UUID workoutId = startByApp(user);
        given().contentType(ContentType.JSON).header("Authorization", bearer(user))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/workouts/" + workoutId + "/complete").then().statusCode(202);
        return workoutId;
    }

    private static void awaitStatus(UUID user, UUID workoutId, String status) {
        await(workoutId + " " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", bearer(user)).get("/api/v1/workouts/" + workoutId)
                        .then().extract().path("status"), status::equals);
    }

    private static List<TestPlatform.Published> awaitPublished(UUID workoutId, int ours) {
        return await("published events of " + workoutId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> TestPlatform.eventsOf(workoutId).stream()
                        .filter(record -> !(record.value() instanceof WorkoutUpdated update)
                                || update.getData().getSource() != UpdateSource.LIVE)
                        .toList(), records -> records.size() >= ours);
    }

    @Test
    void shouldCompleteWithExactlyLiveWorkoutsFiguresWhenTheFinalUpdateArrives() {
        // given
        Instant testStart = Instant.now().minus(1, ChronoUnit.MINUTES);
        UUID user = TestPlatform.athlete();
        UUID workoutId = startAndComplete(user);
        FinalFigures figures = figures(EndReason.COMPLETED);

        // when
        TestPlatform.publishSealed(workoutId, user, finalUpdate(workoutId, user, figures));

        // then: appended
        awaitStatus(user, workoutId, "COMPLETED");
        given().header("Authorization", bearer(user)).get("/api/v1/workouts/" + workoutId).then()
                .body("version", equalTo(3))
                .body("abandoned", equalTo(false))
                .body("completed_by", equalTo("APP"))
                .body("figures.duration_seconds", equalTo(2_698))
                .body("figures.distance_meters", equalTo(5_200.5f))
                .body("figures.route_points", equalTo(2));
        // and published, sealed for the athlete, in version order, stamped with the time of publication
        List<TestPlatform.Published> ours = awaitPublished(workoutId, 3);
        assertThat(ours).extracting(record -> record.value().getClass().getSimpleName())
                .containsExactly("WorkoutStarted", "WorkoutCompletionRequested", "WorkoutCompleted");
        assertThat(ours).allSatisfy(record -> {
            assertThat(new String(record.raw().headers().lastHeader(SealedSerde.SEALED_FOR_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo(user.toString());
            assertThat(Instant.ofEpochMilli(record.raw().timestamp())).isAfter(testStart);
        });
        WorkoutCompleted completed = (WorkoutCompleted) ours.get(2).value();
        assertThat(completed.getData().getFigures()).isEqualTo(figures);
        assertThat(completed.getData().getEndTime()).isEqualTo(END);
        assertThat(completed.getData().getDurationSeconds()).isEqualTo(2_698);
        assertThat(completed.getData().getDistanceMeters()).isEqualTo(5_200.5);
        assertThat(completed.getData().getCaloriesBurned()).isEqualTo(320.4);
        assertThat(completed.getData().getRouteCoordinates()).containsExactly(
                GeoPoint.newBuilder().setLatitude(55.7558).setLongitude(37.6173).build(),
                GeoPoint.newBuilder().setLatitude(55.7560).setLongitude(37.6180).build());
        assertThat(completed.getData().getSportType()).isEqualTo(SportType.RUNNING);
        assertThat(completed.getData().getStartTime()).isEqualTo(FIRST_SAMPLE);
        assertThat(completed.getData().getAbandoned()).isFalse();
        assertThat(completed.getData().getSource()).isEqualTo(WorkoutSource.APP);
        assertThat(completed.getData().getUserId()).isEqualTo(user);
        assertThat(((WorkoutStarted) ours.get(0).value()).getData().getUserId()).isEqualTo(user);
        assertThat(((WorkoutCompletionRequested) ours.get(1).value()).getData().getRequestedBy())
                .isEqualTo(WorkoutSource.APP);
    }

    @Test
    void shouldChangeNothingWhenTheFinalUpdateIsReplayed() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = startAndComplete(user);
        WorkoutUpdated last = finalUpdate(workoutId, user, figures(EndReason.COMPLETED));
        TestPlatform.publishSealed(workoutId, user, last);
        awaitStatus(user, workoutId, "COMPLETED");

        // when: the same update again, then a workout of the same partition (processed after it, in order)
        TestPlatform.publishSealed(workoutId, user, last);
        UUID marker = TestPlatform.samePartitionAs(workoutId);
        TestPlatform.publishSealed(marker, user, finalUpdate(marker, user, figures(EndReason.ABANDONED)));
        awaitStatus(user, marker, "COMPLETED");

        // then
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldFinishAQuietWorkoutAsAbandonedByThePlatform() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Authorization", bearer(user))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("workout_id", workoutId.toString(), "sport", "walking"))
                .post("/api/v1/workouts").then().statusCode(201);

        // when
        TestPlatform.publishSealed(workoutId, user, finalUpdate(workoutId, user, figures(EndReason.ABANDONED)));

        // then
        awaitStatus(user, workoutId, "COMPLETED");
        given().header("Authorization", bearer(user)).get("/api/v1/workouts/" + workoutId).then()
                .body("abandoned", equalTo(true))
                .body("completed_by", equalTo("PLATFORM"));
        WorkoutCompleted completed = (WorkoutCompleted) awaitPublished(workoutId, 2).get(1).value();
        assertThat(completed.getData().getAbandoned()).isTrue();
        assertThat(completed.getData().getSource()).isEqualTo(WorkoutSource.PLATFORM);
        assertThat(completed.getData().getSportType()).isEqualTo(SportType.WALKING);
    }

    @Test
    void shouldStartAndCompleteAWorkoutItNeverSaw() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = UUID.randomUUID();

        // when
        TestPlatform.publishSealed(workoutId, user, finalUpdate(workoutId, user, figures(EndReason.ABANDONED)));

        // then
        awaitStatus(user, workoutId, "COMPLETED");
        given().header("Authorization", bearer(user)).get("/api/v1/workouts/" + workoutId).then()
                .body("started_by", equalTo("SAMPLES"))
                .body("start_time", equalTo(FIRST_SAMPLE.toString()))
                .body("completed_by", equalTo("PLATFORM"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2);
    }

    @Test
    void shouldStartTheWorkoutOfADeviceThatOnlyStreamsWhenLiveWorkoutClaimsIt() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = UUID.randomUUID();
        Instant claimedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);

        // when
        TestPlatform.claim(workoutId, user, claimedAt);
        TestPlatform.claim(workoutId, user, claimedAt);

        // then
        awaitStatus(user, workoutId, "ACTIVE");
        given().header("Authorization", bearer(user)).get("/api/v1/workouts/" + workoutId).then()
                .body("started_by", equalTo("SAMPLES"))
                .body("sport", equalTo("OTHER"))
                .body("start_time", equalTo(claimedAt.toString()))
                .body("user_id", equalTo(user.toString()));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldStartABurstOfClaimedWorkoutsOnceEachAndDeadLetterWhatIsNoClaim() {
        // given: one workout started by the app, two that only stream, and a record that is no claim
        UUID user = TestPlatform.athlete();
        UUID other = TestPlatform.athlete();
        UUID byApp = startByApp(user);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String unreadable = UUID.randomUUID().toString();
        Instant claimedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(10);

        // when: claimed together (the first one twice, the app's one by another athlete)
        TestPlatform.claimsTogether(List.of(new UUID[] {first, user}, new UUID[] {byApp, other},
                new UUID[] {second, other}, new UUID[] {first, user}), claimedAt, unreadable);

        // then
        awaitStatus(user, first, "ACTIVE");
        awaitStatus(other, second, "ACTIVE");
        given().header("Authorization", bearer(other)).get("/api/v1/workouts/" + second).then()
                .body("started_by", equalTo("SAMPLES"))
                .body("start_time", equalTo(claimedAt.toString()));
        await("dead letter of " + unreadable).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> TestPlatform.deadLetterReasons(Topics.WORKOUT_OWNERS, unreadable),
                        reasons -> reasons.size() == 1 && reasons.getFirst().startsWith("unreadable claim"));
        assertThat(TestPlatform.versionsOf(first)).containsExactly(1);
        assertThat(TestPlatform.versionsOf(second)).containsExactly(1);
        assertThat(TestPlatform.versionsOf(byApp)).containsExactly(1);
        given().header("Authorization", bearer(user)).get("/api/v1/workouts/" + byApp).then()
                .body("started_by", equalTo("APP"))
                .body("user_id", equalTo(user.toString()));
    }

    private static UUID startByApp(UUID user) {
        UUID workoutId = UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Authorization", bearer(user))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("workout_id", workoutId.toString(), "sport", "running"))
                .post("/api/v1/workouts").then().statusCode(201);
        return workoutId;
    }
}
