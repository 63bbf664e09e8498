package io.stride.commands.goals.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.security.Roles;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.goals.Goal;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/** The goals API end to end through PostgreSQL and the outbox to Kafka: answers, headers, errors, records. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class GoalsApiTest {

    static final Map<String, Object> WEEKLY_RUN = Map.of("kind", "period_total", "metric", "distance", "period",
            "week", "sport", "running", "target", 20_000);
    static final Deserializer<SpecificRecord> RECORDS = RegistrySerdes.<SpecificRecord>forValues(
            Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL), true).deserializer();

    static RequestSpecification as(UUID user) {
        return given().header("Authorization", TestIssuer.bearer(user, Roles.ATHLETE)).contentType(ContentType.JSON);
    }

    static Response set(UUID user, String key, Map<String, ?> goal) {
        return as(user).header("Idempotency-Key", key).body(goal).post("/api/v1/goals");
    }

    /** The records of the goal on goals.goals, decoded; a tombstone as {@code null}. */
    static List<Goal> published(String goalId, int count) {
        return DevstackKafka.awaitRecordsOf(Topics.GOALS, goalId, count, record -> true).stream()
                .map(GoalsApiTest::decode).toList();
    }

    static Goal decode(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? null
                : (Goal) RECORDS.deserialize(Topics.GOALS, record.headers(), record.value());
    }

    @Test
    void shouldSetAGoalOnceWhateverTheRetriesAndPublishIt() {
        // given
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        // when
        Response first = set(user, key, WEEKLY_RUN);
        Response retry = set(user, key, WEEKLY_RUN);

        // then
        String goalId = first.then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", endsWith("/api/v1/goals/" + first.path("id")))
                .header("Idempotency-Replayed", nullValue())
                .body("user_id", equalTo(user.toString()))
                .body("kind", equalTo("period_total"))
                .body("metric", equalTo("distance"))
                .body("period", equalTo("week"))
                .body("sport", equalTo("running"))
                .body("target", equalTo(20_000.0f))
                .body("paused", equalTo(false))
                .body("version", equalTo(1))
                .extract().path("id");
        retry.then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(goalId));
        as(user).get("/api/v1/goals").then().statusCode(200).body("goals.id", contains(goalId));
        List<Goal> records = published(goalId, 1);
        assertThat(records).hasSize(1);
        Goal record = records.getFirst();
        assertThat(record.getUserId()).isEqualTo(user);
        assertThat(record.getKind()).isEqualTo("period_total");
        assertThat(record.getMetric()).isEqualTo("distance");
        assertThat(record.getPeriod()).isEqualTo("week");
        assertThat(record.getSport()).isEqualTo(SportType.RUNNING);
        assertThat(record.getTarget()).isEqualTo(20_000.0);
        assertThat(record.getVersion()).isEqualTo(1L);
        // and another request with that key is refused
        set(user, key, Map.of("kind", "period_total", "metric", "workouts", "period", "week", "target", 3))
                .then().statusCode(422).body("error", equalTo("idempotency_key_reused"));
    }

    @Test
    void shouldEditPauseAndDeleteAGoalOnlyAtTheVersionItWasReadAt() {
        // given
        UUID user = UUID.randomUUID();
        String goalId = set(user, UUID.randomUUID().toString(), Map.of("kind", "performance", "sport", "running",
                "distance_meters", 5_000, "target_seconds", 1_500)).then().statusCode(201)
                .body("distance_meters", equalTo(5_000.0f)).body("target", nullValue())
                .extract().path("id");
        String goal = "/api/v1/goals/" + goalId;

        // when: a faster target at version 1, then a pause decided on version 1 too
        Response edited = as(user).header("If-Match", "\"1\"").body(Map.of("target_seconds", 1_440)).patch(goal);
        Response stale = as(user).header("If-Match", "\"1\"").body(Map.of("paused", true)).patch(goal);

        // then
        edited.then().statusCode(200).header("ETag", "\"2\"").body("target_seconds", equalTo(1_440))
                .body("version", equalTo(2));
        stale.then().statusCode(409).body("error", equalTo("version_conflict"))
                .body("details.current_version", equalTo(2));
        as(user).header("If-Match", "\"2\"").body(Map.of("paused", true)).patch(goal).then()
                .statusCode(200).body("paused", equalTo(true)).body("version", equalTo(3));
        as(user).header("If-Match", "\"3\"").body(Map.of("sport", "cycling")).patch(goal).then()
                .statusCode(400).body("error", equalTo("validation_failed"));
        as(user).body(Map.of("paused", false)).patch(goal).then()
                .statusCode(428).body("error", equalTo("precondition_required"));
        // someone else's goal is unknown to them
        as(UUID.randomUUID()).get(goal).then().statusCode(404).body("error", equalTo("not_found"));
        as(UUID.randomUUID()).header("If-Match", "\"3\"").delete(goal).then().statusCode(404);

        // when
        as(user).header("If-Match", "\"3\"").delete(goal).then().statusCode(204);

        // then: gone, a tombstone last on the topic
        as(user).get(goal).then().statusCode(404);
        List<Goal> records = published(goalId, 4);
        assertThat(records).hasSize(4);
        assertThat(records.get(1).getTargetSeconds()).isEqualTo(1_440L);
        assertThat(records.get(2).getPaused()).isTrue();
        assertThat(records.get(3)).isNull();
    }

    @Test
    void shouldRefuseABadGoalInTheErrorFormat() {
        // given
        UUID user = UUID.randomUUID();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        List<Map<String, Object>> bad = List.of(
                Map.of("kind", "period_total", "metric", "distance", "period", "week", "target", -5),
                Map.of("kind", "period_total", "metric", "distance", "period", "fortnight", "target", 5),
                Map.of("kind", "period_total", "metric", "distance", "period", "week", "target", 5, "sport", "chess"),
                Map.of("kind", "performance", "distance_meters", 5_000, "target_seconds", 0),
                Map.of("kind", "performance", "distance_meters", 5_000),
                Map.of("kind", "period_total", "metric", "workouts", "period", "week", "target", 2.5),
                Map.of("kind", "total_by_date", "metric", "distance", "target", 100_000, "deadline", "2001-01-01"),
                Map.of("kind", "total_by_date", "metric", "distance", "target", 100_000),
                Map.of("kind", "dream", "target", 1),
                Map.of("kind", "period_total", "metric", "speed", "period", "week", "target", 5));

        // when / then
        for (Map<String, Object> goal : bad) {
            set(user, UUID.randomUUID().toString(), goal).then().log().ifValidationFails()
                    .statusCode(400)
                    .body("error", equalTo("validation_failed"))
                    .body("code", equalTo(400))
                    .body("message", notNullValue())
                    .body("details.violations", hasSize(1));
        }
        as(user).body(WEEKLY_RUN).post("/api/v1/goals").then()
                .statusCode(400).body("error", equalTo("idempotency_key_required"));
        as(user).get("/api/v1/goals/not-a-goal").then().statusCode(400).body("error", equalTo("validation_failed"));
        given().get("/api/v1/goals").then().statusCode(401);
        set(user, UUID.randomUUID().toString(), Map.of("kind", "total_by_date", "metric", "elevation_gain",
                "target", 2_000, "deadline", tomorrow)).then().statusCode(201).body("deadline", equalTo(tomorrow));
        as(user).get("/api/v1/goals").then().statusCode(200).body("goals", hasSize(1));
    }

    @Test
    void shouldRefuseTheGoalPastTheLimitOfAnAthlete() {
        // given: an athlete at the limit
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> goal = new HashMap<>(WEEKLY_RUN);
            goal.put("target", 1_000 + i);
            set(user, "key-" + i, goal).then().statusCode(201);
        }

        // when
        Response over = set(user, "key-100", WEEKLY_RUN);

        // then
        over.then().statusCode(409).body("error", equalTo("goal_limit_reached")).body("details.limit", equalTo(100));
        as(user).get("/api/v1/goals").then().statusCode(200).body("goals", hasSize(100));
    }

    @Test
    void shouldDeleteEveryGoalOfAnErasedAthleteWithATombstoneEach() {
        // given
        UUID user = UUID.randomUUID();
        String goalId = set(user, UUID.randomUUID().toString(), WEEKLY_RUN).then().statusCode(201)
                .extract().path("id");

        // when
        DevstackKafka.publish(Topics.USER_ERASURES, user.toString(), UserErased.newBuilder()
                .setEventId(UUID.randomUUID()).setTimestamp(Instant.now())
                .setData(UserErasedData.newBuilder().setUserId(user).setErasedAt(Instant.now()).build()).build());

        // then: the tombstone follows the goal on the topic, and the athlete has no goal left
        List<Goal> records = published(goalId, 2);
        assertThat(records.get(1)).isNull();
        as(user).get("/api/v1/goals").then().statusCode(200).body("goals", hasSize(0));
    }
}
