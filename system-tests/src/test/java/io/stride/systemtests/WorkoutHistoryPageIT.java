package io.stride.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * The workout history in a real browser and through the platform's own importer: an athlete registered at the real
 * users app has finished workouts (published, sealed with the athlete's telemetry key, as the workouts service does);
 * headless Chromium signs in on the history page, sees the weekly totals and the list, and opens a workout drawn as
 * athletes expect (route fitted to its panel, per-km splits, pace, heart rate and elevation over distance). The
 * workout exported as GPX and as TCX is imported again through the telemetry gateway, whose readers give back the
 * same points, times and heart rate, and a distance within 0.5 %. Screenshot: {@code target/history-*}/history.png.
 */
class WorkoutHistoryPageIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static UsersApp users;
    private static AppProcess history;
    private static AppProcess gateway;
    private static Path workDir;
    private static HistoryFixtures fixtures;

    @BeforeAll
    static void startApps() throws IOException {
        assertThat(CHROMIUM).as("Chromium for the browser tests (./stride test installs Debian's chromium)")
                .isExecutable();
        Path root = Checkout.root();
        workDir = root.resolve("system-tests/target/history-" + UUID.randomUUID());
        users = UsersApp.start(root, workDir);
        String generation = "history_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        history = AppProcess.start(root, "query-services/workout-history", List.of(users.jwksProperty(),
                "-Dworkout-history.page.users-url=" + users.baseUrl(),
                "-Dworkout-history.generation=" + generation), workDir);
        gateway = AppProcess.start(root, "ingest/telemetry-gateway", List.of(users.jwksProperty()), workDir);
        fixtures = new HistoryFixtures();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {fixtures, gateway, history, users}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static String text(HeadlessChromium browser, String id) throws Exception {
        return browser.evaluate("(document.getElementById('" + id + "') || {innerText: ''}).innerText");
    }

    private static int rows(HeadlessChromium browser, String tbodyId) throws Exception {
        return Integer.parseInt(browser.evaluate("String(document.querySelectorAll('#" + tbodyId + " tr').length)"));
    }

    private static boolean drawn(HeadlessChromium browser, String canvasId) throws Exception {
        return "true".equals(browser.evaluate("(() => { const c = document.getElementById('" + canvasId + "');"
                + " return String(c.getContext('2d').getImageData(0, 0, c.width, c.height).data"
                + ".some((v, i) => i % 4 !== 3 && v > 60)); })()"));
    }

    /** Waits for the page's list to have {@code count} rows; if it does not, says what the page and the API said. */
    private static void awaitListed(HeadlessChromium browser, UsersApp.Account athlete, int count) throws Exception {
        try {
            await("the workouts listed").atMost(Duration.ofSeconds(30))
                    .until(() -> rows(browser, "workouts") == count);
        } catch (ConditionTimeoutException notListed) {
            String api = given().header("Authorization", athlete.authorization())
                    .get(history.baseUrl() + "/api/v1/workouts?limit=20").then().extract().asString();
            throw new AssertionError("the page listed " + rows(browser, "workouts") + " of " + count
                    + " workouts; its status: '" + text(browser, "status") + "', sign-in error: '"
                    + text(browser, "login-error") + "'; the API answers now: " + api, notListed);
        }
    }

    @Test
    void shouldShowTheAthletesHistoryAndAWorkoutAsAthletesExpectWhenTheySignIn() throws Exception {
        // given: an athlete with four runs and a ride over the last weeks, and another athlete's run
        UsersApp.Account athlete = users.register();
        UsersApp.Account other = users.register();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> workouts = new ArrayList<>();
        int[] daysAgo = {1, 4, 9, 16, 23};
        for (int i = 0; i < daysAgo.length; i++) {
            UUID workout = UUID.randomUUID();
            SportType sport = i == 2 ? SportType.CYCLING : SportType.RUNNING;
            List<HistoryFixtures.Point> track = HistoryFixtures.parkRun(48.8462 + i * 0.002, 2.3371,
                    i == 0 ? 1_860 : 1_500 + i * 120);
            Instant start = now.minus(daysAgo[i], ChronoUnit.DAYS).minusSeconds(3_600 * 2);
            fixtures.publishSealed(workout, athlete.id, HistoryFixtures.events(workout, athlete.id, start, sport,
                    i == 0 ? "Luxembourg gardens loop" : null, track));
            workouts.add(workout);
        }
        UUID othersWorkout = UUID.randomUUID();
        fixtures.publishSealed(othersWorkout, other.id, HistoryFixtures.events(othersWorkout, other.id,
                now.minus(2, ChronoUnit.DAYS), SportType.RUNNING, "Not yours", HistoryFixtures.parkRun(48.85, 2.35,
                        600)));
        for (UUID workout : workouts) {
            await("workout " + workout + " projected").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> given().header("Authorization", athlete.authorization())
                            .get(history.baseUrl() + "/api/v1/workouts/" + workout).statusCode() == 200);
        }
        await("analytics of the five workouts").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().header("Authorization", athlete.authorization())
                        .get(history.baseUrl() + "/api/v1/workouts/stats?weeks=12").then().extract()
                        .jsonPath().getLong("totals.workouts") == 5);

        // when: the athlete opens the history page and signs in
        try (HeadlessChromium browser = HeadlessChromium.start(CHROMIUM, Files.createTempDirectory(workDir,
                "chromium"))) {
            browser.open(history.baseUrl() + "/#workout=" + workouts.getFirst());
            await("the sign-in form").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.evaluate("String((document.getElementById('login-form') || {dataset: {}})"
                            + ".dataset.ready === 'true')"), "true"::equals);
            browser.evaluate("document.getElementById('email').value = '" + athlete.email + "';"
                    + "document.getElementById('password').value = '" + UsersApp.PASSWORD + "';"
                    + "document.getElementById('login-form').requestSubmit(); 'submitted'");
            awaitListed(browser, athlete, 5);
            await("the workout drawn").atMost(Duration.ofSeconds(30))
                    .until(() -> rows(browser, "splits") >= 5 && drawn(browser, "route")
                            && drawn(browser, "elevation-chart"));
            browser.screenshotFullPage(workDir.resolve("history.png"));

            // then: the list, newest first, is the athlete's alone; the workout shows its figures, one split per
            // kilometre, its route and its charts
            String list = text(browser, "workouts");
            assertThat(list).contains("Cycling").contains("Running");
            assertThat(browser.evaluate("[...document.querySelectorAll('#workouts tr')].map(r => r.dataset.workoutId)"
                    + ".join(',')")).isEqualTo(String.join(",", workouts.stream().map(UUID::toString).toList()));
            String page = browser.evaluate("document.documentElement.outerHTML");
            assertThat(page).doesNotContain(othersWorkout.toString()).doesNotContain("Not yours");
            JsonPath details = given().header("Authorization", athlete.authorization())
                    .get(history.baseUrl() + "/api/v1/workouts/" + workouts.getFirst() + "/details").then()
                    .statusCode(200).extract().jsonPath();
            int splits = details.getList("splits").size();
            assertThat(rows(browser, "splits")).isEqualTo(splits);
            assertThat(text(browser, "splits")).contains("/km").contains("bpm");
            assertThat(text(browser, "detail-title")).isEqualTo("Luxembourg gardens loop");
            assertThat(text(browser, "figures")).contains(String.format(Locale.ROOT, "%.2f km",
                    details.getDouble("summary.distance_meters") / 1000)).contains("bpm");
            assertThat(drawn(browser, "weekly")).isTrue();
            assertThat(drawn(browser, "pace-chart")).isTrue();
            assertThat(drawn(browser, "hr-chart")).isTrue();
            assertThat(text(browser, "totals")).contains("Workouts 5");
            assertThat(workDir.resolve("history.png")).isNotEmptyFile();
        }
    }

    @Test
    void shouldImportTheExportBackToTheSameTrackWhenItGoesThroughTheGateway() throws Exception {
        // given: a finished run of 31 minutes
        UsersApp.Account athlete = users.register();
        UUID workout = UUID.randomUUID();
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<HistoryFixtures.Point> track = HistoryFixtures.parkRun(48.8462, 2.3371, 1_860);
        fixtures.publishSealed(workout, athlete.id, HistoryFixtures.events(workout, athlete.id, start,
                SportType.RUNNING, "Export me", track));
        await("workout projected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().header("Authorization", athlete.authorization())
                        .get(history.baseUrl() + "/api/v1/workouts/" + workout).statusCode() == 200);
        double distance = track.getLast().distance();

        for (String format : List.of("gpx", "tcx")) {
            // when: exported, then imported through the gateway's importer
            byte[] file = given().header("Authorization", athlete.authorization())
                    .get(history.baseUrl() + "/api/v1/workouts/" + workout + "/export?format=" + format)
                    .then().statusCode(200).extract().asByteArray();
            JsonPath imported = given().header("Authorization", athlete.authorization())
                    .contentType("application/octet-stream").body(file)
                    .post(gateway.baseUrl() + "/api/v1/telemetry/recordings?format=" + format)
                    .then().statusCode(202).extract().jsonPath();

            // then: every point accepted, and the samples the gateway published are the track's
            assertThat(imported.getInt("points")).as(format).isEqualTo(track.size());
            assertThat(imported.getInt("accepted")).as(format).isEqualTo(track.size());
            String importedWorkout = imported.getString("workout_id");
            List<TelemetrySample> samples = await("imported samples").atMost(Duration.ofSeconds(30))
                    .until(() -> samplesOf(importedWorkout), found -> found.size() == track.size());
            samples = samples.stream().sorted(Comparator.comparingLong(TelemetrySample::getSequenceNumber)).toList();
            double readBack = 0;
            for (int i = 0; i < samples.size(); i++) {
                TelemetrySample sample = samples.get(i);
                HistoryFixtures.Point point = track.get(i);
                assertThat(sample.getRecordedAt()).isEqualTo(start.plusMillis(point.offsetMillis()));
                assertThat(sample.getLatitude()).isEqualTo(point.latitude());
                assertThat(sample.getLongitude()).isEqualTo(point.longitude());
                assertThat(sample.getAltitudeMeters()).isEqualTo(point.altitude());
                assertThat(sample.getHeartRateBpm()).isEqualTo(point.heartRate());
                if (i > 0) {
                    TelemetrySample previous = samples.get(i - 1);
                    readBack += HistoryFixtures.haversine(previous.getLatitude(), previous.getLongitude(),
                            sample.getLatitude(), sample.getLongitude());
                }
            }
            assertThat(readBack).as(format + " distance").isCloseTo(distance, within(distance * 0.005));
        }
    }

    /** The samples the gateway published for a workout, opened with their athlete's key. */
    private static List<TelemetrySample> samplesOf(String workout) {
        Deserializer<TelemetrySampleBatch> batches = RegistrySerdes.<TelemetrySampleBatch>forValues(
                Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL), true).deserializer();
        List<TelemetrySample> samples = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : DevstackKafka.recordsOf(Topics.TELEMETRY_SAMPLE_BATCHES,
                workout)) {
            String user = new String(record.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER).value(),
                    StandardCharsets.UTF_8);
            byte[] plain = SealedSerde.open(fixtures.keys().keyOf(user), user, record.value());
            samples.addAll(batches.deserialize(record.topic(), record.headers(), plain).getSamples());
        }
        return samples;
    }
}
