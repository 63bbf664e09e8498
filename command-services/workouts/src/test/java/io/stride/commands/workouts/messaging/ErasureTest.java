package io.stride.commands.workouts.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.commands.workouts.TestPlatform;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/** The right to erasure: the athlete's events, idempotency keys and outbox rows go; other athletes' stay. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ErasureTest {

    private static UUID start(UUID user) {
        UUID workoutId = UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Authorization", TestIssuer.bearer(user, Roles.ATHLETE))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("workout_id", workoutId.toString(), "sport", "running"))
                .post("/api/v1/workouts").then().statusCode(201);
        return workoutId;
    }

    private static int rowsOf(UUID user) {
        return TestPlatform.query("select 1 from workouts.workout_events where user_id = ?", user).size()
                + TestPlatform.query("select 1 from workouts.idempotency_keys where user_id = ?", user).size()
                + TestPlatform.query("select 1 from workouts.outbox where sealed_for = ?", user.toString()).size();
    }

    @Test
    void shouldDeleteEverythingOfTheAthleteWhenTheAthleteIsErased() {
        // given
        UUID erased = TestPlatform.athlete();
        UUID kept = TestPlatform.athlete();
        UUID erasedWorkout = start(erased);
        start(kept);
        assertThat(rowsOf(erased)).isGreaterThanOrEqualTo(2);

        // when
        TestPlatform.erase(erased);

        // then
        await("erased").atMost(Duration.ofSeconds(60)).until(() -> rowsOf(erased) == 0);
        assertThat(TestPlatform.versionsOf(erasedWorkout)).isEmpty();
        assertThat(rowsOf(kept)).isGreaterThanOrEqualTo(2);
        given().header("Authorization", TestIssuer.bearer(erased, Roles.ATHLETE))
                .get("/api/v1/workouts/" + erasedWorkout).then().statusCode(404);
    }
}
