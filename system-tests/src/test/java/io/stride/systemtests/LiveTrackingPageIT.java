package io.stride.systemtests;

import static io.restassured.RestAssured.given;
import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.testing.DevstackKafka;

/**
 * The live-tracking pages in a real browser: headless Chromium (Debian's, installed by {@code ./stride test}) loads
 * them from the packaged app and runs their scripts. An athlete signs in at the real users app (another origin,
 * CORS) and sees their own workout move, pushed without reload; someone without an account opens a share link and
 * watches that one workout until the link is revoked. Screenshots are left in {@code target/} for people.
 */
class LiveTrackingPageIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static UsersApp users;
    private static AppProcess liveTracking;
    private static Path workDir;

    @BeforeAll
    static void startUsersAndLiveTracking() throws IOException {
        assertThat(CHROMIUM).as("Chromium for the browser tests (./stride test installs Debian's chromium)")
                .isExecutable();
        Path root = Checkout.root();
        workDir = root.resolve("system-tests/target/page-" + UUID.randomUUID());
        users = UsersApp.start(root, workDir);
        liveTracking = AppProcess.start(root, "query-services/live-tracking",
                List.of("-Dquarkus.kafka-streams.application-id=live-tracking-page-"
                        + UUID.randomUUID().toString().substring(0, 8), users.jwksProperty(),
                        "-Dlive-tracking.page.users-url=" + users.baseUrl()), workDir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (liveTracking != null) {
            liveTracking.close();
        }
        if (users != null) {
            users.close();
        }
    }

    private static void publish(LiveWorkoutState state) throws Exception {
        DevstackKafka.publish(Topics.LIVE_WORKOUT_STATE, state.getWorkoutId().toString(), state);
    }

    /** The text of the workout's row on the page, empty while the page does not show it. */
    private static String row(HeadlessChromium browser, UUID workout) throws Exception {
        return browser.evaluate("(document.querySelector('tr[data-workout-id=\"" + workout
                + "\"]') || {innerText: ''}).innerText");
    }

    /** The text of the shared workout's row (keyed by the link's id: a shared view has no workout id), or empty. */
    private static String sharedRow(HeadlessChromium browser, String linkId) throws Exception {
        return browser.evaluate("(document.querySelector('tr[data-share-link-id=\"" + linkId
                + "\"]') || {innerText: ''}).innerText");
    }

    private static String text(HeadlessChromium browser, String id) throws Exception {
        return browser.evaluate("(document.getElementById('" + id + "') || {textContent: ''}).textContent");
    }

    private static void signIn(HeadlessChromium browser, UsersApp.Account account) throws Exception {
        await("the sign-in form").atMost(Duration.ofSeconds(30))
                .until(() -> browser.evaluate("String((document.getElementById('login-form') || {dataset: {}})"
                            + ".dataset.ready === 'true')"), "true"::equals);
        browser.evaluate("document.getElementById('email').value = '" + account.email + "';"
                + "document.getElementById('password').value = '" + UsersApp.PASSWORD + "';"
                + "document.getElementById('login-form').requestSubmit(); 'submitted'");
    }

    @Test
    void shouldShowTheAthletesOwnWorkoutMovingWhenTheySignIn() throws Exception {
        // given: the athlete's workout in progress, 1.23 km so far, and another athlete's
        UsersApp.Account athlete = users.register();
        UsersApp.Account other = users.register();
        UUID workout = UUID.randomUUID();
        UUID othersWorkout = UUID.randomUUID();
        publish(aLiveWorkoutState().forWorkout(workout, athlete.id).sampleCount(120).distanceMeters(1234)
                .lastHeartRateBpm(141).lastRecordedAt(Instant.now()).updatedAt(Instant.now())
                .lastPosition(55.75, 37.61).build());
        publish(aLiveWorkoutState().forWorkout(othersWorkout, other.id).sampleCount(7).distanceMeters(700)
                .lastRecordedAt(Instant.now()).updatedAt(Instant.now()).lastPosition(55.76, 37.62).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", athlete.authorization())
                .get(liveTracking.baseUrl() + "/api/v1/live-workouts/" + workout).statusCode() == 200);

        // when: the athlete opens the page and signs in, then the workout moves on (pushed, no reload)
        try (HeadlessChromium browser = HeadlessChromium.start(CHROMIUM, Files.createTempDirectory(workDir,
                "chromium"))) {
            browser.open(liveTracking.baseUrl() + "/");
            await("the sign-in page").atMost(Duration.ofSeconds(30)).until(() -> browser.evaluate(
                    "String(document.readyState)"), "complete"::equals);
            assertThat(browser.evaluate("getComputedStyle(document.getElementById('live')).display"))
                    .isEqualTo("none");
            signIn(browser, athlete);
            String before = await("the workout on the page").atMost(Duration.ofSeconds(30))
                    .until(() -> row(browser, workout), text -> text.contains("1.23 km"));
            String pushedBefore = await("the push stream open").atMost(Duration.ofSeconds(30))
                    .until(() -> text(browser, "status"), status -> status.contains("pushed"));
            long[] samples = {150};
            String after = await("the pushed change on the page").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        // published again until the app's push consumer has joined the topic
                        publish(aLiveWorkoutState().forWorkout(workout, athlete.id).sampleCount(samples[0])
                                .distanceMeters(1510).lastHeartRateBpm(152).lastRecordedAt(Instant.now())
                                .updatedAt(Instant.now()).lastPosition(55.752, 37.61).build());
                        return row(browser, workout);
                    }, text -> text.contains("1.51 km"));
            browser.screenshot(workDir.resolve("live-tracking.png"));

            // then: the row shows the figures of each moment; the other athlete's workout is never on the page
            assertThat(before).contains(workout.toString().substring(0, 8)).contains("141 bpm").contains("120");
            assertThat(after).contains("152 bpm").contains("150");
            assertThat(pushedBefore).contains("pushed");
            assertThat(browser.evaluate("getComputedStyle(document.getElementById('login-form')).display"))
                    .isEqualTo("none");
            assertThat(row(browser, othersWorkout)).isEmpty();
            assertThat(browser.evaluate("document.body.innerText")).doesNotContain(othersWorkout.toString()
                    .substring(0, 8));
            assertThat(browser.evaluate("location.href")).doesNotContain("token").doesNotContain("eyJ");
            assertThat(workDir.resolve("live-tracking.png")).isNotEmptyFile();
        }
    }

    @Test
    void shouldShowASharedWorkoutWithoutAnAccountUntilTheLinkIsRevoked() throws Exception {
        // given: an athlete's workout and a share link to it
        UsersApp.Account athlete = users.register();
        UUID workout = UUID.randomUUID();
        publish(aLiveWorkoutState().forWorkout(workout, athlete.id).sampleCount(60).distanceMeters(2345)
                .lastHeartRateBpm(133).lastRecordedAt(Instant.now()).updatedAt(Instant.now())
                .lastPosition(55.70, 37.50).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", athlete.authorization())
                .get(liveTracking.baseUrl() + "/api/v1/live-workouts/" + workout).statusCode() == 200);
        JsonPath link = given().header("Authorization", athlete.authorization()).contentType(ContentType.JSON)
                .body(Map.of("expires_in_seconds", 900))
                .post(liveTracking.baseUrl() + "/api/v1/live-workouts/" + workout + "/share-links")
                .then().statusCode(201).extract().jsonPath();

        // when: someone opens the link in a browser that never signed in; the workout moves on
        try (HeadlessChromium browser = HeadlessChromium.start(CHROMIUM, Files.createTempDirectory(workDir,
                "chromium"))) {
            browser.open(link.getString("url"));
            String linkId = link.getString("id");
            String before = await("the shared workout on the page").atMost(Duration.ofSeconds(30))
                    .until(() -> sharedRow(browser, linkId), text -> text.contains("2.35 km"));
            long[] samples = {61};
            String after = await("the pushed change on the shared page").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        publish(aLiveWorkoutState().forWorkout(workout, athlete.id).sampleCount(samples[0]++)
                                .distanceMeters(2600).lastHeartRateBpm(139).lastRecordedAt(Instant.now())
                                .updatedAt(Instant.now()).lastPosition(55.702, 37.50).build());
                        return sharedRow(browser, linkId);
                    }, text -> text.contains("2.60 km"));
            browser.screenshot(workDir.resolve("shared-workout.png"));

            // then: the figures of each moment, the route drawn, when it started in the first column, and no id of
            // the workout or its athlete anywhere in the page
            assertThat(before).contains("133 bpm").contains("since ");
            assertThat(after).contains("139 bpm");
            assertThat(browser.evaluate("String(document.getElementById('map').getContext('2d')"
                    + ".getImageData(0, 0, 900, 420).data.some(v => v !== 0))")).isEqualTo("true");
            String page = browser.evaluate("document.documentElement.outerHTML").toLowerCase(Locale.ROOT);
            for (UUID id : List.of(workout, athlete.id)) {
                assertThat(page).doesNotContain(id.toString()).doesNotContain(id.toString().replace("-", ""))
                        .doesNotContain(id.toString().substring(0, 8));
            }
            assertThat(workDir.resolve("shared-workout.png")).isNotEmptyFile();

            // and when the owner revokes the link, the next change ends the stream and the page says so
            given().header("Authorization", athlete.authorization())
                    .delete(liveTracking.baseUrl() + "/api/v1/live-workouts/" + workout + "/share-links/"
                            + link.getString("id"))
                    .then().statusCode(204);
            await("the revoked link on the page").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        publish(aLiveWorkoutState().forWorkout(workout, athlete.id).sampleCount(samples[0]++)
                                .distanceMeters(2700).lastRecordedAt(Instant.now()).updatedAt(Instant.now())
                                .lastPosition(55.703, 37.50).build());
                        return text(browser, "status");
                    }, status -> status.contains("expired or was revoked"));
            assertThat(sharedRow(browser, link.getString("id"))).isEmpty();
        }
    }
}
