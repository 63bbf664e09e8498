package io.stride.systemtests;

import static io.restassured.RestAssured.given;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.testing.DevstackKafka;

/**
 * Two live-tracking instances share the view's partitions (one Kafka Streams application); a request may reach
 * either, and the one that does not hold the workout forwards it, with the caller's access token, to the one that
 * does (interactive-query metadata). Tokens come from a real login at the users app; the instances verify them
 * against its JWKS, and the peer that answers a forwarded request authorizes it again.
 */
class LiveTrackingInstancesIT {

    private static final int WORKOUTS = 24;
    private static final List<AppProcess> INSTANCES = new ArrayList<>();
    private static UsersApp users;

    @BeforeAll
    static void startUsersAndTwoInstances() throws IOException {
        Path root = Checkout.root();
        users = UsersApp.start(root, root.resolve("system-tests/target/pair-users-" + UUID.randomUUID()));
        String applicationId = "-Dquarkus.kafka-streams.application-id=live-tracking-pair-"
                + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2; i++) {
            Path workDir = root.resolve("system-tests/target/pair-" + UUID.randomUUID());
            INSTANCES.add(AppProcess.start(root, "query-services/live-tracking",
                    List.of(applicationId, users.jwksProperty()), workDir));
        }
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        for (AppProcess instance : INSTANCES) {
            instance.close();
        }
        if (users != null) {
            users.close();
        }
    }

    private static List<LiveWorkoutState> publish(int count, UUID user) throws Exception {
        List<LiveWorkoutState> states = new ArrayList<>();
        try (KafkaProducer<String, LiveWorkoutState> producer = DevstackKafka.producer()) {
            for (int i = 0; i < count; i++) {
                LiveWorkoutState state = aLiveWorkoutState().forWorkout(UUID.randomUUID(), user).sampleCount(100 + i)
                        .updatedAt(Instant.now()).build();
                producer.send(new ProducerRecord<>(Topics.LIVE_WORKOUT_STATE, state.getWorkoutId().toString(), state))
                        .get(30, TimeUnit.SECONDS);
                states.add(state);
            }
        }
        return states;
    }

    private static int status(AppProcess instance, UUID workout, boolean localOnly, String authorization) {
        var request = given();
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.get(instance.baseUrl() + "/api/v1/live-workouts/" + workout + (localOnly ? "?local=true" : ""))
                .statusCode();
    }

    @Test
    void shouldAnswerTheOwnerForEveryWorkoutWhicheverInstanceIsAskedAndNobodyElse() throws Exception {
        // given: an athlete's live states spread over the topic's partitions, and another athlete
        UsersApp.Account owner = users.register();
        UsersApp.Account stranger = users.register();
        List<LiveWorkoutState> states = publish(WORKOUTS, owner.id);
        List<LiveWorkoutState> strangers = publish(2, stranger.id);

        // when / then: both instances answer the owner for every workout, with its data
        for (LiveWorkoutState state : states) {
            UUID workout = state.getWorkoutId();
            for (AppProcess instance : INSTANCES) {
                // the answer that is 200 is the one checked: while the second instance joins, tasks move and a
                // request in between is answered 503 (Retry-After)
                var answer = await("workout " + workout + " on " + instance.baseUrl())
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> given().header("Authorization", owner.authorization())
                                .get(instance.baseUrl() + "/api/v1/live-workouts/" + workout),
                                response -> response.statusCode() == 200);
                assertThat(answer.jsonPath().getLong("sample_count")).isEqualTo(state.getSampleCount());
            }
        }

        // and: each instance holds only part of them, so the rest were forwarded
        for (AppProcess instance : INSTANCES) {
            long heldLocally = states.stream()
                    .filter(state -> status(instance, state.getWorkoutId(), true, owner.authorization()) == 200)
                    .count();
            assertThat(heldLocally).as("workouts held by " + instance.baseUrl()).isBetween(1L, WORKOUTS - 1L);
        }

        // and: another athlete gets 404 for each of them, forwarded or not; without a token, 401 (local too)
        for (AppProcess instance : INSTANCES) {
            for (LiveWorkoutState state : states) {
                assertThat(status(instance, state.getWorkoutId(), false, stranger.authorization())).isEqualTo(404);
                assertThat(status(instance, state.getWorkoutId(), true, stranger.authorization())).isEqualTo(404);
            }
            assertThat(status(instance, states.getFirst().getWorkoutId(), true, null)).isEqualTo(401);
            assertThat(status(instance, states.getFirst().getWorkoutId(), false, null)).isEqualTo(401);
        }

        // and: a share link made at one instance for a workout the other holds opens at both, without an account
        LiveWorkoutState elsewhere = states.stream()
                .filter(state -> status(INSTANCES.getFirst(), state.getWorkoutId(), true, owner.authorization()) == 404)
                .findFirst().orElseThrow();
        JsonPath link = given().header("Authorization", owner.authorization()).contentType(ContentType.JSON)
                .body(Map.of("expires_in_seconds", 600))
                .post(INSTANCES.getFirst().baseUrl() + "/api/v1/live-workouts/" + elsewhere.getWorkoutId()
                        + "/share-links")
                .then().statusCode(201).extract().jsonPath();
        String token = link.getString("token");
        for (AppProcess instance : INSTANCES) {
            // the first instance forwards to the peer that holds the workout; the answer, and the stream's first
            // event (the current state, forwarded too), show the figures under the link's id and no other id
            String view = given().get(instance.baseUrl() + "/api/v1/shared/" + token)
                    .then().statusCode(200).extract().asString();
            String firstEvent = firstEvent(URI.create(instance.baseUrl() + "/api/v1/shared/" + token + "/stream"));
            for (String body : List.of(view, firstEvent)) {
                assertThat(JsonPath.from(body).getLong("sample_count")).isEqualTo(elsewhere.getSampleCount());
                assertThat(JsonPath.from(body).getString("share_link_id")).isEqualTo(link.getString("id"));
                assertNoIdButTheLinks(body, link.getString("id"), elsewhere.getWorkoutId(), owner.id);
            }
        }
        given().header("Authorization", stranger.authorization()).contentType(ContentType.JSON)
                .body(Map.of("expires_in_seconds", 600))
                .post(INSTANCES.getFirst().baseUrl() + "/api/v1/live-workouts/" + elsewhere.getWorkoutId()
                        + "/share-links")
                .then().statusCode(404);

        // and: a list asked of one instance gathers the owner's workouts from both, and only those
        List<String> listed = given().header("Authorization", owner.authorization())
                .get(INSTANCES.getFirst().baseUrl() + "/api/v1/live-workouts?limit=200")
                .jsonPath().getList("workout_id", String.class);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                states.stream().map(state -> state.getWorkoutId().toString()).toList());
        for (AppProcess instance : INSTANCES) {
            await("the other athlete's workouts on " + instance.baseUrl()).atMost(Duration.ofSeconds(90))
                    .until(() -> given().header("Authorization", stranger.authorization())
                            .get(instance.baseUrl() + "/api/v1/live-workouts?limit=200")
                            .jsonPath().getList("workout_id", String.class),
                            ids -> ids.size() == strangers.size());
        }
    }

    /** The data of the first event of a server-sent event stream (within 30 s). */
    private static String firstEvent(URI stream) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            return CompletableFuture.supplyAsync(() -> lines
                            .filter(line -> line.startsWith("data:"))
                            .map(line -> line.substring("data:".length()))
                            .findFirst().orElseThrow())
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Fails when the raw text holds the workout's or the user's id (with or without hyphens, in any case) or any
     * UUID other than the link's: a device id, or any other id, would be one.
     */
    private static void assertNoIdButTheLinks(String raw, String linkId, UUID workout, UUID user) {
        String text = raw.toLowerCase(Locale.ROOT);
        for (UUID id : List.of(workout, user)) {
            assertThat(text).doesNotContain(id.toString()).doesNotContain(id.toString().replace("-", ""));
        }
        assertThat(Pattern.compile("[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")
                .matcher(text).results().map(MatchResult::group).toList())
                .as("ids in %s", raw)
                .isNotEmpty()
                .allMatch(linkId::equals);
    }
}
