package io.stride.commands.users.api;

import static io.stride.commands.users.api.TestClients.patchProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stride.schemas.Topics;
import io.stride.schemas.users.PublicProfile;
import io.stride.testing.DevstackResource;
import io.stride.testing.TopicFollower;

/**
 * What other athletes may see of an athlete: the display name they chose (none by default: no legal name is ever
 * shown) and the choice to hide from public boards, stored encrypted like every name, published on
 * {@code users.public-profiles} on every change of either (never on other changes), without a name while hidden, and
 * removed by a tombstone when the athlete is erased.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class PublicProfileTest {

    private static List<PublicProfile> awaitProfiles(TopicFollower<PublicProfile> topic, TestClients.Account account,
            int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.valuesOf(account.userId().toString()), records -> records.size() >= count);
    }

    /** Rows the outbox holds for the athlete on {@code users.public-profiles}: what was ever appended. */
    private static long outboxRows(TestClients.Account account) {
        return (long) TestClients.query("select count(*) as n from users.outbox where topic = ? and record_key = ?",
                Topics.PUBLIC_PROFILES, account.userId().toString()).getFirst().get("n");
    }

    @Test
    void shouldShowNoNameUntilTheAthleteChoosesOneAndPublishOnlyItsChanges() {
        try (TopicFollower<PublicProfile> topic = new TopicFollower<>(Topics.PUBLIC_PROFILES)) {
            // given: a new account shows no name to others and has published nothing
            TestClients.Account account = TestClients.newAccount();
            given().header("Authorization", account.bearer()).get("/api/v1/users/me").then()
                    .statusCode(200)
                    .body("display_name", nullValue())
                    .body("hidden_from_leaderboards", equalTo(false));
            assertThat(outboxRows(account)).isZero();

            // when: a metric and the legal names change, then the athlete chooses a display name
            patchProfile(account, Map.of("weight_kg", 61.0, "last_name", "Karenina")).then().statusCode(200);
            patchProfile(account, Map.of("display_name", "  Trail Fox ")).then().statusCode(200)
                    .body("display_name", equalTo("Trail Fox"));

            // then: one profile, with the chosen name; the name is stored encrypted
            PublicProfile chosen = awaitProfiles(topic, account, 1).getFirst();
            assertThat(chosen.getUserId()).isEqualTo(account.userId());
            assertThat(chosen.getDisplayName()).isEqualTo("Trail Fox");
            assertThat(chosen.getHiddenFromLeaderboards()).isFalse();
            assertThat(outboxRows(account)).isEqualTo(1);
            assertThat(TestClients.query("select count(*) as n from users.users where id = ? and "
                    + "display_name_encrypted is not null and position(convert_to('Trail Fox', 'UTF8') in "
                    + "display_name_encrypted) = 0", account.userId()).getFirst().get("n")).isEqualTo(1L);

            // when: the same name again, then none
            patchProfile(account, Map.of("display_name", "Trail Fox")).then().statusCode(200);
            Map<String, Object> cleared = new HashMap<>();
            cleared.put("display_name", null);
            patchProfile(account, cleared).then().statusCode(200).body("display_name", nullValue());

            // then: only the clearing is published
            assertThat(awaitProfiles(topic, account, 2).get(1).getDisplayName()).isNull();
            assertThat(outboxRows(account)).isEqualTo(2);
        }
    }

    @Test
    void shouldPublishNoNameWhileTheAthleteHidesFromPublicBoards() {
        try (TopicFollower<PublicProfile> topic = new TopicFollower<>(Topics.PUBLIC_PROFILES)) {
            // given
            TestClients.Account account = TestClients.newAccount();
            patchProfile(account, Map.of("display_name", "Ann R.")).then().statusCode(200);
            awaitProfiles(topic, account, 1);

            // when: the athlete hides, then shows themselves again
            patchProfile(account, Map.of("hidden_from_leaderboards", true)).then().statusCode(200)
                    .body("hidden_from_leaderboards", equalTo(true))
                    .body("display_name", equalTo("Ann R."));
            PublicProfile hidden = awaitProfiles(topic, account, 2).get(1);
            patchProfile(account, Map.of("hidden_from_leaderboards", false)).then().statusCode(200);
            PublicProfile shown = awaitProfiles(topic, account, 3).get(2);

            // then
            assertThat(hidden.getHiddenFromLeaderboards()).isTrue();
            assertThat(hidden.getDisplayName()).as("nothing names a hidden athlete").isNull();
            assertThat(shown.getHiddenFromLeaderboards()).isFalse();
            assertThat(shown.getDisplayName()).isEqualTo("Ann R.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"hidden_from_leaderboards\": \"yes\"}",
            "{\"hidden_from_leaderboards\": null}",
            "{\"display_name\": \"   \"}",
            "{\"display_name\": 7}",
            "{\"display_name\": \"a name far longer than forty characters, really\"}",
            "{\"display_name\": \"tab\\tinside\"}"})
    void shouldRefuseABadChoiceAndPublishNothing(String body) {
        // given
        TestClients.Account account = TestClients.newAccount();

        // when
        Response refused = patchProfile(account, body);

        // then
        refused.then().statusCode(400)
                .body("error", equalTo("validation_failed"));
        assertThat(outboxRows(account)).isZero();
    }

    @Test
    void shouldRemoveThePublicProfileWhenTheAthleteIsErased() {
        try (TopicFollower<PublicProfile> topic = new TopicFollower<>(Topics.PUBLIC_PROFILES)) {
            // given
            TestClients.Account account = TestClients.newAccount();
            patchProfile(account, Map.of("display_name", "Gone Soon")).then().statusCode(200);
            awaitProfiles(topic, account, 1);

            // when
            TestClients.erase(account);

            // then: a tombstone follows (the record before it is compacted away)
            assertThat(awaitProfiles(topic, account, 2).getLast()).as("tombstone").isNull();
        }
    }
}
