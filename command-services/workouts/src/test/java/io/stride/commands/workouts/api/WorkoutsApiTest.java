package io.stride.commands.workouts.api;

import static io.stride.commands.workouts.api.Calls.as;
import static io.stride.commands.workouts.api.Calls.command;
import static io.stride.commands.workouts.api.Calls.get;
import static io.stride.commands.workouts.api.Calls.post;
import static io.stride.commands.workouts.api.Calls.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stride.commands.workouts.TestPlatform;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/** The REST commands end to end through the real event store: answers, headers, errors, and what gets appended. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class WorkoutsApiTest {

    private static String athlete(UUID user) {
        return TestIssuer.bearer(user, Roles.ATHLETE);
    }

    @Test
    void shouldAnswerCreatedWithLocationAndETagWhenAnAthleteStartsAWorkout() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = UUID.randomUUID();

        // when
        Response response = command(athlete(user))
                .body(Map.of("workout_id", workoutId.toString(), "sport", "Cycling", "title", "Commute",
                        "location", Map.of("latitude", 55.7558, "longitude", 37.6173)))
                .post("/api/v1/workouts");

        // then
        response.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/workouts/" + workoutId))
                .header("ETag", "\"1\"")
                .body("workout_id", equalTo(workoutId.toString()))
                .body("user_id", equalTo(user.toString()))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("sport", equalTo("CYCLING"))
                .body("started_by", equalTo("APP"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldGoThroughItsLifeAndShowTheCurrentStateToItsOwner() {
        // given
        UUID user = TestPlatform.athlete();
        String bearer = athlete(user);
        UUID workoutId = started(bearer);

        // when
        post(bearer, workoutId, "pause", null).then().statusCode(200).body("status", equalTo("PAUSED"));
        post(bearer, workoutId, "resume", Map.of()).then().statusCode(200).body("status", equalTo("ACTIVE"));
        post(bearer, workoutId, "tags", Map.of("tag", "Race")).then().statusCode(200)
                .body("tags", contains("race"));
        command(bearer).body(Map.of("title", "Parkrun", "notes", "windy"))
                .patch("/api/v1/workouts/" + workoutId)
                .then().statusCode(200).body("title", equalTo("Parkrun"));
        Response completing = post(bearer, workoutId, "complete", Map.of());

        // then
        completing.then()
                .statusCode(202)
                .header("Location", endsWith("/api/v1/workouts/" + workoutId))
                .header("ETag", "\"6\"")
                .body("status", equalTo("COMPLETING"))
                .body("completion_requested_by", equalTo("APP"))
                .body("requested_end_time", notNullValue());
        get(bearer, workoutId).then()
                .statusCode(200)
                .header("ETag", "\"6\"")
                .body("status", equalTo("COMPLETING"))
                .body("title", equalTo("Parkrun"))
                .body("notes", equalTo("windy"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void shouldAnswerNotFoundWhenAnotherAthleteAsksAndShowItToAnAdmin() {
        // given
        UUID owner = TestPlatform.athlete();
        UUID workoutId = started(athlete(owner));
        String stranger = athlete(UUID.randomUUID());

        // when / then
        get(stranger, workoutId).then().statusCode(404).body("error", equalTo("not_found"))
                .body("code", equalTo(404));
        post(stranger, workoutId, "pause", null).then().statusCode(404).body("error", equalTo("not_found"));
        post(stranger, workoutId, "cancel", null).then().statusCode(404);
        get(TestIssuer.bearer(UUID.randomUUID(), Roles.ADMIN), workoutId).then().statusCode(200)
                .body("user_id", equalTo(owner.toString()));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldRefuseAnImpossibleTransitionWithTheCurrentStatusAndVersion() {
        // given
        String bearer = athlete(TestPlatform.athlete());
        UUID workoutId = started(bearer);
        post(bearer, workoutId, "pause", null).then().statusCode(200);

        // when
        Response twice = post(bearer, workoutId, "pause", null);

        // then
        twice.then()
                .statusCode(409)
                .body("error", equalTo("invalid_transition"))
                .body("code", equalTo(409))
                .body("details.status", equalTo("PAUSED"))
                .body("details.version", equalTo(2))
                .body("details.command", equalTo("pause"));
        post(bearer, workoutId, "cancel", Map.of("reason", "rain")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        post(bearer, workoutId, "complete", null).then().statusCode(409)
                .body("details.status", equalTo("CANCELLED"))
                .body("details.version", equalTo(3));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldRefuseAStaleIfMatchWithTheCurrentVersion() {
        // given
        String bearer = athlete(TestPlatform.athlete());
        UUID workoutId = started(bearer);
        post(bearer, workoutId, "tags", Map.of("tag", "easy")).then().statusCode(200).header("ETag", "\"2\"");

        // when
        Response stale = command(bearer).header("If-Match", "\"1\"").post("/api/v1/workouts/" + workoutId + "/pause");
        Response fresh = command(bearer).header("If-Match", "\"2\"").post("/api/v1/workouts/" + workoutId + "/pause");

        // then
        stale.then()
                .statusCode(409)
                .body("error", equalTo("version_conflict"))
                .body("details.current_version", equalTo(2))
                .body("details.expected_version", equalTo(1))
                .body("details.status", equalTo("ACTIVE"));
        fresh.then().statusCode(200).header("ETag", "\"3\"");
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldRefuseAWorkoutIdThatIsTaken() {
        // given
        String bearer = athlete(TestPlatform.athlete());
        UUID workoutId = started(bearer);

        // when
        Response again = command(athlete(UUID.randomUUID()))
                .body(Map.of("workout_id", workoutId.toString(), "sport", "running"))
                .post("/api/v1/workouts");

        // then
        again.then().statusCode(409).body("error", equalTo("workout_exists"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldRequestTheCompletionInOneGoWhenARecordingIsImported() {
        // given
        String bearer = athlete(TestPlatform.athlete());
        UUID workoutId = UUID.randomUUID();
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        // when
        Response imported = command(bearer)
                .body(Map.of("workout_id", workoutId.toString(), "sport", "hiking", "start_time", start.toString(),
                        "end_time", start.plus(2, ChronoUnit.HOURS).toString()))
                .post("/api/v1/workouts/imports");

        // then
        imported.then().statusCode(202)
                .body("status", equalTo("COMPLETING"))
                .body("started_by", equalTo("IMPORT"))
                .body("start_time", equalTo(start.toString()));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2);
    }

    // --- bad input: 4xx in the error format, nothing appended ---------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sport\": \"curling\"}",
            "{\"sport\": 7}",
            "{\"sport\": \"running\", \"workout_id\": \"not-a-uuid\"}",
            "{\"sport\": \"running\", \"start_time\": \"yesterday\"}",
            "{\"sport\": \"running\", \"start_time\": \"2999-01-01T00:00:00Z\"}",
            "{\"sport\": \"running\", \"title\": {\"a\": 1}}",
            "{\"sport\": \"running\", \"location\": {\"latitude\": 91, \"longitude\": 0}}",
            "{\"sport\": \"running\"",
            "{}",
            "[]"})
    void shouldRefuseABadStartWithoutAppendingAnything(String body) {
        // given
        UUID user = TestPlatform.athlete();

        // when
        Response response = command(athlete(user)).body(body).post("/api/v1/workouts");

        // then
        response.then().statusCode(400).body("code", equalTo(400)).body("error", notNullValue())
                .body("message", notNullValue());
        assertThat(TestPlatform.query("select 1 from workouts.workout_events where user_id = ?", user)).isEmpty();
    }

    @Test
    void shouldRefuseANegativeDurationWithoutAppendingAnything() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = UUID.randomUUID();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);

        // when
        Response response = command(athlete(user))
                .body(Map.of("workout_id", workoutId.toString(), "sport", "hiking", "start_time", start.toString(),
                        "end_time", start.minus(10, ChronoUnit.MINUTES).toString()))
                .post("/api/v1/workouts/imports");

        // then
        response.then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("details.violations[0].field", equalTo("end_time"));
        assertThat(TestPlatform.versionsOf(workoutId)).isEmpty();
    }

    @Test
    void shouldRefuseMalformedIdsOversizedTagsAndWrongTypesWithoutAppendingAnything() {
        // given
        String bearer = athlete(TestPlatform.athlete());
        UUID workoutId = started(bearer);

        // when / then
        command(bearer).post("/api/v1/workouts/not-a-uuid/pause").then().statusCode(400)
                .body("error", equalTo("validation_failed"));
        as(bearer).get("/api/v1/workouts/12345").then().statusCode(400);
        post(bearer, workoutId, "tags", Map.of("tag", "x".repeat(33))).then().statusCode(400)
                .body("details.violations[0].field", equalTo("tag"));
        post(bearer, workoutId, "tags", Map.of("tag", "y".repeat(500))).then().statusCode(400);
        post(bearer, workoutId, "tags", Map.of("tag", "two words")).then().statusCode(400);
        post(bearer, workoutId, "tags", Map.of("tag", List.of("a"))).then().statusCode(400);
        post(bearer, workoutId, "pause", Map.of("at", Map.of("hour", 17))).then().statusCode(400);
        post(bearer, workoutId, "complete", Map.of("end_time", "2999-01-01T00:00:00Z")).then().statusCode(400);
        command(bearer).body(Map.of()).patch("/api/v1/workouts/" + workoutId).then().statusCode(400);
        command(bearer).body(Map.of("sport", "quidditch")).patch("/api/v1/workouts/" + workoutId).then()
                .statusCode(400).body("details.violations[0].field", equalTo("sport"));
        command(bearer).body(Map.of("notes", "n".repeat(2_001))).patch("/api/v1/workouts/" + workoutId).then()
                .statusCode(400);
        command(bearer).header("If-Match", "yesterday").post("/api/v1/workouts/" + workoutId + "/pause").then()
                .statusCode(400);
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldRequireAnIdempotencyKeyOnEveryCommand() {
        // given
        String bearer = athlete(TestPlatform.athlete());
        UUID workoutId = started(bearer);

        // when / then
        as(bearer).body(Map.of("sport", "running")).post("/api/v1/workouts").then().statusCode(400)
                .body("error", equalTo("idempotency_key_required"));
        for (String action : List.of("pause", "resume", "complete", "cancel")) {
            as(bearer).post("/api/v1/workouts/" + workoutId + "/" + action).then().statusCode(400)
                    .body("error", equalTo("idempotency_key_required"));
        }
        as(bearer).body(Map.of("tag", "x")).post("/api/v1/workouts/" + workoutId + "/tags").then().statusCode(400);
        as(bearer).body(Map.of("title", "x")).patch("/api/v1/workouts/" + workoutId).then().statusCode(400);
        as(bearer).header("Idempotency-Key", "with space").post("/api/v1/workouts/" + workoutId + "/pause").then()
                .statusCode(400);
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldRefuseATagBeyondTheLimitAsARuleViolation() {
        // given
        String bearer = athlete(TestPlatform.athlete());
        UUID workoutId = started(bearer);
        for (int i = 0; i < 20; i++) {
            post(bearer, workoutId, "tags", Map.of("tag", "t" + i)).then().statusCode(200);
        }

        // when
        Response oneMore = post(bearer, workoutId, "tags", Map.of("tag", "more"));

        // then
        oneMore.then().statusCode(422).body("error", equalTo("tag_limit_reached"))
                .body("details.max_tags", equalTo(20));
        assertThat(TestPlatform.versionsOf(workoutId)).hasSize(21);
    }
}
