package io.stride.processors.leaderboards.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.security.Roles;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.testkit.EventBuilders;
import io.stride.schemas.users.PublicProfile;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * The processor with its REST queries against the devstack's Kafka and registry: completions published on
 * {@code workouts.workout-events} (plain, as records written before sealing are read) are ranked and served.
 * Each test uses a day of its own, drawn at random, so that runs on a shared devstack do not meet.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class LeaderboardResourceTest {

    static final Map<String, String> DEVSTACK = Devstack.addresses();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BoardWatches watches;

    /** A day in 2001–2025 for a fixture's runs: with 9,000 days, two fixtures rarely share one. */
    static LocalDate aDayOfItsOwn() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
    }

    /** A day before 2001, where no fixture of any test on the shared devstack puts a workout: its boards stay empty. */
    static LocalDate aDayNoFixtureUses() {
        return LocalDate.of(1975, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
    }

    static void publishRun(UUID athlete, Instant start, double meters) throws Exception {
        UUID workout = UUID.randomUUID();
        Instant end = start.plusSeconds(1800);
        WorkoutCompleted completed = EventBuilders.aWorkoutCompleted().forWorkout(workout, athlete).at(end)
                .durationSeconds(1800).distanceMeters(meters).caloriesBurned(300).build();
        completed.getData().setStartTime(start);
        completed.getData().setEndTime(end);
        completed.getData().setSportType(SportType.RUNNING);
        completed.getData().setFigures(FinalFigures.newBuilder().setEndReason(EndReason.COMPLETED)
                .setStartedAt(start).setEndedAt(end).setSampleCount(1800).setElapsedTimeMillis(1_800_000)
                .setMovingTimeMillis(1_800_000).setDistanceMeters(meters).build());
        publish(Topics.WORKOUT_EVENTS, workout, completed);
    }

    /** The athlete's public profile, as the users service publishes it. */
    static void publishProfile(UUID athlete, String displayName, boolean hidden) throws Exception {
        publish(Topics.PUBLIC_PROFILES, athlete, PublicProfile.newBuilder().setUserId(athlete)
                .setDisplayName(displayName).setHiddenFromLeaderboards(hidden).setUpdatedAt(Instant.now()).build());
    }

    static void publish(String topic, UUID key, SpecificRecord record) throws Exception {
        try (Serializer<SpecificRecord> serializer = RegistrySerdes.serializer(
                DEVSTACK.get(Devstack.APICURIO_REGISTRY_URL), true);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DEVSTACK.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            Headers headers = new RecordHeaders();
            byte[] bytes = serializer.serialize(topic, headers, record);
            producer.send(new ProducerRecord<>(topic, null, key.toString(), bytes, headers))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldNameEachEntryAndLeaveAHiddenAthleteOutOfEveryAnswer() throws Exception {
        // given: two named runners and one who hides, on a day of their own
        LocalDate day = aDayOfItsOwn();
        Instant morning = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        String board = "/api/v1/leaderboards/global/day/" + day + "/RUNNING/distance";
        publishProfile(named, "Ann R.", false);
        publishProfile(hidden, null, true);

        // when: the hidden athlete runs furthest
        publishRun(hidden, morning, 12_000);
        publishRun(named, morning, 10_000);
        publishRun(unnamed, morning, 5_000);

        // then: the board holds the two others, ranked 1 and 2, each with the name it has (none yet: null)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get(board).then()
                        .statusCode(200)
                        .body("size", equalTo(2))
                        .body("entries.athlete_id", contains(named.toString(), unnamed.toString()))
                        .body("entries.rank", contains(1, 2))
                        .body("entries[0].display_name", equalTo("Ann R."))
                        .body("entries[1].display_name", nullValue()));
        given().get(board + "/athletes/" + unnamed).then().statusCode(200)
                .body("athlete.rank", equalTo(2))
                .body("above[0].display_name", equalTo("Ann R."));
        given().get(board + "/athletes/" + hidden).then().statusCode(404).body("error", equalTo("not_found"));
        given().header("Authorization", TestIssuer.bearer(named, Roles.ATHLETE))
                .get(board + "/athletes/" + hidden).then().statusCode(404);

        // and: signed in, the hidden athlete sees where they would stand, first of three
        given().header("Authorization", TestIssuer.bearer(hidden, Roles.ATHLETE))
                .get(board + "/athletes/" + hidden).then()
                .statusCode(200)
                .body("hidden", equalTo(true))
                .body("size", equalTo(3))
                .body("athlete.rank", equalTo(1))
                .body("athlete.value", equalTo(12_000.0f))
                .body("above", hasSize(0))
                .body("below.athlete_id", contains(named.toString(), unnamed.toString()))
                .body("below.rank", contains(2, 3));
    }

    @Test
    void shouldServeTheTopAndAnAthletesStandingWhenWorkoutsAreCompleted() throws Exception {
        // given: three runners on a day of their own: 10 km, 8 km, 8 km (the second of them later)
        LocalDate day = aDayOfItsOwn();
        Instant morning = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String board = "/api/v1/leaderboards/global/day/" + day + "/RUNNING/distance";

        // when
        publishRun(first, morning.plusSeconds(3600), 10_000);
        publishRun(second, morning, 8_000);
        publishRun(third, morning.plusSeconds(600), 8_000);

        // then
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get(board).then().statusCode(200).body("size", equalTo(3)));
        given().queryParam("limit", 2).get(board).then()
                .statusCode(200)
                .body("board", equalTo("global/day/" + day + "/RUNNING/distance"))
                .body("unit", equalTo("m"))
                .body("entries", hasSize(2))
                .body("entries[0].rank", equalTo(1))
                .body("entries[0].athlete_id", equalTo(first.toString()))
                .body("entries[0].value", equalTo(10_000.0f))
                .body("entries[1].rank", equalTo(2))
                .body("entries[1].athlete_id", equalTo(second.toString()));
        float topPercent = given().queryParam("neighbours", 1).get(board + "/athletes/" + third).then()
                .statusCode(200)
                .body("size", equalTo(3))
                .body("athlete.rank", equalTo(2))
                .body("athlete.value", equalTo(8_000.0f))
                .body("above[0].athlete_id", equalTo(second.toString()))
                .body("above[0].rank", equalTo(2))
                .body("below", hasSize(0))
                .extract().path("top_percent");
        assertThat(topPercent).isCloseTo(66.67f, within(0.01f));
    }

    @Test
    void shouldRankARunInProgressOnTheLiveDayFromItsProgressUpdates() throws Exception {
        // given: a runner who finished 3 km that day, and one who started and is 4.2 km in
        LocalDate day = aDayOfItsOwn();
        Instant morning = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        UUID finished = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        String live = "/api/v1/leaderboards/global/live/" + day + "/RUNNING/distance";

        // when
        publishRun(finished, morning, 3_000);
        publish(Topics.WORKOUT_EVENTS, workout, EventBuilders.aWorkoutStarted().forWorkout(workout, running)
                .at(morning.plusSeconds(3600)).build());
        publish(Topics.WORKOUT_PROGRESS, workout, EventBuilders.aWorkoutUpdated().forWorkout(workout, running)
                .at(morning.plusSeconds(5400)).currentDistanceMeters(4_200).build());

        // then: the live day ranks both; the day's board has only the finished run
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get(live).then().statusCode(200).body("size", equalTo(2)));
        given().get(live).then()
                .body("unit", equalTo("m"))
                .body("entries.athlete_id", contains(running.toString(), finished.toString()))
                .body("entries.value", contains(4_200.0f, 3_000.0f));
        given().get("/api/v1/leaderboards/global/day/" + day + "/RUNNING/distance").then()
                .statusCode(200).body("size", equalTo(1));
    }

    @Test
    void shouldPushTheBoardAsItIsThenAgainWhenARunChangesIt() throws Exception {
        // given: one runner on a day of their own, and a widget watching the day's board
        LocalDate day = aDayOfItsOwn();
        Instant morning = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        UUID leader = UUID.randomUUID();
        UUID challenger = UUID.randomUUID();
        String board = "/api/v1/leaderboards/global/day/" + day + "/RUNNING/distance";
        publishRun(leader, morning, 5_000);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get(board).then().statusCode(200).body("size", equalTo(1)));
        int watchedBefore = watches.watched();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + board + "/stream?limit=5"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<JsonNode> pushed = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> stream.body().filter(line -> line.startsWith("data:")).forEach(line -> {
            try {
                pushed.add(JSON.readTree(line.substring("data:".length())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try {
            // then: the board as it is
            assertThat(stream.statusCode()).isEqualTo(200);
            JsonNode first = pushed.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("the first push").isNotNull();
            assertThat(first.get("size").asInt()).isEqualTo(1);
            assertThat(first.at("/entries/0/athlete_id").asText()).isEqualTo(leader.toString());

            // when: another runner goes further
            publishRun(challenger, morning.plusSeconds(60), 7_500);

            // then: the new order is pushed
            JsonNode changed = pushed.poll(90, TimeUnit.SECONDS);
            assertThat(changed).as("the push after the change").isNotNull();
            assertThat(changed.get("size").asInt()).as("pushed only when changed").isEqualTo(2);
            assertThat(changed.at("/entries/0/athlete_id").asText()).isEqualTo(challenger.toString());
            assertThat(changed.at("/entries/0/value").asDouble()).isEqualTo(7_500.0);
            assertThat(changed.at("/entries/1/athlete_id").asText()).isEqualTo(leader.toString());
            assertThat(changed.at("/entries/1/rank").asInt()).isEqualTo(2);
            assertThat(watches.watched()).isEqualTo(watchedBefore + 1);
        } finally {
            stream.body().close();
        }
    }

    @Test
    void shouldAnswer4xxInTheErrorFormatWhenTheRequestIsBad() {
        // given
        String day = "/api/v1/leaderboards/global/day/" + aDayNoFixtureUses();

        // when / then
        for (String path : new String[] {day + "/RUNNING/speed", "/api/v1/leaderboards/global/fortnight/x/ALL/distance",
                "/api/v1/leaderboards/global/week/2025-W54/ALL/distance", day + "/SKATING/distance",
                day + "/RUNNING/distance?limit=1000", day + "/RUNNING/distance?limit=0",
                day + "/RUNNING/distance/stream?limit=0", day + "/RUNNING/speed/stream",
                "/api/v1/leaderboards/global/live/2025-06-01/RUNNING/moving-time",
                day + "/RUNNING/distance/athletes/not-a-uuid", day + "/RUNNING/distance/athletes/"
                        + UUID.randomUUID() + "?neighbours=51"}) {
            given().get(path).then()
                    .statusCode(400)
                    .body("error", equalTo("validation_failed"))
                    .body("code", equalTo(400))
                    .body("message", notNullValue())
                    .body("details.violations", hasSize(1));
        }
        given().get("/api/v1/leaderboards/club:1/day/2025-06-01/ALL/distance").then()
                .statusCode(404).body("error", equalTo("not_found"));
        // an athlete on no board: once the boards are queryable (503 with Retry-After while they load)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get(day + "/RUNNING/distance").then().statusCode(200).body("size", equalTo(0)));
        given().get(day + "/RUNNING/distance/athletes/" + UUID.randomUUID()).then()
                .statusCode(404).body("error", equalTo("not_found")).body("code", equalTo(404));
        // and the shard endpoints the instances read each other's shards by
        String shard = "/internal/v1/leaderboard-shards/";
        for (String path : new String[] {shard + "6/top?board=b", shard + "0/top?board=b&limit=0", shard + "0/top",
                shard + "0/greater?board=b&value=abc", shard + "0/greater?board=b",
                shard + "0/around?board=b&athlete_id=a&value=1&reached_at=x&k=1",
                shard + "0/around?board=b&athlete_id=a&value=1&reached_at=2&k=51"}) {
            given().get(path).then()
                    .statusCode(400)
                    .body("error", equalTo("validation_failed"))
                    .body("details.violations", hasSize(1));
        }
    }
}
