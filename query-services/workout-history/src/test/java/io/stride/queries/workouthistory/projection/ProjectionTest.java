package io.stride.queries.workouthistory.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.platform.security.Roles;
import io.stride.queries.workouthistory.TestKafka;
import io.stride.queries.workouthistory.WorkoutEvents;
import io.stride.queries.workouthistory.mapping.TrackSample;
import io.stride.queries.workouthistory.mapping.Tracks;
import io.stride.queries.workouthistory.mapping.WorkoutViews;
import io.stride.queries.workouthistory.store.ReadModels;
import io.stride.queries.workouthistory.store.TrackDocument;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.testing.DevstackKafka;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * The projection against the devstack: idempotent under re-delivery, records written before sealing, erasure from
 * every store, records of erased athletes skipped and counted, unreadable records dead-lettered, and the coordinates'
 * 6-month retention enforced by the purge (with an injected clock) where the MongoDB stand-in has no TTL.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ProjectionTest {

    @Inject
    ReadModels models;

    @Inject
    RedisDataSource redis;

    private final List<TrackSample> track = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(625, 4.0, true)));

    private static io.restassured.response.Response summary(UUID athlete, UUID workout) {
        return given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                .get("/api/v1/workouts/" + workout);
    }

    private static void awaitVersion(UUID athlete, UUID workout, int version) {
        await("version " + version + " of " + workout).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = summary(athlete, workout);
                    return response.statusCode() == 200 && response.jsonPath().getInt("version") == version;
                });
    }

    private static double metric(String name, String tag) {
        String metrics = given().header("Accept", "text/plain").get("/metrics").then().statusCode(200).extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith(name) && line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void shouldLeaveTheReadModelsUnchangedWhenEventsAreDeliveredAgain() throws Exception {
        // given
        UUID athlete = TestKafka.athlete();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, start, SportType.RUNNING);
        WorkoutStarted started = workout.started("Once");
        WorkoutCompleted completed = workout.completed(track, 150);
        TestKafka.publish(athlete, workout.workoutId(), started, completed);
        awaitVersion(athlete, workout.workoutId(), 2);
        var before = models.workouts().find(workout.workoutId().toString()).await().indefinitely().orElseThrow();
        String statsBefore = models.stats().raw(List.of(workout.workoutId().toString())).toString();

        // when: the same events again (an outbox relay retrying, a consumer restarting before its commit), then a new
        // one behind them so that we know they were read
        TestKafka.publish(athlete, workout.workoutId(), started, completed, workout.tagAdded("again"));
        awaitVersion(athlete, workout.workoutId(), 3);

        // then: only the new event changed anything
        var after = models.workouts().find(workout.workoutId().toString()).await().indefinitely().orElseThrow();
        assertThat(after.appliedEventIds).hasSize(3).containsAll(before.appliedEventIds);
        assertThat(after.version).isEqualTo(3);
        assertThat(after.tags).containsExactly("again");
        assertThat(after).usingRecursiveComparison()
                .ignoringFields("appliedEventIds", "version", "tags", "updatedAt")
                .isEqualTo(before);
        assertThat(models.stats().raw(List.of(workout.workoutId().toString())).toString())
                .isEqualTo(statsBefore.replace(",2,0)", ",3,0)"));
    }

    @Test
    void shouldApplyRecordsWrittenBeforeSealingWhenTheyHaveNoSealHeader() {
        // given
        UUID athlete = UUID.randomUUID();
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, Instant.now().minus(3, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS), SportType.WALKING);

        // when
        TestKafka.publishUnsealed(workout.workoutId(), workout.started(null), workout.completed(track, 90));

        // then
        awaitVersion(athlete, workout.workoutId(), 2);
    }

    @Test
    void shouldDeleteEveryReadModelOfTheAthleteWhenTheAthleteIsErased() throws Exception {
        // given: a completed workout, its summary cached
        UUID athlete = TestKafka.athlete();
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, Instant.now().minus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS), SportType.CYCLING);
        TestKafka.publish(athlete, workout.workoutId(), workout.started("Erase me"), workout.completed(track, 90));
        awaitVersion(athlete, workout.workoutId(), 2);
        String id = workout.workoutId().toString();
        assertThat(redis.value(String.class).get("workout-history:summary:" + id)).contains("Erase me");
        double erasedBefore = metric("queries_projection_records_total", "outcome=\"erased_user\"");

        // when
        TestKafka.erase(athlete);

        // then: gone from MongoDB, ClickHouse and Redis; the API answers 404
        await("erasure").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> summary(athlete, workout.workoutId()).statusCode() == 404);
        assertThat(models.workouts().raw(List.of(id)).await().indefinitely()).isEmpty();
        assertThat(models.tracks().raw(List.of(id)).await().indefinitely()).isEmpty();
        assertThat(models.stats().raw(List.of(id))).isEmpty();
        assertThat(redis.value(String.class).get("workout-history:summary:" + id)).isEqualTo("erased");
        assertThat(redis.key().exists("workout-history:stats:" + athlete)).isFalse();

        // and when the athlete's events arrive later (sealed with the shredded key, or not sealed at all)
        WorkoutEvents.Workout late = WorkoutEvents.Workout.of(athlete, Instant.now(), SportType.RUNNING);
        TestKafka.publish(athlete, late.workoutId(), late.started("late"));
        TestKafka.publishUnsealed(late.workoutId(), late.tagAdded("late"));

        // then: skipped and counted, never applied
        await("skipped records counted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("queries_projection_records_total", "outcome=\"erased_user\"")
                        >= erasedBefore + 2);
        assertThat(models.workouts().raw(List.of(late.workoutId().toString())).await().indefinitely()).isEmpty();
    }

    @Test
    void shouldDeadLetterARecordWhenItCannotBeRead() {
        // given
        UUID workout = UUID.randomUUID();

        // when
        TestKafka.publishBytes(workout, "not avro".getBytes(StandardCharsets.UTF_8));

        // then
        var deadLetter = DevstackKafka.awaitRecordsOf(Topics.WORKOUT_EVENTS_DLQ, workout.toString(), 1,
                record -> true).getFirst();
        assertThat(deadLetter.value()).asString(StandardCharsets.UTF_8).isEqualTo("not avro");
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHandler.REASON_HEADER).value(),
                StandardCharsets.UTF_8)).isNotBlank();
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHandler.SOURCE_HEADER).value(),
                StandardCharsets.UTF_8)).startsWith("workouts.workout-events/");
    }

    @Test
    void shouldPurgeCoordinatesSixMonthsAfterTheWorkoutWhenThePurgeRuns() {
        // given: a workout that ended 10 minutes ago, with its track, recorded by the platform a second later
        UUID athlete = TestKafka.athlete();
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, start, SportType.RUNNING);
        TestKafka.publish(athlete, workout.workoutId(), workout.started(null), workout.completed(track, 150));
        awaitVersion(athlete, workout.workoutId(), 2);
        String id = workout.workoutId().toString();
        Instant recorded = start.plusSeconds(626);
        Instant expiry = recorded.atZone(ZoneOffset.UTC).plusMonths(6).toInstant();
        TrackDocument stored = models.tracks().find(id).await().indefinitely().orElseThrow();
        assertThat(stored.expiresAt()).isEqualTo(expiry);

        // when: a purge a second before the expiry, then one at it
        long early = new CoordinatePurge(models, Clock.fixed(expiry.minusSeconds(1), ZoneOffset.UTC)).purge()
                .await().indefinitely();
        boolean keptBefore = models.tracks().find(id).await().indefinitely().isPresent();
        new CoordinatePurge(models, Clock.fixed(expiry, ZoneOffset.UTC)).purge().await().indefinitely();

        // then: kept until the expiry, gone from it on; the workout's figures stay, its track reads as expired
        assertThat(keptBefore).isTrue();
        assertThat(early).isGreaterThanOrEqualTo(0);
        assertThat(models.tracks().find(id).await().indefinitely()).isEmpty();
        var document = models.workouts().find(id).await().indefinitely().orElseThrow();
        assertThat(WorkoutViews.trackStatus(document, null, expiry)).isEqualTo("expired");
        assertThat(document.splits).hasSize(3);
    }

    @Test
    void shouldKeepTheCoordinatesSixMonthsFromTheImportWhenARecordingOfLastYearIsImported() {
        // given: a run of last year, whose completion the platform records now
        UUID athlete = TestKafka.athlete();
        Instant start = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, start, SportType.RUNNING);
        WorkoutCompleted completed = workout.completed(track, 150);
        Instant recorded = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        completed.setTimestamp(recorded);

        // when
        TestKafka.publish(athlete, workout.workoutId(), workout.started(null), completed);
        awaitVersion(athlete, workout.workoutId(), 2);

        // then: dated last year, its route there until 6 months after the import
        String base = "/api/v1/workouts/" + workout.workoutId();
        var details = given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                .get(base + "/details").then().statusCode(200).extract().jsonPath();
        assertThat(details.getString("track_status")).isEqualTo("available");
        assertThat(Instant.parse(details.getString("summary.start_time"))).isEqualTo(start);
        given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE)).get(base + "/route")
                .then().statusCode(200);
        assertThat(models.tracks().find(workout.workoutId().toString()).await().indefinitely().orElseThrow()
                .expiresAt()).isEqualTo(recorded.atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
    }

    @Test
    void shouldNotKeepCoordinatesWhenTheWorkoutWasRecordedMoreThanSixMonthsAgo() {
        // given: a workout of last year as the platform recorded it then (its events replayed now)
        UUID athlete = TestKafka.athlete();
        Instant start = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, start, SportType.RUNNING);

        // when
        TestKafka.publish(athlete, workout.workoutId(), workout.started(null), workout.completed(track, 150));
        awaitVersion(athlete, workout.workoutId(), 2);

        // then: the figures and splits are there, the coordinates are not
        String base = "/api/v1/workouts/" + workout.workoutId();
        var details = given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                .get(base + "/details").then().statusCode(200).extract().jsonPath();
        assertThat(details.getString("track_status")).isEqualTo("expired");
        assertThat(details.getList("splits")).hasSize(3);
        assertThat(details.getString("series")).isNull();
        given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE)).get(base + "/route")
                .then().statusCode(410).body("error", equalTo("track_expired"));
        assertThat(models.tracks().find(workout.workoutId().toString()).await().indefinitely()).isEmpty();
    }

    @Test
    void shouldDeclareTheTtlIndexWhenTheSchemaIsCreated() {
        // when
        List<Document> indexes = models.mongo().getCollection("workout_tracks").listIndexes().collect().asList()
                .await().indefinitely();

        // then: what real MongoDB expires tracks by (the stand-in keeps the declaration but never expires)
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).containsEntry("expires_at", 1);
            assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
        });
    }
}
