package io.stride.commands.users.api;

import static io.stride.commands.users.api.TestClients.patchProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import static io.restassured.RestAssured.given;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stride.schemas.Topics;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.users.UserMetricsUpdatedData;
import io.stride.testing.DevstackResource;
import io.stride.testing.TopicFollower;

/**
 * The athlete's metrics on the profile: {@code PATCH /api/v1/users/me} sets and clears them, {@code GET} shows them,
 * and every change is published once, through the outbox, as {@code UserMetricsUpdated} on {@code users.user-metrics}.
 * The outbox is the topic's only writer and publishes in order: its rows of the user count what was published, and a
 * later change seen on the topic proves that nothing was published between.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class ProfileMetricsTest {

    private static final Map<String, Object> METRICS = Map.of("weight_kg", 72.5, "height_cm", 181,
            "max_heart_rate_bpm", 188, "resting_heart_rate_bpm", 52, "birth_year", 1990, "time_zone", "Europe/Lisbon");

    private static Response profile(TestClients.Account account) {
        return given().header("Authorization", account.bearer()).when().get("/api/v1/users/me");
    }

    /** Rows the outbox holds for the user's key on {@code users.user-metrics} (published or not). */
    private static long outboxRows(TestClients.Account account) {
        return (long) TestClients.query("select count(*) as n from users.outbox where topic = ? and record_key = ?",
                Topics.USER_METRICS, account.userId().toString()).getFirst().get("n");
    }

    private static List<UserMetricsUpdated> awaitRecords(TopicFollower<UserMetricsUpdated> topic,
            TestClients.Account account, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.valuesOf(account.userId().toString()), records -> records.size() >= count);
    }

    @Test
    void shouldShowMetricsAndPublishThemOnceWhenPatched() {
        // given: a new account has no metrics and has published none
        TestClients.Account account = TestClients.newAccount();
        profile(account).then()
                .statusCode(200)
                .body("weight_kg", nullValue())
                .body("height_cm", nullValue())
                .body("max_heart_rate_bpm", nullValue())
                .body("resting_heart_rate_bpm", nullValue())
                .body("birth_year", nullValue())
                .body("time_zone", nullValue());
        assertThat(outboxRows(account)).as("registration publishes no metrics").isZero();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        try (TopicFollower<UserMetricsUpdated> topic = new TopicFollower<>(Topics.USER_METRICS)) {
            // when
            Response patched = patchProfile(account, METRICS);

            // then
            patched.then()
                    .statusCode(200)
                    .body("first_name", equalTo("Ann"))
                    .body("weight_kg", equalTo(72.5f))
                    .body("height_cm", equalTo(181.0f))
                    .body("max_heart_rate_bpm", equalTo(188))
                    .body("resting_heart_rate_bpm", equalTo(52))
                    .body("birth_year", equalTo(1990))
                    .body("time_zone", equalTo("Europe/Lisbon"));
            profile(account).then()
                    .statusCode(200)
                    .body("weight_kg", equalTo(72.5f))
                    .body("height_cm", equalTo(181.0f))
                    .body("max_heart_rate_bpm", equalTo(188))
                    .body("resting_heart_rate_bpm", equalTo(52))
                    .body("birth_year", equalTo(1990))
                    .body("time_zone", equalTo("Europe/Lisbon"));
            assertThat(outboxRows(account)).as("one UserMetricsUpdated appended").isEqualTo(1);
            UserMetricsUpdated event = awaitRecords(topic, account, 1).getFirst();
            assertThat(topic.valuesOf(account.userId().toString())).hasSize(1);
            UserMetricsUpdatedData data = event.getData();
            assertThat(event.getType()).isEqualTo("UserMetricsUpdated");
            assertThat(event.getEventId()).isNotNull();
            assertThat(data.getUserId()).isEqualTo(account.userId());
            assertThat(data.getWeightKg()).isEqualTo(72.5);
            assertThat(data.getHeightCm()).isEqualTo(181.0);
            assertThat(data.getMaxHeartRateBpm()).isEqualTo(188);
            assertThat(data.getRestingHeartRateBpm()).isEqualTo(52);
            assertThat(data.getBirthYear()).isEqualTo(1990);
            assertThat(data.getTimeZone()).isEqualTo("Europe/Lisbon");
            Instant changedAt = ((Timestamp) TestClients.query(
                    "select metrics_updated_at from users.users where id = ?", account.userId()).getFirst()
                    .get("metrics_updated_at")).toInstant();
            assertThat(event.getTimestamp()).as("when the metrics changed")
                    .isEqualTo(changedAt.truncatedTo(ChronoUnit.MILLIS))
                    .isBetween(before, Instant.now());
        }
    }

    @Test
    void shouldPublishNothingWhenPatchChangesNoMetric() {
        // given
        TestClients.Account account = TestClients.newAccount();
        patchProfile(account, METRICS).then().statusCode(200);
        try (TopicFollower<UserMetricsUpdated> topic = new TopicFollower<>(Topics.USER_METRICS)) {
            UserMetricsUpdated first = awaitRecords(topic, account, 1).getFirst();

            // when: names only, then the same values again (181.0 is 181)
            patchProfile(account, Map.of("first_name", "Bea")).then().statusCode(200)
                    .body("first_name", equalTo("Bea"));
            patchProfile(account, Map.of("weight_kg", 72.5, "height_cm", 181.0, "time_zone", "Europe/Lisbon"))
                    .then()
                    .statusCode(200);

            // then
            assertThat(outboxRows(account)).as("no event for a patch that changes no metric").isEqualTo(1);
            // a real change (an explicit null clears) comes right after the first event: nothing came between
            Map<String, Object> clearWeight = new HashMap<>();
            clearWeight.put("weight_kg", null);
            patchProfile(account, clearWeight).then().statusCode(200).body("weight_kg", nullValue());
            profile(account).then().statusCode(200).body("weight_kg", nullValue()).body("height_cm", equalTo(181.0f));
            List<UserMetricsUpdated> records = awaitRecords(topic, account, 2);
            assertThat(records).hasSize(2);
            UserMetricsUpdatedData cleared = records.get(1).getData();
            assertThat(cleared.getWeightKg()).isNull();
            assertThat(cleared.getHeightCm()).as("full current values").isEqualTo(181.0);
            assertThat(cleared.getMaxHeartRateBpm()).isEqualTo(188);
            assertThat(cleared.getTimeZone()).isEqualTo("Europe/Lisbon");
            assertThat(records.get(1).getEventId()).isNotEqualTo(first.getEventId());
            assertThat(records.get(1).getTimestamp()).isAfter(first.getTimestamp());
        }
    }

    static Stream<Arguments> invalidMetrics() {
        int nextYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        return Stream.of(
                Arguments.of("weight_kg", 19.9), Arguments.of("weight_kg", 400.5), Arguments.of("weight_kg", "70"),
                Arguments.of("weight_kg", true), Arguments.of("height_cm", 99), Arguments.of("height_cm", 251),
                Arguments.of("height_cm", List.of(180)), Arguments.of("max_heart_rate_bpm", 99),
                Arguments.of("max_heart_rate_bpm", 241), Arguments.of("max_heart_rate_bpm", 180.5),
                Arguments.of("max_heart_rate_bpm", "180"), Arguments.of("resting_heart_rate_bpm", 24),
                Arguments.of("resting_heart_rate_bpm", 121), Arguments.of("birth_year", 1899),
                Arguments.of("birth_year", nextYear), Arguments.of("birth_year", "1990"),
                Arguments.of("birth_year", 10_000_000_000L), Arguments.of("time_zone", "Mars/Olympus_Mons"),
                Arguments.of("time_zone", "+02:00"), Arguments.of("time_zone", "europe/lisbon"),
                Arguments.of("time_zone", 5), Arguments.of("time_zone", Map.of("id", "Europe/Lisbon")));
    }

    @ParameterizedTest
    @MethodSource("invalidMetrics")
    void shouldRefuseWith400AndPublishNothingWhenAMetricIsInvalid(String field, Object value) {
        // given
        TestClients.Account account = TestClients.newAccount();

        // when
        Response refused = patchProfile(account, Map.of("first_name", "Changed", field, value));

        // then
        refused.then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("validation_failed"))
                .body("code", equalTo(400))
                .body("details.violations.field", equalTo(List.of(field)));
        profile(account).then()
                .statusCode(200)
                .body("first_name", equalTo("Ann"))
                .body(field, nullValue());
        assertThat(outboxRows(account)).isZero();
    }

    @Test
    void shouldRefuseRestingHeartRateNotBelowMaxWhenPatched() {
        // given
        TestClients.Account account = TestClients.newAccount();
        patchProfile(account, Map.of("max_heart_rate_bpm", 180)).then().statusCode(200);

        // when: against the stored max, and against the max of the same patch
        Response againstStored = patchProfile(account, Map.of("resting_heart_rate_bpm", 180, "first_name", "Changed"));
        Response againstPatched = patchProfile(account,
                Map.of("resting_heart_rate_bpm", 100, "max_heart_rate_bpm", 100));

        // then
        for (Response refused : List.of(againstStored, againstPatched)) {
            refused.then()
                    .statusCode(400)
                    .body("error", equalTo("validation_failed"))
                    .body("details.violations.field", equalTo(List.of("resting_heart_rate_bpm")));
        }
        profile(account).then()
                .statusCode(200)
                .body("first_name", equalTo("Ann"))
                .body("max_heart_rate_bpm", equalTo(180))
                .body("resting_heart_rate_bpm", nullValue());
        assertThat(outboxRows(account)).as("only the first patch's event").isEqualTo(1);
    }

    @Test
    void shouldTombstoneMetricsWhenAthleteIsErased() {
        // given
        TestClients.Account account = TestClients.newAccount();
        patchProfile(account, METRICS).then().statusCode(200);
        try (TopicFollower<UserMetricsUpdated> topic = new TopicFollower<>(Topics.USER_METRICS)) {
            awaitRecords(topic, account, 1);

            // when
            TestClients.erase(account);

            // then
            assertThat(TestClients.query("select payload from users.outbox where topic = ? and record_key = ?",
                    Topics.USER_METRICS, account.userId().toString()))
                    .as("the metrics' rows gave way to the tombstone")
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("payload")).isNull());
            List<UserMetricsUpdated> records = awaitRecords(topic, account, 2);
            assertThat(records).hasSize(2);
            assertThat(records.getLast()).as("tombstone").isNull();
        }
    }

    @Test
    void shouldRefuseUnknownFieldBesideMetricsWhenPatched() {
        // given
        TestClients.Account account = TestClients.newAccount();

        // when
        Response refused = patchProfile(account, Map.of("weight_kg", 70, "vo2max", 55));

        // then
        refused.then()
                .statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("details.violations.field", equalTo(List.of("vo2max")));
        profile(account).then().statusCode(200).body("weight_kg", nullValue());
        assertThat(outboxRows(account)).isZero();
    }
}
