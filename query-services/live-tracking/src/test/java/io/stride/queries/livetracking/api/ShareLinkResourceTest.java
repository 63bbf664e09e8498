package io.stride.queries.livetracking.api;

import static io.restassured.RestAssured.given;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stride.platform.security.Roles;
import io.stride.queries.livetracking.LiveStates;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ShareLinkResourceTest {

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/v1/shared")
    URI shared;

    static JsonPath createLink(UUID owner, UUID workout, long expiresInSeconds) {
        return given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .contentType(ContentType.JSON)
                .body(Map.of("expires_in_seconds", expiresInSeconds))
                .post("/api/v1/live-workouts/" + workout + "/share-links")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldShowTheWorkoutWithoutAnAccountWhenTheOwnerSharedIt() throws Exception {
        // given
        UUID owner = UUID.randomUUID();
        UUID workout = LiveWorkoutResourceTest.liveWorkoutOf(owner).getWorkoutId();

        // when
        Instant before = Instant.now();
        JsonPath link = createLink(owner, workout, 3600);

        // then: a 256-bit token, a page URL, an expiry an hour ahead
        String token = link.getString("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(link.getString("url")).endsWith("/watch/#" + token);
        assertThat(Instant.parse(link.getString("expires_at")))
                .isBetween(before.plusSeconds(3590), Instant.now().plusSeconds(3610));
        given().get("/api/v1/shared/" + token)
                .then().statusCode(200)
                .body("workout_id", equalTo(workout.toString()))
                .body("sample_count", equalTo(42))
                .body("user_id", nullValue());

        // and: Redis holds the link under the token's hash, expiring with it, and never the token itself
        String key = "live-tracking:share-link:" + sha256(token);
        assertThat(redis.key().pttl(key)).isBetween(3_500_000L, 3_600_000L);
        assertThat(redis.value(String.class).get(key)).doesNotContain(token).contains(workout.toString());
        assertThat(redis.hash(String.class).hgetall("live-tracking:share-link-index:" + owner))
                .containsEntry(link.getString("id"), sha256(token));
        given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .get("/api/v1/live-workouts/" + workout + "/share-links")
                .then().statusCode(200)
                .body("id", hasItem(link.getString("id")))
                .body("[0].token", nullValue());
    }

    @Test
    void shouldAnswer404WhenTheLinkWasRevokedOrExpired() throws Exception {
        // given
        UUID owner = UUID.randomUUID();
        UUID workout = LiveWorkoutResourceTest.liveWorkoutOf(owner).getWorkoutId();
        JsonPath revoked = createLink(owner, workout, 600);
        JsonPath expiring = createLink(owner, workout, 300);
        given().get("/api/v1/shared/" + revoked.getString("token")).then().statusCode(200);

        // when: the owner revokes one; the other reaches its expiry (Redis' TTL, brought forward)
        given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .delete("/api/v1/live-workouts/" + workout + "/share-links/" + revoked.getString("id"))
                .then().statusCode(204);
        redis.key().pexpire("live-tracking:share-link:" + sha256(expiring.getString("token")), 1);

        // then
        for (JsonPath link : new JsonPath[] {revoked, expiring}) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    given().get("/api/v1/shared/" + link.getString("token"))
                            .then().statusCode(404)
                            .header("X-Correlation-Id", notNullValue())
                            .body("error", equalTo("not_found"))
                            .body("code", equalTo(404)));
            given().get("/api/v1/shared/" + link.getString("token") + "/stream").then().statusCode(404);
        }
        given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .get("/api/v1/live-workouts/" + workout + "/share-links")
                .then().statusCode(200).body("id", not(hasItem(revoked.getString("id"))))
                .body("id", not(hasItem(expiring.getString("id"))));
        given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .delete("/api/v1/live-workouts/" + workout + "/share-links/" + revoked.getString("id"))
                .then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void shouldRefuseWhenTheWorkoutIsNotTheCallersOrTheLifetimeIsOutOfBounds() throws Exception {
        // given
        UUID owner = UUID.randomUUID();
        UUID workout = LiveWorkoutResourceTest.liveWorkoutOf(owner).getWorkoutId();
        JsonPath link = createLink(owner, workout, 600);

        // when / then: someone else (even an admin) cannot share, list or revoke the owner's links
        for (String[] roles : new String[][] {{Roles.ATHLETE}, {Roles.ATHLETE, Roles.ADMIN}}) {
            String other = TestIssuer.bearer(UUID.randomUUID(), roles);
            given().header("Authorization", other).contentType(ContentType.JSON)
                    .body(Map.of("expires_in_seconds", 600))
                    .post("/api/v1/live-workouts/" + workout + "/share-links")
                    .then().statusCode(404).body("error", equalTo("not_found"));
            given().header("Authorization", other)
                    .delete("/api/v1/live-workouts/" + workout + "/share-links/" + link.getString("id"))
                    .then().statusCode(404);
            given().header("Authorization", other)
                    .get("/api/v1/live-workouts/" + workout + "/share-links")
                    .then().statusCode(200).body("size()", equalTo(0));
        }
        // and: lifetimes outside 5 min .. 24 h, no token, a token without the athlete role
        for (long seconds : new long[] {299, 86_401}) {
            given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE)).contentType(ContentType.JSON)
                    .body(Map.of("expires_in_seconds", seconds))
                    .post("/api/v1/live-workouts/" + workout + "/share-links")
                    .then().statusCode(400).body("error", equalTo("validation_failed"))
                    .body("details.violations[0].field", equalTo("expires_in_seconds"));
        }
        given().contentType(ContentType.JSON).body(Map.of("expires_in_seconds", 600))
                .post("/api/v1/live-workouts/" + workout + "/share-links")
                .then().statusCode(401).body("error", equalTo("unauthenticated"));
        given().header("Authorization", TestIssuer.bearer(owner, Roles.MARKETING)).contentType(ContentType.JSON)
                .body(Map.of("expires_in_seconds", 600))
                .post("/api/v1/live-workouts/" + workout + "/share-links")
                .then().statusCode(403).body("error", equalTo("forbidden"));
        given().get("/api/v1/shared/not-a-token").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void shouldPushTheSharedWorkoutsChangesWhenSomeoneWatchesWithoutAnAccount() throws Exception {
        // given: a viewer without an account following a shared workout
        UUID owner = UUID.randomUUID();
        UUID workout = LiveWorkoutResourceTest.liveWorkoutOf(owner).getWorkoutId();
        String token = createLink(owner, workout, 600).getString("token");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(shared + "/" + token + "/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(line.substring("data:".length()))));
        try {
            // when: the current state arrives first, then the workout moves on
            String first = events.poll(30, TimeUnit.SECONDS);
            long[] samples = {500};
            String pushed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                LiveStates.publish(aLiveWorkoutState().forWorkout(workout, owner).sampleCount(++samples[0]).build());
                return events.poll(400, TimeUnit.MILLISECONDS);
            }, event -> event != null);

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JsonPath.from(first).getLong("sample_count")).isEqualTo(42);
            assertThat(JsonPath.from(pushed).getString("workout_id")).isEqualTo(workout.toString());
            assertThat(JsonPath.from(pushed).getLong("sample_count")).isGreaterThan(500);
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }
}
