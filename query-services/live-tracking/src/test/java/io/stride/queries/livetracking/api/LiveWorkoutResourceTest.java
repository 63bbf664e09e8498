package io.stride.queries.livetracking.api;

import static io.restassured.RestAssured.given;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackResource;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class LiveWorkoutResourceTest {

    private static void publish(LiveWorkoutState state) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                SerdeConfig.REGISTRY_URL, Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL),
                SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
                SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName());
        AvroKafkaSerializer<LiveWorkoutState> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, LiveWorkoutState> producer = new KafkaProducer<>(config, new StringSerializer(),
                serializer)) {
            producer.send(new ProducerRecord<>(Topics.LIVE_WORKOUT_STATE, state.getWorkoutId().toString(), state))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldServeTheLiveStateWhenItWasPublished() throws Exception {
        // given
        UUID workout = UUID.randomUUID();
        LiveWorkoutState state = aLiveWorkoutState().workoutId(workout).sampleCount(42).distanceMeters(1234.5)
                .lastPosition(55.75, 37.62).build();
        state.setStatus("RUNNING");
        state.setMovingTimeMillis(600_000L);
        state.setAvgPaceSecondsPerKm(312.5);
        state.setHeartRateZoneMillis(java.util.List.of(0L, 60_000L, 300_000L, 240_000L, 0L));
        state.setCaloriesKcal(123.4);

        // when
        publish(state);

        // then
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/api/v1/live-workouts/" + workout).then().statusCode(200));
        given().get("/api/v1/live-workouts/" + workout)
                .then()
                .statusCode(200)
                .body("workout_id", equalTo(workout.toString()))
                .body("user_id", equalTo(state.getUserId().toString()))
                .body("sample_count", equalTo(42))
                .body("distance_meters", equalTo(1234.5f))
                .body("last_position.latitude", equalTo(55.75f))
                .body("last_recorded_at", equalTo(state.getLastRecordedAt().toString()))
                .body("status", equalTo("RUNNING"))
                .body("moving_time_millis", equalTo(600_000))
                .body("avg_pace_seconds_per_km", equalTo(312.5f))
                .body("heart_rate_zone_millis[2]", equalTo(300_000))
                .body("calories_kcal", equalTo(123.4f))
                .body("max_power_watts", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/live-workouts?limit=200")
                .then().statusCode(200).body("workout_id", hasItem(workout.toString()));
        given().accept("application/vnd.stride.v1+json").get("/api/live-workouts/" + workout)
                .then().statusCode(200).body("sample_count", equalTo(42));
    }

    @Test
    void shouldAnswerNotFoundInTheErrorFormatWhenTheWorkoutIsUnknown() {
        // given
        UUID unknown = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/api/v1/live-workouts/" + unknown).statusCode() != 503);

        // when / then
        given().get("/api/v1/live-workouts/" + unknown)
                .then()
                .statusCode(404)
                .header("X-Correlation-Id", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("not_found"))
                .body("code", equalTo(404))
                .body("details.resource", equalTo("live workout"))
                .body("details.id", equalTo(unknown.toString()));
    }

    @Test
    void shouldAnswerNotFoundWhenTheIdIsNotAUuid() {
        // when / then: no workout can have such an id (JAX-RS answers 404 for an unconvertible path parameter)
        given().get("/api/v1/live-workouts/not-a-uuid")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("code", equalTo(404));
    }

    @TestHTTPResource("/api/v1/live-workouts")
    URI liveWorkouts;

    @Test
    void shouldPushChangesWhenAScreenFollowsAWorkout() throws Exception {
        // given: a screen following a workout that has no state yet
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(liveWorkouts + "/" + workout + "/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(line.substring("data:".length()))));
        try {
            // when: the workout's state changes (again, until the push consumer has joined the topic)
            long[] samples = {0};
            String pushed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                publish(aLiveWorkoutState().forWorkout(workout, user).sampleCount(++samples[0]).build());
                return events.poll(400, TimeUnit.MILLISECONDS);
            }, event -> event != null);

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            JsonPath view = JsonPath.from(pushed);
            assertThat(view.getString("workout_id")).isEqualTo(workout.toString());
            assertThat(view.getString("user_id")).isEqualTo(user.toString());
            assertThat(view.getLong("sample_count")).isPositive();
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }
}
