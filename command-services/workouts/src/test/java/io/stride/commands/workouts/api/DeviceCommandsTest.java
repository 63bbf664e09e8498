package io.stride.commands.workouts.api;

import static io.stride.commands.workouts.api.Calls.command;
import static io.stride.commands.workouts.api.Calls.get;
import static io.stride.commands.workouts.api.Calls.post;
import static io.stride.commands.workouts.api.Calls.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stride.commands.workouts.TestPlatform;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/** The wearable drives its own user's workouts with its device credential, and nobody else's. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class DeviceCommandsTest {

    /** A device whose credential the service has read (a just registered one is waited for, within seconds). */
    private static TestPlatform.Device admitted(UUID user) {
        TestPlatform.Device device = TestPlatform.device(user);
        await("device admitted").atMost(Duration.ofSeconds(30))
                .until(() -> get(device.authorization(), UUID.randomUUID()).statusCode() == 404);
        return device;
    }

    @Test
    void shouldStartPauseResumeAndCompleteItsUsersWorkoutWhenADeviceAsks() {
        // given
        UUID user = TestPlatform.athlete();
        TestPlatform.Device watch = admitted(user);
        UUID workoutId = UUID.randomUUID();

        // when
        command(watch.authorization())
                .body(Map.of("workout_id", workoutId.toString(), "sport", "running", "device_model", "Test watch"))
                .post("/api/v1/workouts")
                .then().statusCode(201).body("user_id", equalTo(user.toString()))
                .body("started_by", equalTo("DEVICE"));
        post(watch.authorization(), workoutId, "pause", null).then().statusCode(200);
        post(watch.authorization(), workoutId, "resume", null).then().statusCode(200);
        post(watch.authorization(), workoutId, "complete", null).then().statusCode(202)
                .body("completion_requested_by", equalTo("DEVICE"));

        // then: the athlete sees it as theirs
        get(TestIssuer.bearer(user, Roles.ATHLETE), workoutId).then().statusCode(200)
                .body("status", equalTo("COMPLETING"))
                .body("device_model", equalTo("Test watch"));
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void shouldAnswerNotFoundWhenADeviceOfAnotherUserAsks() {
        // given
        UUID owner = TestPlatform.athlete();
        UUID workoutId = started(TestIssuer.bearer(owner, Roles.ATHLETE));
        TestPlatform.Device strangersWatch = admitted(TestPlatform.athlete());

        // when / then
        post(strangersWatch.authorization(), workoutId, "pause", null).then().statusCode(404)
                .body("error", equalTo("not_found"));
        post(strangersWatch.authorization(), workoutId, "complete", null).then().statusCode(404);
        get(strangersWatch.authorization(), workoutId).then().statusCode(404);
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldForbidADeviceToCancelTagOrEdit() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = started(TestIssuer.bearer(user, Roles.ATHLETE));
        TestPlatform.Device watch = admitted(user);

        // when / then
        post(watch.authorization(), workoutId, "cancel", null).then().statusCode(403)
                .body("error", equalTo("forbidden"));
        post(watch.authorization(), workoutId, "tags", Map.of("tag", "race")).then().statusCode(403);
        command(watch.authorization()).body(Map.of("title", "x")).patch("/api/v1/workouts/" + workoutId).then()
                .statusCode(403);
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }

    @Test
    void shouldRefuseAnUnknownOrWrongDeviceCredential() {
        // given
        UUID user = TestPlatform.athlete();
        UUID workoutId = started(TestIssuer.bearer(user, Roles.ATHLETE));
        TestPlatform.Device watch = admitted(user);

        // when / then
        post("Device " + watch.deviceId() + ".wrong-secret", workoutId, "pause", null).then().statusCode(401)
                .body("error", equalTo("unauthenticated"));
        post("Device " + UUID.randomUUID() + ".secret", workoutId, "pause", null).then().statusCode(401);
        post("Device garbage", workoutId, "pause", null).then().statusCode(401);
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1);
    }
}
