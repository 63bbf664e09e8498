package io.stride.queries.workouthistory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.jenetics.jpx.GPX;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.stride.platform.security.Roles;
import io.stride.queries.workouthistory.TestKafka;
import io.stride.queries.workouthistory.WorkoutEvents;
import io.stride.queries.workouthistory.mapping.TrackSample;
import io.stride.queries.workouthistory.mapping.Tracks;
import io.stride.schemas.common.SportType;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * The queries over read models built by the projection from sealed events on the devstack's Kafka, into its MongoDB
 * stand-in, ClickHouse stand-in and Redis.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class WorkoutResourceTest {

    /** A completed 2.5 km run of a new athlete, {@code daysAgo} days ago; waits until its owner reads it. */
    static WorkoutEvents.Workout completedRun(UUID athlete, int daysAgo, String title) {
        Instant start = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, start, SportType.RUNNING);
        List<TrackSample> track = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(625, 4.0, true)));
        TestKafka.publish(athlete, workout.workoutId(), workout.started(title), workout.progress(900),
                workout.completionRequested(start.plusSeconds(625)), workout.completed(track, 180),
                workout.tagAdded("tempo"));
        awaitVersion(athlete, workout.workoutId(), 4);
        return workout;
    }

    static void awaitVersion(UUID athlete, UUID workout, int version) {
        await("workout " + workout + " at version " + version).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                            .get("/api/v1/workouts/" + workout);
                    return response.statusCode() == 200 && response.jsonPath().getInt("version") >= version;
                });
    }

    static ValidatableResponse get(UUID user, String path, String... roles) {
        return given().header("Authorization", TestIssuer.bearer(user, roles.length == 0
                ? new String[] {Roles.ATHLETE} : roles)).get(path).then();
    }

    @Test
    void shouldServeTheSummaryDetailsAndRouteWhenTheOwnerAsks() {
        // given
        UUID athlete = TestKafka.athlete();
        WorkoutEvents.Workout workout = completedRun(athlete, 1, "Tempo run");
        String base = "/api/v1/workouts/" + workout.workoutId();

        // when
        JsonPath summary = get(athlete, base).statusCode(200).extract().jsonPath();
        JsonPath details = get(athlete, base + "/details").statusCode(200).extract().jsonPath();
        JsonPath route = get(athlete, base + "/route?zoom=16").statusCode(200).extract().jsonPath();

        // then
        assertThat(summary.getString("workout_id")).isEqualTo(workout.workoutId().toString());
        assertThat(summary.getString("user_id")).isEqualTo(athlete.toString());
        assertThat(summary.getString("sport")).isEqualTo("RUNNING");
        assertThat(summary.getString("title")).isEqualTo("Tempo run");
        assertThat(summary.getString("status")).isEqualTo("COMPLETED");
        assertThat(summary.getInt("duration_seconds")).isEqualTo(625);
        assertThat(summary.getDouble("distance_meters")).isEqualTo(2_500.0);
        assertThat(summary.getDouble("calories_kcal")).isEqualTo(180.0);
        assertThat(summary.getDouble("avg_pace_seconds_per_km")).isCloseTo(250.0, within(1e-6));
        assertThat(summary.getList("tags")).containsExactly("tempo");
        assertThat(Instant.parse(summary.getString("start_time"))).isEqualTo(workout.start());
        assertThat(details.getList("splits")).hasSize(3);
        assertThat(details.getDouble("splits[0].pace_seconds_per_km")).isCloseTo(250.0, within(1e-6));
        assertThat(details.getString("track_status")).isEqualTo("available");
        assertThat(details.getList("series.latitude")).hasSize(126);
        assertThat(details.getList("series.heart_rate_bpm")).containsOnly(150);
        assertThat(details.getLong("best_effort_millis.1k")).isEqualTo(250_000L);
        // a straight line: only its ends remain at any zoom
        assertThat(route.getInt("point_count")).isEqualTo(2);
        assertThat(route.getInt("original_point_count")).isEqualTo(126);
        assertThat(route.getString("geojson.geometry.type")).isEqualTo("LineString");
        assertThat(route.getList("geojson.geometry.coordinates[0]", Double.class)).containsExactly(37.61, 55.75);
        assertThat(route.getString("polyline")).isNotBlank();
    }

    @Test
    void shouldAnswerNotFoundAsForAnUnknownIdWhenSomeoneElseAsks() {
        // given
        UUID athlete = TestKafka.athlete();
        WorkoutEvents.Workout workout = completedRun(athlete, 2, null);
        String base = "/api/v1/workouts/" + workout.workoutId();
        UUID stranger = UUID.randomUUID();

        // when
        String foreign = get(stranger, base).statusCode(404).extract().asString();
        String unknownId = UUID.randomUUID().toString();
        String unknown = get(stranger, "/api/v1/workouts/" + unknownId).statusCode(404).extract().asString();

        // then: the same body but for the id; every read of it is 404 too; an admin reads it
        assertThat(foreign.replace(workout.workoutId().toString(), "ID")).isEqualTo(unknown.replace(unknownId, "ID"));
        for (String path : List.of("/details", "/route", "/export?format=gpx")) {
            get(stranger, base + path).statusCode(404).body("error", equalTo("not_found"));
        }
        get(UUID.randomUUID(), base, Roles.ADMIN).statusCode(200).body("user_id", equalTo(athlete.toString()));
        given().get(base).then().statusCode(401).body("error", equalTo("unauthenticated"));
        get(athlete, base, Roles.MARKETING).statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void shouldAnswerBadRequestInTheErrorFormatWhenInputIsInvalid() {
        UUID athlete = UUID.randomUUID();
        Map<String, String> invalid = Map.of(
                "/api/v1/workouts/not-a-uuid", "workout_id",
                "/api/v1/workouts?sport=curling", "sport",
                "/api/v1/workouts?limit=0", "limit",
                "/api/v1/workouts?limit=1000", "limit",
                "/api/v1/workouts?cursor=nonsense", "cursor",
                "/api/v1/workouts?from=yesterday", "from",
                "/api/v1/workouts/stats?weeks=0", "weeks",
                "/api/v1/workouts/" + UUID.randomUUID() + "/route?zoom=30", "zoom",
                "/api/v1/workouts/" + UUID.randomUUID() + "/export?format=pdf", "format");
        invalid.forEach((path, field) -> get(athlete, path)
                .statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("code", equalTo(400))
                .body("details.violations[0].field", equalTo(field)));
        get(athlete, "/api/v1/workouts?from=2025-02-01&to=2025-01-01").statusCode(400)
                .body("details.violations[0].field", equalTo("to"));
        get(athlete, "/api/v1/workouts?user_id=" + UUID.randomUUID()).statusCode(403)
                .body("error", equalTo("forbidden"));
    }

    @Test
    void shouldExportTheCompletedWorkoutWhenAskedForGpxOrTcx() throws Exception {
        // given
        UUID athlete = TestKafka.athlete();
        WorkoutEvents.Workout workout = completedRun(athlete, 3, "Export");
        String base = "/api/v1/workouts/" + workout.workoutId();

        // when
        var gpx = given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                .get(base + "/export?format=gpx").then().statusCode(200).extract();
        var tcx = given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                .get(base + "/export?format=tcx").then().statusCode(200).extract();

        // then: files of every point, named after the workout
        assertThat(gpx.contentType()).startsWith("application/gpx+xml");
        assertThat(gpx.header("Content-Disposition")).contains("workout-" + workout.workoutId() + ".gpx");
        var parsed = GPX.Reader.of(GPX.Reader.Mode.STRICT).read(new ByteArrayInputStream(gpx.asByteArray()));
        assertThat(parsed.tracks().flatMap(t -> t.segments()).flatMap(s -> s.points()).count()).isEqualTo(126);
        assertThat(tcx.contentType()).startsWith("application/vnd.garmin.tcx+xml");
        assertThat(tcx.asString()).contains("<Activity Sport=\"Running\">");
        assertThat(tcx.asString().split("<Trackpoint>", -1)).hasSize(127);
    }

    @Test
    void shouldRefuseToExportWhenTheWorkoutIsNotCompleted() {
        // given: a workout in progress
        UUID athlete = TestKafka.athlete();
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                SportType.RUNNING);
        TestKafka.publish(athlete, workout.workoutId(), workout.started(null));
        awaitVersion(athlete, workout.workoutId(), 1);
        String base = "/api/v1/workouts/" + workout.workoutId();

        // then
        get(athlete, base + "/export?format=gpx").statusCode(422).body("error", equalTo("workout_not_completed"));
        get(athlete, base + "/route").statusCode(404).body("error", equalTo("not_found"));
        get(athlete, base + "/details").statusCode(200).body("track_status", equalTo("none"));
    }
}
