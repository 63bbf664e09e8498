package io.stride.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.stride.schemas.common.SportType;

/**
 * The leaderboard widget in a real browser, fed by the real platform: athletes registered at the users app choose the
 * names boards show (their public profiles reach the processor through the users service's outbox), their runs are
 * published sealed as the workouts service publishes them, and headless Chromium shows the day's running board as a
 * widget. The viewer signs in inside the widget and sees their own row below the top; a run that lifts them to the
 * top is pushed to the page, which moves their row up. Screenshot: {@code target/widget-*}/widget.png.
 */
class LeaderboardWidgetIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static UsersApp users;
    private static AppProcess leaderboards;
    private static Path workDir;
    private static HistoryFixtures fixtures;

    @BeforeAll
    static void startApps() throws IOException {
        assertThat(CHROMIUM).as("Chromium for the browser tests (./stride test installs Debian's chromium)")
                .isExecutable();
        Path root = Checkout.root();
        workDir = root.resolve("system-tests/target/widget-" + UUID.randomUUID());
        users = UsersApp.start(root, workDir);
        // an application id of its own: its boards are built from the topics' start, apart from any other instance
        String applicationId = "leaderboards-widget-it-" + UUID.randomUUID().toString().substring(0, 8);
        leaderboards = AppProcess.start(root, "stream-processors/leaderboards", List.of(users.jwksProperty(),
                "-Dleaderboards.page.users-url=" + users.baseUrl(),
                "-Dquarkus.kafka-streams.application-id=" + applicationId,
                "-Dkafka-streams.state.dir=" + workDir.resolve("streams-state")), workDir);
        fixtures = new HistoryFixtures();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {fixtures, leaderboards, users}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static void chooseName(UsersApp.Account athlete, String name) {
        given().header("Authorization", athlete.authorization()).contentType(ContentType.JSON)
                .body("{\"display_name\": \"" + name + "\"}")
                .patch(users.baseUrl() + "/api/v1/users/me").then().statusCode(200);
    }

    private static void run(UsersApp.Account athlete, Instant start, double meters) throws Exception {
        UUID workout = UUID.randomUUID();
        fixtures.publishSealed(workout, athlete.id, HistoryFixtures.events(workout, athlete.id, start,
                SportType.RUNNING, null, HistoryFixtures.parkRun(48.8462, 2.3371, 600), meters));
    }

    private static String rows(HeadlessChromium browser) throws Exception {
        return browser.evaluate("[...document.querySelectorAll('#board li')].map(li => li.innerText.replace(/\\s+/g,"
                + " ' ')).join(' | ')");
    }

    /** Pixels of the widget's accent colour (the brand and the podium's ranks) in a PNG. */
    private static int accentPixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r > 230 && g > 60 && g < 110 && b < 40) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void shouldShowTheTopAndMoveTheViewersRowWhenTheirRunIsPushed() throws Exception {
        // given: three named runners on a day of their own (in 1990-2000, where no other test runs)
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(4000));
        Instant morning = day.atTime(7, 0).toInstant(ZoneOffset.UTC);
        UsersApp.Account ann = users.register();
        UsersApp.Account bo = users.register();
        UsersApp.Account viewer = users.register();
        chooseName(ann, "Ann R.");
        chooseName(bo, "Bo K.");
        chooseName(viewer, "Cy V.");
        run(ann, morning, 10_000);
        run(bo, morning.plusSeconds(600), 8_000);
        run(viewer, morning.plusSeconds(1200), 6_000);
        String board = "/api/v1/leaderboards/global/day/" + day + "/RUNNING/distance";
        await("the three runs ranked and named").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var answer = given().get(leaderboards.baseUrl() + board).then().extract();
                    return answer.statusCode() == 200 && answer.jsonPath().getInt("size") == 3
                            && "Cy V.".equals(answer.jsonPath().getString("entries[2].display_name"));
                });

        try (HeadlessChromium browser = HeadlessChromium.start(CHROMIUM, Files.createTempDirectory(workDir,
                "chromium"))) {
            // when: the widget shows the top two of the day, and the third runner signs in inside it
            browser.open(leaderboards.baseUrl() + "/widget.html?period=day&periodId=" + day
                    + "&sport=RUNNING&metric=distance&limit=2");
            await("the top two shown").atMost(Duration.ofSeconds(30))
                    .until(() -> rows(browser), "1 Ann R. 10.00 km | 2 Bo K. 8.00 km"::equals);
            assertThat(browser.evaluate("document.getElementById('title').innerText"))
                    .isEqualTo("Today · Running · distance");
            assertThat(browser.evaluate("document.getElementById('size').innerText")).isEqualTo("3 athletes");
            await("the sign-in form").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.evaluate("String(document.getElementById('login-form').dataset.ready)"),
                            "true"::equals);
            browser.evaluate("document.getElementById('sign-in').click();"
                    + "document.getElementById('email').value = '" + viewer.email + "';"
                    + "document.getElementById('password').value = '" + UsersApp.PASSWORD + "';"
                    + "document.getElementById('login-form').requestSubmit(); 'submitted'");

            // then: their own row below the top, with their rank
            await("the viewer's own row").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.evaluate("document.getElementById('me').innerText.replace(/\\s+/g, ' ')"),
                            "3 Cy V. 6.00 km"::equals);

            // when: their second run of the day lifts them to the top
            String updates = browser.evaluate("document.body.dataset.updates");
            run(viewer, morning.plusSeconds(7200), 5_000);

            // then: the change is pushed, their row leads, marked as theirs and as moved up; nothing else reloaded
            await("the pushed change").atMost(Duration.ofSeconds(60))
                    .until(() -> rows(browser), "1 Cy V. 11.00 km | 2 Ann R. 10.00 km"::equals);
            assertThat(Integer.parseInt(browser.evaluate("document.body.dataset.updates")))
                    .isGreaterThan(Integer.parseInt(updates));
            await("the viewer's row marked").atMost(Duration.ofSeconds(10))
                    .until(() -> browser.evaluate("document.querySelector('#board li').className"),
                            classes -> classes.contains("mine") && classes.contains("moved-up"));
            assertThat(browser.evaluate("String(document.getElementById('me').hidden)")).isEqualTo("true");
            assertThat(browser.evaluate("Widget.currentPeriod('week', new Date(2021, 0, 3))")).isEqualTo("2020-W53");
            assertThat(browser.evaluate("Widget.currentPeriod('week', new Date(2026, 11, 7))")).isEqualTo("2026-W50");

            await("the rows at rest").atMost(Duration.ofSeconds(10))
                    .until(() -> browser.evaluate("String(document.getAnimations().length)"), "0"::equals);
            Path screenshot = workDir.resolve("widget.png");
            browser.screenshotFullPage(screenshot);
            assertThat(accentPixels(screenshot)).as("accent pixels in the screenshot").isGreaterThan(50);
        }
    }
}
