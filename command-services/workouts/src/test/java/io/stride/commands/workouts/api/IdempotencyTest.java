package io.stride.commands.workouts.api;

import static io.stride.commands.workouts.api.Calls.as;
import static io.stride.commands.workouts.api.Calls.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stride.commands.workouts.TestPlatform;
import io.stride.platform.http.CommandHeaders;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/** Idempotency keys: a retry answers the first outcome and appends nothing; another body 422; in flight 409. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class IdempotencyTest {

    @Inject
    ObjectMapper json;

    @Test
    void shouldAnswerTheFirstOutcomeAndAppendNothingWhenAStartIsRetried() {
        // given
        UUID user = TestPlatform.athlete();
        String bearer = TestIssuer.bearer(user, Roles.ATHLETE);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("sport", "running", "title", "Tempo");
        Response first = as(bearer).header("Idempotency-Key", key).body(body).post("/api/v1/workouts");
        first.then().statusCode(201);
        String workoutId = first.path("workout_id");

        // when: the answer was lost, the client sends the same request again (no workout id: a new one each time)
        Response retry = as(bearer).header("Idempotency-Key", key).body(body).post("/api/v1/workouts");

        // then
        retry.then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", "\"1\"")
                .body("workout_id", equalTo(workoutId));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(TestPlatform.query("select workout_id from workouts.workout_events where user_id = ?", user))
                .hasSize(1);
    }

    @Test
    void shouldAnswerTheFirstOutcomeEvenAfterTheWorkoutChanged() {
        // given
        String bearer = TestIssuer.bearer(TestPlatform.athlete(), Roles.ATHLETE);
        UUID workoutId = started(bearer);
        String key = UUID.randomUUID().toString();
        as(bearer).header("Idempotency-Key", key).post("/api/v1/workouts/" + workoutId + "/pause").then()
                .statusCode(200).body("version", equalTo(2));
        Calls.post(bearer, workoutId, "resume", null).then().statusCode(200);

        // when
        Response retry = as(bearer).header("Idempotency-Key", key).post("/api/v1/workouts/" + workoutId + "/pause");

        // then: the pause's answer, not a 409 for pausing a paused workout nor a second pause
        retry.then().statusCode(200).header("Idempotency-Replayed", "true").body("status", equalTo("PAUSED"))
                .body("version", equalTo(2));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherRequest() {
        // given
        String bearer = TestIssuer.bearer(TestPlatform.athlete(), Roles.ATHLETE);
        UUID workoutId = started(bearer);
        String key = UUID.randomUUID().toString();
        as(bearer).header("Idempotency-Key", key).body(Map.of("tag", "race")).post("/api/v1/workouts/" + workoutId
                + "/tags").then().statusCode(200);

        // when
        Response otherBody = as(bearer).header("Idempotency-Key", key).body(Map.of("tag", "easy"))
                .post("/api/v1/workouts/" + workoutId + "/tags");
        Response otherCommand = as(bearer).header("Idempotency-Key", key)
                .post("/api/v1/workouts/" + workoutId + "/pause");

        // then
        otherBody.then().statusCode(422).body("error", equalTo("idempotency_key_reused")).body("code", equalTo(422));
        otherCommand.then().statusCode(422).body("error", equalTo("idempotency_key_reused"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2);
    }

    @Test
    void shouldRefuseADuplicateWhileTheFirstRequestIsInFlight() throws Exception {
        // given: the first request claimed its key and is still running (its row is IN_FLIGHT)
        UUID user = TestPlatform.athlete();
        String bearer = TestIssuer.bearer(user, Roles.ATHLETE);
        UUID workoutId = started(bearer);
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/workouts/" + workoutId + "/pause";
        String hash = CommandHeaders.requestHash("POST", path, json.writeValueAsString(null) + "\nif-match:null");
        TestPlatform.execute("insert into workouts.idempotency_keys (user_id, idempotency_key, request_hash, state, "
                + "created_at) values (?, ?, ?, 'IN_FLIGHT', now())", user, key, hash);

        // when
        Response duplicate = as(bearer).header("Idempotency-Key", key).post(path);

        // then
        duplicate.then().statusCode(409).body("error", equalTo("idempotency_key_in_flight"))
                .header("Retry-After", "1");
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldTakeOverAKeyWhoseRequestDiedInFlight() throws Exception {
        // given: an instance claimed the key a minute ago and died
        UUID user = TestPlatform.athlete();
        String bearer = TestIssuer.bearer(user, Roles.ATHLETE);
        UUID workoutId = started(bearer);
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/workouts/" + workoutId + "/pause";
        String hash = CommandHeaders.requestHash("POST", path, json.writeValueAsString(null) + "\nif-match:null");
        TestPlatform.execute("insert into workouts.idempotency_keys (user_id, idempotency_key, request_hash, state, "
                + "created_at) values (?, ?, ?, 'IN_FLIGHT', ?)", user, key, hash,
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)));

        // when
        Response retry = as(bearer).header("Idempotency-Key", key).post(path);

        // then
        retry.then().statusCode(200).body("status", equalTo("PAUSED"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2);
    }

    @Test
    void shouldReleaseTheKeyWhenTheCommandAppendedNothing() {
        // given: a pause refused (the workout is paused already)
        String bearer = TestIssuer.bearer(TestPlatform.athlete(), Roles.ATHLETE);
        UUID workoutId = started(bearer);
        Calls.post(bearer, workoutId, "pause", null).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        as(bearer).header("Idempotency-Key", key).post("/api/v1/workouts/" + workoutId + "/pause").then()
                .statusCode(409);
        Calls.post(bearer, workoutId, "resume", null).then().statusCode(200);

        // when: the same key once the pause is possible
        Response again = as(bearer).header("Idempotency-Key", key).post("/api/v1/workouts/" + workoutId + "/pause");

        // then
        again.then().statusCode(200).body("status", equalTo("PAUSED"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2, 3, 4);
    }
}
