package io.stride.queries.livetracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static io.restassured.RestAssured.given;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.platform.security.Roles;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.testing.DevstackKafka;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class UserErasureTest {

    @Inject
    RedisDataSource redis;

    private static String share(UUID owner, UUID workout) {
        return given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .contentType(ContentType.JSON)
                .body(Map.of("expires_in_seconds", 3600))
                .post("/api/v1/live-workouts/" + workout + "/share-links")
                .then().statusCode(201)
                .extract().jsonPath().getString("token");
    }

    @Test
    void shouldDeleteTheUsersShareLinksWhenTheUserIsErased() throws Exception {
        // given: two users with a shared workout each
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        LiveWorkoutState erasedWorkout = aLiveWorkoutState().forWorkout(UUID.randomUUID(), erased).build();
        LiveWorkoutState keptWorkout = aLiveWorkoutState().forWorkout(UUID.randomUUID(), kept).build();
        LiveStates.publish(erasedWorkout);
        LiveStates.publish(keptWorkout);
        for (LiveWorkoutState state : new LiveWorkoutState[] {erasedWorkout, keptWorkout}) {
            await().atMost(Duration.ofSeconds(60)).until(() -> given()
                    .header("Authorization", TestIssuer.bearer(state.getUserId(), Roles.ATHLETE))
                    .get("/api/v1/live-workouts/" + state.getWorkoutId()).statusCode() == 200);
        }
        String erasedToken = share(erased, erasedWorkout.getWorkoutId());
        String keptToken = share(kept, keptWorkout.getWorkoutId());

        // when
        LiveStates.publish(Topics.USER_ERASURES, erased.toString(), UserErased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(Instant.now())
                .setData(UserErasedData.newBuilder().setUserId(erased).setErasedAt(Instant.now()).build())
                .build());

        // then: the erased user's links and index are gone from Redis; the other user's link still works
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/api/v1/shared/" + erasedToken).then().statusCode(404));
        assertThat(redis.key().exists("live-tracking:share-link-index:" + erased)).isFalse();
        assertThat(redis.key().keys("live-tracking:share-link:*").stream()
                .map(key -> redis.value(String.class).get(key))
                .filter(value -> value != null && value.contains(erased.toString()))).isEmpty();
        given().get("/api/v1/shared/" + keptToken).then().statusCode(200);
    }

    @Test
    void shouldDeadLetterTheRecordWithItsReasonWhenTheKeyIsNotAUserId() throws Exception {
        // given
        String key = "not-a-user-" + UUID.randomUUID();

        // when
        LiveStates.publishRaw(Topics.USER_ERASURES, key, new byte[] {1, 2, 3});

        // then
        var record = DevstackKafka.awaitRecordsOf(Topics.USER_ERASURES_DLQ, key, 1, dead -> true).getFirst();
        assertThat(record.value()).containsExactly(1, 2, 3);
        assertThat(record.headers().lastHeader("dead-letter-reason")).isNotNull();
    }
}
