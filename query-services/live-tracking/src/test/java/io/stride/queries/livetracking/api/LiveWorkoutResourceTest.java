package io.stride.queries.livetracking.api;

import static io.restassured.RestAssured.given;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.stride.platform.security.Roles;
import io.stride.queries.livetracking.LiveStates;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class LiveWorkoutResourceTest {

    @TestHTTPResource("/api/v1/live-workouts")
    URI liveWorkouts;

    /** Publishes a workout of {@code user} and waits until its owner can read it. */
    static LiveWorkoutState liveWorkoutOf(UUID user) throws Exception {
        UUID workout = UUID.randomUUID();
        LiveWorkoutState state = aLiveWorkoutState().forWorkout(workout, user).sampleCount(42).distanceMeters(1234.5)
                .lastPosition(55.75, 37.62)
                // live now, so that a list (newest first, bounded) shows it above the devstack's older workouts
                .lastRecordedAt(Instant.now())
                .build();
        LiveStates.publish(state);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("Authorization", TestIssuer.bearer(user, Roles.ATHLETE))
                        .get("/api/v1/live-workouts/" + workout).then().statusCode(200));
        return state;
    }

    private static ValidatableResponse getAs(String authorization, String path) {
        var request = given();
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.get(path).then();
    }

    @Test
    void shouldServeTheLiveStateWhenItsOwnerAsks() throws Exception {
        // given
        UUID user = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        LiveWorkoutState state = aLiveWorkoutState().forWorkout(workout, user).sampleCount(42).distanceMeters(1234.5)
                .lastPosition(55.75, 37.62).build();
        state.setStatus("RUNNING");
        state.setMovingTimeMillis(600_000L);
        state.setAvgPaceSecondsPerKm(312.5);
        state.setHeartRateZoneMillis(List.of(0L, 60_000L, 300_000L, 240_000L, 0L));
        state.setCaloriesKcal(123.4);
        String owner = TestIssuer.bearer(user, Roles.ATHLETE);

        // when
        LiveStates.publish(state);

        // then
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                getAs(owner, "/api/v1/live-workouts/" + workout).statusCode(200));
        getAs(owner, "/api/v1/live-workouts/" + workout)
                .statusCode(200)
                .body("workout_id", equalTo(workout.toString()))
                .body("sample_count", equalTo(42))
                .body("distance_meters", equalTo(1234.5f))
                .body("last_position.latitude", equalTo(55.75f))
                .body("last_recorded_at", equalTo(state.getLastRecordedAt().toString()))
                .body("status", equalTo("RUNNING"))
                .body("moving_time_millis", equalTo(600_000))
                .body("avg_pace_seconds_per_km", equalTo(312.5f))
                .body("heart_rate_zone_millis[2]", equalTo(300_000))
                .body("calories_kcal", equalTo(123.4f))
                .body("max_power_watts", nullValue())
                .body("user_id", nullValue())
                .body("last_sequence_number", nullValue());
        given().header("Authorization", owner).accept("application/vnd.stride.v1+json")
                .get("/api/live-workouts/" + workout)
                .then().statusCode(200).body("sample_count", equalTo(42));
    }

    @Test
    void shouldAnswer401WhenTheTokenIsMissingOrNotTrusted() throws Exception {
        // given
        UUID user = UUID.randomUUID();
        UUID workout = liveWorkoutOf(user).getWorkoutId();

        // when / then: every endpoint, local answers included
        for (String path : List.of("/api/v1/live-workouts/" + workout, "/api/v1/live-workouts/" + workout
                + "?local=true", "/api/v1/live-workouts", "/api/v1/live-workouts?local=true",
                "/api/v1/live-workouts/stream", "/api/v1/live-workouts/" + workout + "/stream")) {
            for (String authorization : new String[] {null, "Bearer not-a-token",
                    "Bearer " + TestIssuer.foreignToken(user, Roles.ATHLETE)}) {
                getAs(authorization, path)
                        .statusCode(401)
                        .header("WWW-Authenticate", equalTo("Bearer"))
                        .body("error", equalTo("unauthenticated"))
                        .body("code", equalTo(401));
            }
        }
    }

    @Test
    void shouldAnswer403WhenTheTokenHasNoAthleteOrAdminRole() throws Exception {
        // given: a marketing account (aggregated data only)
        UUID user = UUID.randomUUID();
        UUID workout = liveWorkoutOf(user).getWorkoutId();

        // when / then
        getAs(TestIssuer.bearer(user, Roles.MARKETING), "/api/v1/live-workouts/" + workout)
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("code", equalTo(403));
        getAs(TestIssuer.bearer(user, Roles.MARKETING), "/api/v1/live-workouts")
                .statusCode(403);
    }

    @Test
    void shouldAnswer404LikeAnUnknownWorkoutWhenTheWorkoutIsAnotherUsers() throws Exception {
        // given
        UUID workout = liveWorkoutOf(UUID.randomUUID()).getWorkoutId();
        String stranger = TestIssuer.bearer(UUID.randomUUID(), Roles.ATHLETE, Roles.COACH);

        // when / then: the same answer as for an unknown id, on the forwarded (local) path too
        for (String path : List.of("/api/v1/live-workouts/" + workout, "/api/v1/live-workouts/" + workout
                + "?local=true")) {
            getAs(stranger, path)
                    .statusCode(404)
                    .body("error", equalTo("not_found"))
                    .body("details.resource", equalTo("live workout"))
                    .body("details.id", equalTo(workout.toString()));
        }
    }

    @Test
    void shouldServeAnyWorkoutWhenAnAdminAsks() throws Exception {
        // given
        UUID workout = liveWorkoutOf(UUID.randomUUID()).getWorkoutId();

        // when / then
        getAs(TestIssuer.bearer(UUID.randomUUID(), Roles.ADMIN), "/api/v1/live-workouts/" + workout)
                .statusCode(200)
                .body("workout_id", equalTo(workout.toString()));
        getAs(TestIssuer.bearer(UUID.randomUUID(), Roles.ADMIN), "/api/v1/live-workouts?limit=200")
                .statusCode(200)
                .body("workout_id", hasItem(workout.toString()));
        // and: asked for their own workouts only (what an instance asks a peer before sharing), an admin gets 404
        getAs(TestIssuer.bearer(UUID.randomUUID(), Roles.ADMIN), "/api/v1/live-workouts/" + workout + "?own=true")
                .statusCode(404);
    }

    @Test
    void shouldListOnlyTheCallersWorkoutsWhenAnAthleteAsks() throws Exception {
        // given: two workouts of one athlete, one of another
        UUID athlete = UUID.randomUUID();
        UUID first = liveWorkoutOf(athlete).getWorkoutId();
        UUID second = liveWorkoutOf(athlete).getWorkoutId();
        UUID others = liveWorkoutOf(UUID.randomUUID()).getWorkoutId();

        // when
        List<String> listed = given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                .get("/api/v1/live-workouts?limit=200")
                .then().statusCode(200)
                .body("workout_id", hasItems(first.toString(), second.toString()))
                .extract().jsonPath().getList("workout_id", String.class);

        // then
        assertThat(listed).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(listed).doesNotContain(others.toString());
    }

    @Test
    void shouldAnswerNotFoundInTheErrorFormatWhenTheWorkoutIsUnknown() {
        // given
        UUID unknown = UUID.randomUUID();
        String athlete = TestIssuer.bearer(UUID.randomUUID(), Roles.ATHLETE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("Authorization", athlete).get("/api/v1/live-workouts/" + unknown).statusCode() != 503);

        // when / then
        getAs(athlete, "/api/v1/live-workouts/" + unknown)
                .statusCode(404)
                .header("X-Correlation-Id", notNullValue())
                .body("error", equalTo("not_found"))
                .body("code", equalTo(404))
                .body("details.resource", equalTo("live workout"))
                .body("details.id", equalTo(unknown.toString()));
    }

    @Test
    void shouldAnswerNotFoundWhenTheIdIsNotAUuid() {
        // when / then: no workout can have such an id (JAX-RS answers 404 for an unconvertible path parameter)
        getAs(TestIssuer.bearer(UUID.randomUUID(), Roles.ATHLETE), "/api/v1/live-workouts/not-a-uuid")
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("code", equalTo(404));
    }

    @Test
    void shouldPushOnlyTheCallersChangesWhenAScreenFollowsAllWorkouts() throws Exception {
        // given: a screen of one athlete following every workout it may see
        UUID athlete = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(liveWorkouts + "/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(line.substring("data:".length()))));
        try {
            // when: another athlete's workout changes, then the athlete's own (again, until the push consumer joined)
            long[] samples = {0};
            String pushed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                LiveStates.publish(aLiveWorkoutState().forWorkout(foreign, stranger).sampleCount(++samples[0])
                        .build());
                LiveStates.publish(aLiveWorkoutState().forWorkout(own, athlete).sampleCount(samples[0]).build());
                return events.poll(400, TimeUnit.MILLISECONDS);
            }, event -> event != null);

            // then: only the athlete's own workout reached the screen
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            LiveStates.publish(aLiveWorkoutState().forWorkout(own, athlete).sampleCount(1000).build());
            String last = await().atMost(Duration.ofSeconds(30)).until(() -> events.poll(400, TimeUnit.MILLISECONDS),
                    event -> event != null && JsonPath.from(event).getLong("sample_count") == 1000);
            assertThat(JsonPath.from(pushed).getString("workout_id")).isEqualTo(own.toString());
            assertThat(JsonPath.from(last).getString("workout_id")).isEqualTo(own.toString());
            assertThat(events).allSatisfy(event -> assertThat(event).doesNotContain(foreign.toString()));
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void shouldEndTheStreamWhenTheAccessTokenExpires() throws Exception {
        // given: a screen whose access token expires in 3 seconds
        String expiring = TestIssuer.bearerExpiringIn(Duration.ofSeconds(3), UUID.randomUUID(), Roles.ATHLETE);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(liveWorkouts + "/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", expiring)
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(line -> { }));

        // when / then: the server ends the stream; the screen must reconnect with a fresh token
        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !reader.isAlive());
        response.body().close();
    }

    @Test
    void shouldPushChangesWhenTheOwnerFollowsOneWorkout() throws Exception {
        // given: the owner's screen following a workout that has no state yet
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(liveWorkouts + "/" + workout + "/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", TestIssuer.bearer(user, Roles.ATHLETE))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(line.substring("data:".length()))));
        try {
            // when: the workout's state changes (again, until the push consumer has joined the topic)
            long[] samples = {0};
            String pushed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                LiveStates.publish(aLiveWorkoutState().forWorkout(workout, user).sampleCount(++samples[0]).build());
                return events.poll(400, TimeUnit.MILLISECONDS);
            }, event -> event != null);

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            JsonPath view = JsonPath.from(pushed);
            assertThat(view.getString("workout_id")).isEqualTo(workout.toString());
            assertThat(view.getLong("sample_count")).isPositive();
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }
}
