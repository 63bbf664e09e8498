package io.stride.queries.livetracking;

import static io.restassured.RestAssured.given;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import io.stride.testing.Devstack;
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
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "user-erasure-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.USER_ERASURES_DLQ));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(dead::add);
                return dead.stream().anyMatch(record -> key.equals(record.key()));
            });
            ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> key.equals(r.key())).findFirst()
                    .orElseThrow();
            assertThat(record.value()).containsExactly(1, 2, 3);
            assertThat(record.headers().lastHeader("dead-letter-reason")).isNotNull();
        }
    }
}
