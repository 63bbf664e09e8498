package io.stride.systemtests;

import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * The live-tracking page in a real browser: headless Chromium (Debian's, installed by {@code ./stride test}) loads
 * the page from the packaged app, runs its scripts, and the rendered document shows the workout and its figures as
 * they change. A screenshot is left in {@code target/} for people.
 */
class LiveTrackingPageIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static AppProcess liveTracking;
    private static Path workDir;

    @BeforeAll
    static void startLiveTracking() throws IOException {
        assertThat(CHROMIUM).as("Chromium for the browser tests (./stride test installs Debian's chromium)")
                .isExecutable();
        Path root = Path.of(System.getProperty("stride.root", "../..")).toAbsolutePath().normalize();
        workDir = root.resolve("platform/system-tests/target/page-" + UUID.randomUUID());
        liveTracking = AppProcess.start(root, "query-services/live-tracking",
                List.of("-Dquarkus.kafka-streams.application-id=live-tracking-page-"
                        + UUID.randomUUID().toString().substring(0, 8)), workDir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (liveTracking != null) {
            liveTracking.close();
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

    @Test
    void shouldShowTheWorkoutAndItsNewFiguresWhenTheLiveStateChanges() throws Exception {
        // given: a workout in progress, 1.23 km so far
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        publish(aLiveWorkoutState().forWorkout(workout, user).sampleCount(120).distanceMeters(1234)
                .lastHeartRateBpm(141).lastRecordedAt(Instant.now()).updatedAt(Instant.now())
                .lastPosition(55.75, 37.61).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.get(liveTracking.baseUrl()
                + "/api/v1/live-workouts/" + workout).statusCode() == 200);

        // when: a screen opens the page, then the workout moves on (pushed to the open page, no reload)
        try (HeadlessChromium browser = HeadlessChromium.start(CHROMIUM, Files.createTempDirectory(workDir,
                "chromium"))) {
            browser.open(liveTracking.baseUrl() + "/");
            String before = await("the workout on the page").atMost(Duration.ofSeconds(30))
                    .until(() -> row(browser, workout), text -> text.contains("1.23 km"));
            publish(aLiveWorkoutState().forWorkout(workout, user).sampleCount(150).distanceMeters(1510)
                    .lastHeartRateBpm(152).lastRecordedAt(Instant.now()).updatedAt(Instant.now())
                    .lastPosition(55.752, 37.61).build());
            String after = await("the pushed change on the page").atMost(Duration.ofSeconds(60))
                    .until(() -> row(browser, workout), text -> text.contains("1.51 km"));
            browser.screenshot(workDir.resolve("live-tracking.png"));

            // then: the row shows the figures of each moment, and the route is drawn
            assertThat(before).contains(workout.toString().substring(0, 8)).contains("141 bpm").contains("120");
            assertThat(after).contains("152 bpm").contains("150");
            assertThat(browser.evaluate("document.getElementById('status').textContent")).contains("pushed");
            assertThat(workDir.resolve("live-tracking.png")).isNotEmptyFile();
        }
    }
}
