package io.stride.queries.workouthistory.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.platform.security.Roles;
import io.stride.queries.workouthistory.TestKafka;
import io.stride.queries.workouthistory.WorkoutEvents;
import io.stride.queries.workouthistory.mapping.TrackSample;
import io.stride.queries.workouthistory.mapping.Tracks;
import io.stride.queries.workouthistory.store.ClickHouseConnections;
import io.stride.queries.workouthistory.store.FieldSealing;
import io.stride.queries.workouthistory.store.ReadModels;
import io.stride.queries.workouthistory.store.WorkoutDocument;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutSource;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * The documented rebuild: every event replayed from the first offset into a fresh generation gives read models equal,
 * document by document and row by row, to the ones the projection built as the events arrived (re-delivered events,
 * edits, pauses, tags, a cancellation, records written before sealing, an erased athlete and old imported workouts
 * included).
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ReplayTest {

    @Inject
    ReadModels served;

    @Inject
    ReactiveMongoClient mongo;

    @Inject
    ClickHouseConnections clickhouse;

    @Inject
    FieldSealing sealing;

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<TrackSample> run(double metersPerSecond, long seconds) {
        return Tracks.north(59.93, 30.31, 5, List.of(new Tracks.Leg(seconds / 2, metersPerSecond, true),
                new Tracks.Leg(30, 0, false), new Tracks.Leg(seconds / 2, metersPerSecond, true)));
    }

    private static void awaitVersion(UUID athlete, UUID workout, int version) {
        await("version " + version + " of " + workout).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = given().header("Authorization", TestIssuer.bearer(athlete, Roles.ADMIN))
                            .get("/api/v1/workouts/" + workout);
                    return response.statusCode() == 200 && response.jsonPath().getInt("version") == version;
                });
    }

    @Test
    void shouldRebuildReadModelsEqualToTheIncrementalOnesWhenEveryEventIsReplayed() throws Exception {
        // given: an athlete's history as it arrived, with its awkward parts
        UUID athlete = TestKafka.athlete();
        List<UUID> workouts = new ArrayList<>();
        WorkoutEvents.Workout morning = WorkoutEvents.Workout.of(athlete, daysAgo(1), SportType.RUNNING);
        WorkoutStarted started = morning.started("Morning");
        WorkoutCompleted completed = morning.completed(run(3.2, 1_200), 300);
        TestKafka.publish(athlete, morning.workoutId(), started, morning.progress(500),
                morning.completionRequested(morning.start().plusSeconds(1_230)), completed, morning.tagAdded("easy"),
                started, completed, morning.edited("Easy morning", "legs heavy", null));
        workouts.add(morning.workoutId());
        WorkoutEvents.Workout ride = WorkoutEvents.Workout.of(athlete, daysAgo(3), SportType.CYCLING);
        TestKafka.publish(athlete, ride.workoutId(), ride.started(null), ride.completed(run(8, 1_800), 500),
                ride.tagAdded("commute"), ride.tagAdded("rain"));
        workouts.add(ride.workoutId());
        WorkoutEvents.Workout abandoned = WorkoutEvents.Workout.of(athlete, daysAgo(2), SportType.WALKING);
        TestKafka.publish(athlete, abandoned.workoutId(), abandoned.started(null), abandoned.cancelled());
        workouts.add(abandoned.workoutId());
        WorkoutEvents.Workout cancelledLater = WorkoutEvents.Workout.of(athlete, daysAgo(4), SportType.RUNNING);
        TestKafka.publish(athlete, cancelledLater.workoutId(), cancelledLater.started(null),
                cancelledLater.completed(run(3, 600), 100), cancelledLater.cancelled());
        workouts.add(cancelledLater.workoutId());
        // old recordings imported now: one of last year, one of last month (recorded by the platform now, as the
        // workouts service does: their coordinates are kept 6 months from now)
        for (int days : new int[] {400, 40}) {
            WorkoutEvents.Workout imported = WorkoutEvents.Workout.of(athlete, daysAgo(days), SportType.RUNNING);
            WorkoutStarted importStarted = imported.started("Imported");
            importStarted.getData().setSource(WorkoutSource.IMPORT);
            WorkoutCompleted importCompleted = imported.completed(run(2.8, 2_400), 400);
            importCompleted.getData().setSource(WorkoutSource.IMPORT);
            importCompleted.setTimestamp(Instant.now());
            TestKafka.publish(athlete, imported.workoutId(), importStarted, importCompleted);
            workouts.add(imported.workoutId());
        }
        // records written before sealing
        WorkoutEvents.Workout unsealed = WorkoutEvents.Workout.of(athlete, daysAgo(5), SportType.HIKING);
        TestKafka.publishUnsealed(unsealed.workoutId(), unsealed.started(null), unsealed.completed(run(1.2, 3_600),
                600));
        workouts.add(unsealed.workoutId());
        // an athlete erased after two workouts
        UUID erased = TestKafka.athlete();
        WorkoutEvents.Workout gone = WorkoutEvents.Workout.of(erased, daysAgo(6), SportType.RUNNING);
        TestKafka.publish(erased, gone.workoutId(), gone.started("gone"), gone.completed(run(3, 900), 200));
        awaitVersion(erased, gone.workoutId(), 2);
        TestKafka.erase(erased);
        workouts.add(gone.workoutId());
        awaitVersion(athlete, morning.workoutId(), 5);
        awaitVersion(athlete, ride.workoutId(), 4);
        awaitVersion(athlete, abandoned.workoutId(), 2);
        awaitVersion(athlete, cancelledLater.workoutId(), 3);
        for (UUID id : workouts.subList(4, 7)) {
            awaitVersion(athlete, id, 2);
        }
        await("erasure").atMost(Duration.ofSeconds(60)).until(() -> given()
                .header("Authorization", TestIssuer.bearer(erased, Roles.ATHLETE))
                .get("/api/v1/workouts/" + gone.workoutId()).statusCode() == 404);

        // when: the documented rebuild into a fresh generation
        String generation = "replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = TestIssuer.bearer(UUID.randomUUID(), Roles.ADMIN);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("generation", generation))
                .post("/api/v1/admin/read-model-rebuilds")
                .then().statusCode(202)
                .header("Location", endsWith("/api/v1/admin/read-model-rebuilds/" + generation));
        await("rebuild").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", admin)
                        .get("/api/v1/admin/read-model-rebuilds/" + generation)
                        .then().statusCode(200).extract().path("state"), state -> !"RUNNING".equals(state));
        given().header("Authorization", admin).get("/api/v1/admin/read-model-rebuilds/" + generation)
                .then().body("state", equalTo("DONE"));

        // then: the same documents, tracks and analytics rows
        ReadModels rebuilt = ReadModels.of(generation, mongo, clickhouse, sealing, Optional.empty());
        try {
            List<String> ids = workouts.stream().map(UUID::toString).toList();
            // opened (the sealed parts are encrypted with a fresh nonce each time), compared field by field
            Map<String, WorkoutDocument> servedWorkouts = served.workouts().findAll(ids).await().indefinitely();
            Map<String, WorkoutDocument> rebuiltWorkouts = rebuilt.workouts().findAll(ids).await().indefinitely();
            assertThat(servedWorkouts).hasSize(workouts.size() - 1).doesNotContainKey(gone.workoutId().toString());
            assertThat(rebuiltWorkouts).usingRecursiveComparison().isEqualTo(servedWorkouts);
            Map<String, Document> servedTracks = served.tracks().raw(ids).await().indefinitely();
            assertThat(servedTracks).hasSize(6).containsKeys(workouts.get(4).toString(), workouts.get(5).toString());
            for (String id : servedTracks.keySet()) {
                assertThat(rebuilt.tracks().find(id).await().indefinitely())
                        .isEqualTo(served.tracks().find(id).await().indefinitely());
            }
            assertThat(rebuilt.tracks().raw(ids).await().indefinitely()).containsOnlyKeys(servedTracks.keySet());
            Map<String, String> servedRows = served.stats().raw(ids);
            assertThat(servedRows).containsKeys(ids.get(0), ids.get(1), ids.get(4), ids.get(5), ids.get(6))
                    .doesNotContainKey(ids.get(2));
            assertThat(rebuilt.stats().raw(ids)).isEqualTo(servedRows);
            assertThat(servedWorkouts.get(morning.workoutId().toString()).title).isEqualTo("Easy morning");
        } finally {
            rebuilt.drop().await().indefinitely();
        }
    }
}
