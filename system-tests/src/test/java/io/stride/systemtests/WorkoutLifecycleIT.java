package io.stride.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stride.schemas.Topics;
import io.stride.schemas.testkit.EventBuilders;
import io.stride.testing.DevstackKafka;
import io.stride.testing.TestIssuer;

/**
 * A workout's whole life on the packaged apps and the devstack, as a watch drives it: the device starts its workout at
 * the workouts service, streams its samples through the gateway, pauses, resumes and completes it; live-workout
 * answers the completion with its final figures, the aggregate records {@code WorkoutCompleted} with them, and the
 * workout history's read models (summary, list, stats, route, GPX export) answer with those same figures. And an
 * athlete imports a recording years old: it becomes a completed workout dated when it happened.
 */
class WorkoutLifecycleIT {

    /** One fix a second, 0.000027 degrees of latitude apart: about 3 m/s, a run. */
    private static final double STEP_DEGREES = 0.000027;

    /** Metres in one step on the mean-radius sphere the processor uses. */
    private static final double STEP_METERS = STEP_DEGREES * 6_371_008.8 * Math.PI / 180;

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private static final List<AppProcess> APPS = new ArrayList<>();
    private static AppProcess gateway;
    private static AppProcess workouts;
    private static AppProcess history;

    @BeforeAll
    static void startApps() throws IOException {
        Path root = Checkout.root();
        Path workDir = root.resolve("system-tests/target/apps-" + UUID.randomUUID());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String jwks = "-Dmp.jwt.verify.publickey.location=" + TestIssuer.publicKeyFile().toUri();
        workouts = AppProcess.start(root, "command-services/workouts", List.of(jwks), workDir);
        APPS.add(workouts);
        gateway = AppProcess.start(root, "ingest/telemetry-gateway",
                List.of(jwks, "-Dtelemetry-gateway.workouts-url=" + workouts.baseUrl()), workDir);
        APPS.add(gateway);
        APPS.add(AppProcess.start(root, "stream-processors/live-workout",
                List.of("-Dquarkus.kafka-streams.application-id=live-workout-lifecycle-it-" + run), workDir));
        history = AppProcess.start(root, "query-services/workout-history",
                List.of(jwks, "-Dworkout-history.generation=lifecycle_it_" + run), workDir);
        APPS.add(history);
    }

    @AfterAll
    static void stopApps() throws InterruptedException {
        for (AppProcess app : APPS.reversed()) {
            app.close();
        }
    }

    @Test
    void shouldServeTheFinalLiveFiguresEverywhereWhenADeviceStreamsAndCompletesItsWorkout() throws Exception {
        // given: an athlete of 82 kg, resting at 52 and at most 188 bpm (their profile's metrics, as the users service
        // publishes them), and their watch, admitted by the gateway and the workouts service
        UUID athlete = anAthleteOf82Kg();
        DeviceCredentials.Device watch = DeviceCredentials.register(athlete);
        watch.awaitAdmittedBy(gateway.baseUrl());
        UUID workout = UUID.randomUUID();
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        // when: the watch starts its workout (retried with the same key until the service knows the device)
        String startKey = UUID.randomUUID().toString();
        await("the workouts service starts the watch's workout").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> command(watch, startKey, "", String.format(Locale.ROOT,
                        "{\"workout_id\":\"%s\",\"sport\":\"running\",\"start_time\":\"%s\"}", workout, start))
                        .statusCode(), status -> status == 201);
        // and: streams 5 minutes at one fix a second, pauses for a minute, streams 5 more minutes, completes
        post(watch, workout, athlete, start, 0, 300);
        assertThat(command(watch, UUID.randomUUID().toString(), "/" + workout + "/pause",
                "{\"at\":\"" + start.plusSeconds(300) + "\"}").statusCode()).isEqualTo(200);
        assertThat(command(watch, UUID.randomUUID().toString(), "/" + workout + "/resume",
                "{\"at\":\"" + start.plusSeconds(360) + "\"}").statusCode()).isEqualTo(200);
        post(watch, workout, athlete, start, 300, 600);
        Instant end = start.plusSeconds(659);
        Response completion = command(watch, UUID.randomUUID().toString(), "/" + workout + "/complete",
                "{\"end_time\":\"" + end + "\"}");
        assertThat(completion.statusCode()).as(completion.asString()).isEqualTo(202);
        long completing = System.nanoTime();

        // then: the aggregate records WorkoutCompleted with live-workout's final figures
        JsonPath completed = awaitCompleted(athlete, workout.toString(), "the workout completed");
        long recorded = System.nanoTime();
        double distance = completed.getDouble("figures.distance_meters");
        // 600 fixes in a straight line: 599 steps, less the one across the pause (the track restarts on resume; what
        // the athlete moved while paused is not the workout's)
        assertThat(distance).as("a straight line of 598 counted steps").isCloseTo(598 * STEP_METERS, within(0.5));
        int duration = completed.getInt("figures.duration_seconds");
        assertThat(duration).as("elapsed, the manual pause excluded").isBetween(598, 600);
        assertThat(completed.getInt("figures.route_points")).isPositive();
        assertThat(completed.getBoolean("abandoned")).isFalse();
        // the calories of the athlete's own heart rate (130-149 bpm) and metrics over the ~10 moving minutes, not the
        // 70 kg default's 105 kcal (Calories: VO2 from the heart-rate reserve, 5 kcal a litre of oxygen)
        double movingMinutes = completed.getLong("figures.moving_seconds") / 60.0;
        assertThat(completed.getDouble("figures.calories_burned")).as("kcal")
                .isBetween(heartRateKcalPerMinute(130, 82, 52, 188) * movingMinutes - 1,
                        heartRateKcalPerMinute(149, 82, 52, 188) * movingMinutes + 1);

        // and: every read model of the history answers with those figures
        // (the summary answers COMPLETING from the completion request on, until WorkoutCompleted is projected)
        String summaryUrl = history.baseUrl() + "/api/v1/workouts/" + workout;
        JsonPath summary = await("the history's summary").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> asAthlete(athlete).get(summaryUrl), response -> response.statusCode() == 200
                        && "COMPLETED".equals(response.jsonPath().getString("status")))
                .jsonPath();
        JsonPath list = await("the history's list").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> asAthlete(athlete).get(history.baseUrl() + "/api/v1/workouts").jsonPath(),
                        page -> page.getList("workouts").size() == 1);
        JsonPath stats = await("the history's stats").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> asAthlete(athlete).get(history.baseUrl() + "/api/v1/workouts/stats?weeks=4").jsonPath(),
                        answer -> answer.getLong("totals.workouts") == 1);
        JsonPath route = await("the history's route").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> asAthlete(athlete).get(summaryUrl + "/route"), response -> response.statusCode() == 200)
                .jsonPath();
        System.out.printf("WorkoutLifecycleIT: completion requested -> WorkoutCompleted recorded in %d ms -> summary,"
                + " list, stats and route answered in %d ms more%n", (recorded - completing) / 1_000_000,
                (System.nanoTime() - recorded) / 1_000_000);
        assertThat(summary.getString("status")).isEqualTo("COMPLETED");
        assertThat(summary.getDouble("distance_meters")).isEqualTo(distance);
        assertThat(summary.getLong("duration_seconds")).isEqualTo(duration);
        assertThat(Instant.parse(summary.getString("start_time"))).isEqualTo(start);
        assertThat(list.getString("workouts[0].workout_id")).isEqualTo(workout.toString());
        assertThat(list.getDouble("workouts[0].distance_meters")).isEqualTo(distance);
        assertThat(stats.getDouble("totals.distance_meters")).isCloseTo(distance, within(1e-6));
        assertThat(stats.getLong("totals.duration_seconds")).isEqualTo(duration);
        assertThat(route.getInt("original_point_count")).isEqualTo(completed.getInt("figures.route_points"));

        // and: the GPX export has the same distance within 0.5 %
        String gpx = asAthlete(athlete).accept("application/gpx+xml").get(summaryUrl + "/export?format=gpx")
                .then().statusCode(200).extract().asString();
        assertThat(gpxDistance(gpx)).isCloseTo(distance, within(distance * 0.005));
    }

    @Test
    void shouldCountTheCaloriesOfAPowerMetersWorkWhenTheAthleteImportsARideThatHasOne() throws Exception {
        // given: an athlete whose metrics are known (so heart rate could count too) and their ride of yesterday, ten
        // minutes at 200 W and 140 bpm, as their head unit exported it (TCX with the power extension)
        UUID athlete = anAthleteOf82Kg();
        DeviceCredentials.register(athlete).awaitAdmittedBy(gateway.baseUrl());
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder tcx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><TrainingCenterDatabase"
                + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\""
                + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Activities>"
                + "<Activity Sport=\"Biking\"><Id>" + start + "</Id><Lap StartTime=\"" + start + "\"><Track>");
        for (int i = 0; i < 600; i++) {
            tcx.append(String.format(Locale.ROOT, "<Trackpoint><Time>%s</Time><Position><LatitudeDegrees>%.7f"
                    + "</LatitudeDegrees><LongitudeDegrees>37.6</LongitudeDegrees></Position><HeartRateBpm><Value>140"
                    + "</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:Watts>200</ns3:Watts></ns3:TPX></Extensions>"
                    + "</Trackpoint>", start.plusSeconds(i), 55.75 + i * 2 * STEP_DEGREES));
        }
        tcx.append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>");

        // when: the athlete imports it
        JsonPath imported = asAthlete(athlete).contentType("application/vnd.garmin.tcx+xml").body(tcx.toString())
                .queryParam("format", "tcx").queryParam("sport", "cycling")
                .post(gateway.baseUrl() + "/api/v1/telemetry/recordings")
                .then().statusCode(202).extract().jsonPath();

        // then: the completed workout's calories are those of the mechanical work (599 s at 200 W = 119.8 kJ, at 21 %
        // gross efficiency: 136 kcal), not the heart rate's (~152 kcal) or the MET table's (~109 kcal)
        assertThat(imported.getInt("accepted")).isEqualTo(600);
        String workout = imported.getString("workout_id");
        JsonPath completed = awaitCompleted(athlete, workout, "the imported ride completed");
        assertThat(completed.getDouble("figures.calories_burned")).as("kcal")
                .isCloseTo(119_800 / 4_184.0 / 0.21, within(0.5));
    }

    @Test
    void shouldMakeAYearsOldRecordingACompletedWorkoutDatedWhenItHappenedWhenTheAthleteImportsIt() throws Exception {
        // given: an athlete's run of May 2015, ten minutes at one fix a second, as their old watch exported it
        UUID athlete = UUID.randomUUID();
        DeviceCredentials.register(athlete).awaitAdmittedBy(gateway.baseUrl());
        Instant start = Instant.parse("2015-05-17T06:30:00Z");
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><gpx version=\"1.1\""
                + " creator=\"an old watch\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>");
        for (int i = 0; i < 600; i++) {
            gpx.append(String.format(Locale.ROOT, "<trkpt lat=\"%.7f\" lon=\"37.6\"><time>%s</time></trkpt>",
                    55.75 + i * STEP_DEGREES, start.plusSeconds(i)));
        }
        gpx.append("</trkseg></trk></gpx>");

        // when: the athlete imports it through the gateway
        JsonPath imported = asAthlete(athlete).contentType("application/gpx+xml").body(gpx.toString())
                .queryParam("format", "gpx").queryParam("sport", "running").queryParam("title", "Sunday long run")
                .post(gateway.baseUrl() + "/api/v1/telemetry/recordings")
                .then().statusCode(202).extract().jsonPath();

        // then: every point is taken, and the workouts service completes the workout with live-workout's figures,
        // dated when it happened
        assertThat(imported.getInt("accepted")).isEqualTo(600);
        assertThat(imported.getString("workout_status")).isEqualTo("COMPLETING");
        String workout = imported.getString("workout_id");
        JsonPath completed = awaitCompleted(athlete, workout, "the imported workout completed");
        assertThat(Instant.parse(completed.getString("start_time"))).isEqualTo(start);
        assertThat(Instant.parse(completed.getString("end_time"))).isEqualTo(start.plusSeconds(599));
        assertThat(completed.getString("sport")).isEqualToIgnoringCase("running");
        assertThat(completed.getString("title")).isEqualTo("Sunday long run");
        assertThat(completed.getBoolean("abandoned")).isFalse();
        assertThat(completed.getDouble("figures.distance_meters")).as("599 steps due north")
                .isCloseTo(599 * STEP_METERS, within(0.5));
        assertThat(completed.getInt("figures.duration_seconds")).isEqualTo(599);
        // the calories of a run (MET 9.0 at the default 70 kg over the moving time), though the samples came first
        assertThat(completed.getDouble("figures.calories_burned")).as("kcal")
                .isCloseTo(9.0 * 70 * completed.getLong("figures.moving_seconds") / 3600.0, within(0.5));

        // and: the history shows it in 2015
        JsonPath summary = await("the history's summary").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> asAthlete(athlete).get(history.baseUrl() + "/api/v1/workouts/" + workout),
                        response -> response.statusCode() == 200 && "COMPLETED".equals(
                                response.jsonPath().getString("status")))
                .jsonPath();
        assertThat(Instant.parse(summary.getString("start_time"))).isEqualTo(start);
        assertThat(summary.getDouble("distance_meters")).isEqualTo(completed.getDouble("figures.distance_meters"));
    }

    private static io.restassured.specification.RequestSpecification asAthlete(UUID athlete) {
        return given().auth().oauth2(TestIssuer.token(athlete, "athlete"));
    }

    /** A new athlete whose profile's metrics are published as the users service does: 82 kg, rest 52, max 188 bpm. */
    private static UUID anAthleteOf82Kg() {
        UUID athlete = UUID.randomUUID();
        DevstackKafka.publish(Topics.USER_METRICS, athlete.toString(), EventBuilders.aUserMetricsUpdated()
                .userId(athlete).weightKg(82.0).restingHeartRateBpm(52).maxHeartRateBpm(188).at(Instant.now())
                .build());
        return athlete;
    }

    /** The workout as the workouts service answers it once COMPLETED (its athlete asking). */
    private static JsonPath awaitCompleted(UUID athlete, String workout, String description) {
        return await(description).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> asAthlete(athlete).get(workouts.baseUrl() + "/api/v1/workouts/" + workout).jsonPath(),
                        state -> "COMPLETED".equals(state.getString("status")));
    }

    private static Response command(DeviceCredentials.Device watch, String key, String path, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", watch.authorization())
                .header("Idempotency-Key", key).body(body)
                .post(workouts.baseUrl() + "/api/v1/workouts" + path);
    }

    /** Posts the fixes {@code from} (inclusive) to {@code to} (exclusive), one a second, due north, 100 a batch. */
    private static void post(DeviceCredentials.Device watch, UUID workout, UUID athlete, Instant start, int from,
            int to) {
        for (int first = from; first < to; first += 100) {
            List<String> samples = new ArrayList<>();
            for (int i = first; i < Math.min(to, first + 100); i++) {
                // a minute's pause after the 300th fix; the athlete goes on from where they stopped
                Instant at = start.plusSeconds(i < 300 ? i : i + 60);
                samples.add(String.format(Locale.ROOT, "{\"device_id\":\"%s\",\"workout_id\":\"%s\",\"user_id\":"
                                + "\"%s\",\"sequence_number\":%d,\"recorded_at\":\"%s\",\"latitude\":%.7f,"
                                + "\"longitude\":37.6,\"heart_rate_bpm\":%d}", watch.deviceId(), workout, athlete,
                        i + 1, at, 55.75 + i * STEP_DEGREES, 130 + i % 20));
            }
            given().contentType(ContentType.JSON).header("Authorization", watch.authorization())
                    .body(samples.stream().collect(Collectors.joining(",", "{\"samples\":[", "]}")))
                    .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                    .then().statusCode(202);
        }
    }

    /** kcal a minute at a heart rate, by the share of the heart-rate reserve taken as the share of the VO2 reserve. */
    private static double heartRateKcalPerMinute(int bpm, double kg, int resting, int max) {
        double vo2Max = 15.3 * max / resting;
        double vo2 = 3.5 + (bpm - resting) / (double) (max - resting) * (vo2Max - 3.5);
        return vo2 * kg / 1000.0 * 5.0;
    }

    /** Great-circle length of a GPX track's points, in metres. */
    private static double gpxDistance(String gpx) {
        Matcher point = Pattern.compile("<trkpt lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\"").matcher(gpx);
        double meters = 0;
        double[] previous = null;
        while (point.find()) {
            double[] current = {Double.parseDouble(point.group(1)), Double.parseDouble(point.group(2))};
            if (previous != null) {
                meters += haversine(previous, current);
            }
            previous = current;
        }
        assertThat(previous).as("track points in the GPX").isNotNull();
        return meters;
    }

    private static double haversine(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a[0])) * Math.cos(Math.toRadians(b[0])) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
    }
}
