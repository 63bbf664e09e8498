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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
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
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ShareLinkResourceTest {

    /** A UUID as text, with or without hyphens (lower case). */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");

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
                .body("share_link_id", equalTo(link.getString("id")))
                .body("sample_count", equalTo(42))
                .body("workout_id", nullValue())
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
        JsonPath link = createLink(owner, workout, 600);
        try (EventStream stream = EventStream.open(URI.create(shared + "/" + link.getString("token") + "/stream"))) {
            // when: the current state arrives first, then the workout moves on
            String first = stream.next();
            String pushed = stream.nextAfterPublishing(attempt ->
                    aLiveWorkoutState().forWorkout(workout, owner).sampleCount(500 + attempt).build());

            // then
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(JsonPath.from(first).getLong("sample_count")).isEqualTo(42);
            assertThat(JsonPath.from(pushed).getString("share_link_id")).isEqualTo(link.getString("id"));
            assertThat(JsonPath.from(pushed).getLong("sample_count")).isGreaterThan(500);
        }
    }

    @Test
    void shouldShowNoWorkoutUserOrDeviceIdWhenSomeoneWatchesThroughAShareLink() throws Exception {
        // given: a shared workout
        UUID owner = UUID.randomUUID();
        UUID workout = LiveWorkoutResourceTest.liveWorkoutOf(owner).getWorkoutId();
        JsonPath link = createLink(owner, workout, 600);
        String token = link.getString("token");
        String linkId = link.getString("id");

        // when: the public view, the answer this instance gives a peer that forwards to it, and the stream's events
        String view = given().get("/api/v1/shared/" + token).then().statusCode(200).extract().asString();
        String peerAnswer = given().queryParam("local", true).get("/api/v1/shared/" + token)
                .then().statusCode(200).extract().asString();
        List<String> events = new ArrayList<>();
        try (EventStream stream = EventStream.open(URI.create(shared + "/" + token + "/stream"))) {
            events.add(stream.next());
            events.add(stream.nextAfterPublishing(attempt -> aLiveWorkoutState().forWorkout(workout, owner)
                    .sampleCount(900 + attempt).distanceMeters(2500).lastHeartRateBpm(150)
                    .lastPosition(55.76, 37.63).build()));
        }

        // then: the raw text holds no id but the link's, in any spelling, and every figure is there
        for (String body : Stream.concat(Stream.of(view, peerAnswer), events.stream()).toList()) {
            assertNoIdButTheLinks(body, linkId, workout, owner);
            JsonPath json = JsonPath.from(body);
            assertThat(json.getString("share_link_id")).isEqualTo(linkId);
            assertThat(json.getMap("$")).doesNotContainKeys("workout_id", "user_id", "device_id")
                    .containsKeys("status", "sample_count", "started_at", "last_recorded_at", "last_position",
                            "distance_meters", "speed_meters_per_second", "heart_rate_bpm", "updated_at");
            assertThat(json.getDouble("last_position.latitude")).isBetween(55.0, 56.0);
        }
        assertThat(JsonPath.from(view).getDouble("distance_meters")).isEqualTo(1234.5);
        assertThat(JsonPath.from(view).getLong("sample_count")).isEqualTo(42);
        assertThat(JsonPath.from(events.getLast()).getDouble("distance_meters")).isEqualTo(2500.0);
        assertThat(JsonPath.from(events.getLast()).getInt("heart_rate_bpm")).isEqualTo(150);

        // and: the owner's own API still names the workout
        given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .get("/api/v1/live-workouts/" + workout)
                .then().statusCode(200)
                .body("workout_id", equalTo(workout.toString()))
                .body("share_link_id", nullValue());
    }

    /**
     * Fails when the raw text holds the workout's or the user's id (with or without hyphens, in any case) or any
     * UUID other than the link's: a device id, or any other id, would be one.
     */
    static void assertNoIdButTheLinks(String raw, String linkId, UUID workout, UUID user) {
        String text = raw.toLowerCase(Locale.ROOT);
        for (UUID id : List.of(workout, user)) {
            assertThat(text).doesNotContain(id.toString()).doesNotContain(id.toString().replace("-", ""));
        }
        assertThat(UUID_TEXT.matcher(text).results().map(MatchResult::group).toList())
                .as("ids in %s", raw)
                .isNotEmpty()
                .allMatch(linkId::equals);
    }

    /** The data of a server-sent event stream's events, read on a virtual thread until closed. */
    record EventStream(HttpResponse<Stream<String>> response, Thread reader, BlockingQueue<String> events)
            implements AutoCloseable {

        static EventStream open(URI uri) throws Exception {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = Thread.ofVirtual().start(() -> response.body()
                    .filter(line -> line.startsWith("data:"))
                    .forEach(line -> events.add(line.substring("data:".length()))));
            return new EventStream(response, reader, events);
        }

        /** The next event (the first is the current state). */
        String next() throws InterruptedException {
            String event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("an event within 30 s").isNotNull();
            return event;
        }

        /**
         * The next event after a change: {@code change} (given attempt 1, 2, …) is published again until the app's
         * push consumer, which starts from the latest offset, has joined the topic and pushes it.
         */
        String nextAfterPublishing(LongFunction<LiveWorkoutState> change) {
            long[] attempt = {0};
            return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                LiveStates.publish(change.apply(++attempt[0]));
                return events.poll(400, TimeUnit.MILLISECONDS);
            }, event -> event != null);
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}