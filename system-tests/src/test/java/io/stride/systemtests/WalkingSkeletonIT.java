package io.stride.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.platform.kafka.SealedSerde;
import io.stride.schemas.Topics;
import io.stride.testing.DevstackKafka;
import io.stride.testing.TestIssuer;

/**
 * Samples in, live state out: the gateway, the live-workout processor and the live-tracking service run as packaged
 * apps against the real devstack (Kafka, Apicurio Registry), each test with its own device credential, user and
 * workout ids. Devices present credentials registered on {@code users.device-credentials} ({@link DeviceCredentials});
 * the athlete reads the live state with an access token ({@link TestIssuer}).
 */
class WalkingSkeletonIT {

    /**
     * One fix a second, 0.000027 degrees of latitude apart: about 3 m/s, a run (the processor rejects fixes implying
     * an implausible speed). Without noise the processor's smoothing and jitter clamp give the exact straight-line
     * distance once its live view adds the part the moving average has not caught up with.
     */
    private static final double STEP_DEGREES = 0.000027;

    /** Metres in one step on the mean-radius sphere the processor uses. */
    private static final double STEP_METERS = STEP_DEGREES * 6_371_008.8 * Math.PI / 180;

    private static final List<AppProcess> APPS = new ArrayList<>();
    private static AppProcess gateway;
    private static AppProcess liveTracking;

    @BeforeAll
    static void startApps() throws IOException {
        Path root = Checkout.root();
        Path workDir = root.resolve("system-tests/target/apps-" + UUID.randomUUID());
        // Unique application ids: this run's processors keep their own state and offsets on the shared broker.
        String run = UUID.randomUUID().toString().substring(0, 8);
        gateway = AppProcess.start(root, "ingest/telemetry-gateway", List.of(), workDir);
        APPS.add(gateway);
        APPS.add(AppProcess.start(root, "stream-processors/live-workout",
                List.of("-Dquarkus.kafka-streams.application-id=live-workout-it-" + run), workDir));
        liveTracking = AppProcess.start(root, "query-services/live-tracking",
                List.of("-Dquarkus.kafka-streams.application-id=live-tracking-it-" + run,
                        "-Dmp.jwt.verify.publickey.location=" + TestIssuer.publicKeyFile().toUri()), workDir);
        APPS.add(liveTracking);
    }

    @AfterAll
    static void stopApps() throws InterruptedException {
        for (AppProcess app : APPS.reversed()) {
            app.close();
        }
    }

    private static String sample(String device, UUID workout, UUID user, long sequence, Instant at, double lat,
            double lon, int heartRate) {
        return String.format(Locale.ROOT, "{\"device_id\":\"%s\",\"workout_id\":\"%s\",\"user_id\":\"%s\","
                        + "\"sequence_number\":%d,\"recorded_at\":\"%s\",\"latitude\":%.7f,\"longitude\":%.7f,"
                        + "\"heart_rate_bpm\":%d}",
                device, workout, user, sequence, at, lat, lon, heartRate);
    }

    private static String batch(List<String> samples) {
        return samples.stream().collect(Collectors.joining(",", "{\"samples\":[", "]}"));
    }

    private static io.restassured.specification.RequestSpecification asDevice(DeviceCredentials.Device device) {
        return given().contentType(ContentType.JSON).header("Authorization", device.authorization());
    }

    private static DeviceCredentials.Device admittedDevice(UUID user) throws Exception {
        DeviceCredentials.Device device = DeviceCredentials.register(user);
        device.awaitAdmittedBy(gateway.baseUrl());
        return device;
    }

    private static JsonPath awaitLiveState(UUID workout, UUID user, long sampleCount) {
        return await("live state of " + workout + " with " + sampleCount + " samples")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var response = given().auth().oauth2(TestIssuer.token(user, "athlete"))
                            .get(liveTracking.baseUrl() + "/api/v1/live-workouts/" + workout);
                    return response.statusCode() == 200 ? response.jsonPath() : null;
                }, state -> state != null && state.getLong("sample_count") == sampleCount);
    }

    @Test
    void shouldShowLiveStateWhenSamplesArePostedToTheGateway() throws Exception {
        // given: a registered watch, 10 samples running north along a meridian, one step apart, and one impossible
        // heart rate
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        DeviceCredentials.Device watch = admittedDevice(user);
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(sample(watch.deviceId(), workout, user, i + 1, start.plusSeconds(i), 55.75 + i * STEP_DEGREES,
                    37.6, 140));
        }
        List<String> withBadSample = new ArrayList<>(samples);
        withBadSample.add(sample(watch.deviceId(), workout, user, 11, start.plusSeconds(10),
                55.75 + 10 * STEP_DEGREES, 37.6, 300));

        // when
        asDevice(watch).body(batch(withBadSample))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then()
                .statusCode(400)
                .header("X-Correlation-Id", notNullValue())
                .body("error", equalTo("validation_failed"))
                .body("code", equalTo(400))
                .body("details.accepted", equalTo(10))
                .body("details.rejected", hasSize(1))
                .body("details.rejected[0].index", equalTo(10))
                .body("details.rejected[0].violations[0].field", equalTo("heart_rate_bpm"));

        // then: the ten valid samples were not lost
        JsonPath state = awaitLiveState(workout, user, 10);
        assertThat(Instant.parse(state.getString("last_recorded_at"))).isEqualTo(start.plusSeconds(9));
        assertThat(state.getDouble("distance_meters")).isCloseTo(9 * STEP_METERS, org.assertj.core.data.Offset.offset(0.5));
        // JsonPath reads JSON numbers as float (about 4e-6 degrees here); half a metre still tells the steps apart
        assertThat(state.getDouble("last_position.latitude")).isCloseTo(55.75 + 9 * STEP_DEGREES,
                org.assertj.core.data.Offset.offset(5e-6));
        assertThat(state.getInt("heart_rate_bpm")).isEqualTo(140);
    }

    @Test
    void shouldCountEachSampleOnceWhenADeviceResendsABatch() throws Exception {
        // given: a workout with twelve samples
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        DeviceCredentials.Device watch = admittedDevice(user);
        Instant start = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            first.add(sample(watch.deviceId(), workout, user, i + 1, start.plusSeconds(i), 55.70 + i * STEP_DEGREES,
                    37.5, 120 + i));
        }
        asDevice(watch).body(batch(first))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(202).body("accepted", equalTo(12))
                .body("highest_sequence_numbers.'" + watch.deviceId() + "'", equalTo(12));

        // when: the device resends the batch after a lost acknowledgement, then sends its next sample
        asDevice(watch).body(batch(first))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches").then().statusCode(202);
        asDevice(watch)
                .body(batch(List.of(sample(watch.deviceId(), workout, user, 13, start.plusSeconds(12),
                        55.70 + 12 * STEP_DEGREES, 37.5, 132))))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches").then().statusCode(202);

        // then
        JsonPath state = awaitLiveState(workout, user, 13);
        assertThat(state.getDouble("distance_meters")).isCloseTo(12 * STEP_METERS,
                org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void shouldAnswerInTheErrorFormatWhenInputIsBad() throws Exception {
        // given
        UUID user = UUID.randomUUID();
        DeviceCredentials.Device watch = admittedDevice(user);

        // when / then: malformed JSON
        asDevice(watch).body("{\"samples\": [")
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(400).body("error", equalTo("malformed_json")).body("code", equalTo(400));

        // when / then: a batch over the size limit is refused whole
        UUID workout = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(5);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(sample(watch.deviceId(), workout, user, i + 1, at, 55.7, 37.6, 130));
        }
        asDevice(watch).body(batch(tooMany))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(413).body("error", equalTo("payload_too_large"))
                .body("details.max_samples", equalTo(500));

        // when / then: no credential, then another user's sample
        String one = batch(List.of(sample(watch.deviceId(), workout, user, 1, at, 55.7, 37.6, 130)));
        given().contentType(ContentType.JSON).body(one)
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(401).body("error", equalTo("unauthenticated")).body("code", equalTo(401));
        asDevice(watch).body(batch(List.of(sample(watch.deviceId(), workout, UUID.randomUUID(), 1, at, 55.7, 37.6,
                        130))))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(403).body("error", equalTo("forbidden")).body("details.rejected[0].index",
                        equalTo(0));

        // when / then: an unknown workout
        given().auth().oauth2(TestIssuer.token(user, "athlete"))
                .get(liveTracking.baseUrl() + "/api/v1/live-workouts/" + UUID.randomUUID())
                .then().statusCode(404).body("error", equalTo("not_found")).body("code", equalTo(404));
    }

    @Test
    void shouldRefuseADevicesBatchesWhenItsCredentialIsRevoked() throws Exception {
        // given: a watch whose batches are accepted
        UUID user = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        DeviceCredentials.Device watch = admittedDevice(user);
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        asDevice(watch).body(batch(List.of(sample(watch.deviceId(), workout, user, 1, at, 55.7, 37.6, 130))))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches").then().statusCode(202);

        // when: the user revokes it
        watch.revoke();

        // then
        watch.awaitRefusedBy(gateway.baseUrl());
        asDevice(watch).body(batch(List.of(sample(watch.deviceId(), workout, user, 2, at.plusSeconds(1), 55.7, 37.6,
                        131))))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(401).body("error", equalTo("unauthenticated"));
    }

    @Test
    void shouldLeaveAWorkoutUnchangedWhenAnotherAthletesDeviceSendsIntoIt() throws Exception {
        // given: athlete D's live workout of 10 samples; athlete E's own watch, admitted
        UUID workout = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        DeviceCredentials.Device dWatch = admittedDevice(d);
        DeviceCredentials.Device eWatch = admittedDevice(e);
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            own.add(sample(dWatch.deviceId(), workout, d, i + 1, start.plusSeconds(i), 55.75 + i * STEP_DEGREES, 37.6,
                    120));
        }
        asDevice(dWatch).body(batch(own)).post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(202);
        JsonPath before = awaitLiveState(workout, d, 10);

        // when: E's watch sends E's samples (E's user and device ids) into D's workout until the gateway refuses it
        List<Integer> answers = new ArrayList<>();
        await("the gateway refuses E's samples for D's workout").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    int next = answers.size() * 5;
                    List<String> intrusion = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        intrusion.add(sample(eWatch.deviceId(), workout, e, next + i + 1,
                                start.plusSeconds(10 + next + i), 48.85, 2.35, 200));
                    }
                    var response = asDevice(eWatch).body(batch(intrusion))
                            .post(gateway.baseUrl() + "/api/v1/telemetry/batches");
                    answers.add(response.statusCode());
                    if (response.statusCode() == 403) {
                        assertThat(response.jsonPath().getString("error")).isEqualTo("forbidden");
                        assertThat(response.jsonPath().getList("details.rejected.violations.field").toString())
                                .contains("workout_id");
                    }
                    return response.statusCode() == 403;
                });

        // then: whatever the gateway let through (before it learned the owner) live-workout dead-lettered as
        // foreign_workout, sealed for E
        assertThat(answers).allMatch(status -> status == 202 || status == 403);
        long letThrough = answers.stream().filter(status -> status == 202).count() * 5;
        await("foreign samples dead-lettered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> DevstackKafka.recordsOf(Topics.TELEMETRY_SAMPLE_BATCHES_DLQ, workout.toString()),
                        letters -> letters.size() == letThrough && letters.stream().allMatch(letter ->
                                header(letter, DeadLetterHandler.REASON_HEADER).startsWith("foreign_workout")
                                        && header(letter, SealedSerde.SEALED_FOR_HEADER).equals(e.toString())));

        // and: D's workout is as it was, and D's next sample still counts
        asDevice(dWatch).body(batch(List.of(sample(dWatch.deviceId(), workout, d, 11, start.plusSeconds(10),
                        55.75 + 10 * STEP_DEGREES, 37.6, 120))))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches").then().statusCode(202);
        JsonPath after = awaitLiveState(workout, d, 11);
        assertThat(after.getInt("max_heart_rate_bpm")).isEqualTo(before.getInt("max_heart_rate_bpm")).isEqualTo(120);
        assertThat(after.getDouble("distance_meters")).isCloseTo(10 * STEP_METERS,
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(after.getDouble("last_position.latitude")).isCloseTo(55.75 + 10 * STEP_DEGREES,
                org.assertj.core.data.Offset.offset(5e-6));

        // and: E cannot read D's workout
        given().auth().oauth2(TestIssuer.token(e, "athlete"))
                .get(liveTracking.baseUrl() + "/api/v1/live-workouts/" + workout)
                .then().statusCode(404);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
