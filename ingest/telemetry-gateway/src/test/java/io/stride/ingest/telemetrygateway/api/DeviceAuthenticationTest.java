package io.stride.ingest.telemetrygateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.ingest.telemetrygateway.messaging.WorkoutOwnerStore;
import io.stride.schemas.Topics;
import io.stride.testing.DevstackKafka;
import io.stride.testing.DevstackResource;

/**
 * Device credentials against the real devstack: records published on {@code users.device-credentials} admit,
 * revoke and remove devices; samples of another device or user are refused whole.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class DeviceAuthenticationTest {

    private static final String BATCHES = "/api/v1/telemetry/batches";

    @Inject
    WorkoutOwnerStore owners;

    @TestHTTPResource("/api/v1/telemetry/stream")
    URI stream;

    private static String sample(String deviceId, UUID workout, UUID user, long sequence) {
        Instant at = Instant.now().minusSeconds(60).plusSeconds(sequence).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"device_id": "%s", "workout_id": "%s", "user_id": "%s", "sequence_number": %d,
                 "recorded_at": "%s", "heart_rate_bpm": 135}""".formatted(deviceId, workout, user, sequence, at);
    }

    private static String batch(String... samples) {
        return "{\"samples\": [" + String.join(",", samples) + "]}";
    }

    private static int post(String authorization, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.post(BATCHES).statusCode();
    }

    @Test
    void shouldRefuseWithUnauthenticatedWhenTheCredentialIsMissingMalformedOrUnknown() throws Exception {
        // given
        TestDevices.Device device = TestDevices.admitted();
        String body = batch(sample(device.deviceId(), UUID.randomUUID(), device.userId(), 1));

        // when / then: each refusal in the error format, with the scheme to use
        for (String authorization : new String[] {null, "", "Bearer " + device.deviceId() + "." + device.secret(),
                "Device ", "Device " + device.deviceId(), "Device ." + device.secret(),
                "Device " + UUID.randomUUID() + "." + device.secret()}) {
            var request = given().contentType(ContentType.JSON).body(body);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.post(BATCHES)
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Device")
                    .body("error", equalTo("unauthenticated"))
                    .body("code", equalTo(401))
                    .body("message", containsStringIgnoringCase("device"));
        }
        // the credential is checked before the body is read
        assertThat(post(null, "{\"samples\": [")).isEqualTo(401);
    }

    @Test
    void shouldRefuseWithUnauthenticatedWhenTheSecretIsWrong() throws Exception {
        // given
        TestDevices.Device device = TestDevices.admitted();
        String wrongSecret = "Device " + device.deviceId() + "." + device.secret().substring(1) + "A";

        // when / then
        given().contentType(ContentType.JSON).header("Authorization", wrongSecret)
                .body(batch(sample(device.deviceId(), UUID.randomUUID(), device.userId(), 1)))
                .post(BATCHES)
                .then().statusCode(401).body("error", equalTo("unauthenticated"));
    }

    @Test
    void shouldRefuseWithUnauthenticatedOnceTheCredentialIsRevoked() throws Exception {
        // given: a device whose batches are accepted
        TestDevices.Device device = TestDevices.admitted();
        UUID workout = UUID.randomUUID();
        assertThat(post(device.authorization(), batch(sample(device.deviceId(), workout, device.userId(), 1))))
                .isEqualTo(202);

        // when
        device.revoke();

        // then
        device.awaitRefused();
        given().contentType(ContentType.JSON).header("Authorization", device.authorization())
                .body(batch(sample(device.deviceId(), workout, device.userId(), 2)))
                .post(BATCHES)
                .then().statusCode(401).body("error", equalTo("unauthenticated"));
    }

    @Test
    void shouldRefuseWithUnauthenticatedOnceTheDeviceIsRemoved() throws Exception {
        // given
        TestDevices.Device device = TestDevices.admitted();

        // when: a tombstone
        device.remove();

        // then
        device.awaitRefused();
        assertThat(post(device.authorization(), batch(sample(device.deviceId(), UUID.randomUUID(),
                device.userId(), 1)))).isEqualTo(401);
    }

    @Test
    void shouldRefuseTheWholeBatchWithForbiddenWhenSamplesAreAnotherDevicesOrAnotherUsers() throws Exception {
        // given: one sample of the device, one for another user, one of another device
        TestDevices.Device device = TestDevices.admitted();
        UUID workout = UUID.randomUUID();
        String body = batch(sample(device.deviceId(), workout, device.userId(), 1),
                sample(device.deviceId(), workout, UUID.randomUUID(), 2),
                sample(UUID.randomUUID().toString(), workout, device.userId(), 3));

        // when / then
        given().contentType(ContentType.JSON).header("Authorization", device.authorization()).body(body)
                .post(BATCHES)
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("code", equalTo(403))
                .body("details.rejected.index", equalTo(List.of(1, 2)))
                .body("details.rejected[0].violations[0].field", equalTo("user_id"))
                .body("details.rejected[1].violations[0].field", equalTo("device_id"));

        // then: nothing of the refused batch was published — the workout's first record is the next, valid batch
        assertThat(post(device.authorization(), batch(sample(device.deviceId(), workout, device.userId(), 9))))
                .isEqualTo(202);
        var samples = TelemetryBatchResourceTest.samplesOf(workout, 1);
        assertThat(samples).hasSize(1);
        assertThat(samples.getFirst().get("sequenceNumber")).isEqualTo(9L);
    }

    @Test
    void shouldRefuseTheWholeBatchWithForbiddenWhenAWorkoutIsKnownToBelongToAnotherAthlete() throws Exception {
        // given: athlete D's workout, claimed by live-workout; athlete E's own admitted watch
        UUID othersWorkout = UUID.randomUUID();
        TestDevices.claimWorkout(othersWorkout, UUID.randomUUID());
        await("the gateway knows the workout's owner").atMost(Duration.ofSeconds(30))
                .until(() -> owners.ownerOf(othersWorkout).isPresent());
        TestDevices.Device watch = TestDevices.admitted();
        UUID ownWorkout = UUID.randomUUID();
        String body = batch(sample(watch.deviceId(), ownWorkout, watch.userId(), 1),
                sample(watch.deviceId(), othersWorkout, watch.userId(), 2),
                sample(watch.deviceId(), othersWorkout, watch.userId(), 3));

        // when / then: the whole batch refused, the foreign samples named
        given().contentType(ContentType.JSON).header("Authorization", watch.authorization()).body(body)
                .post(BATCHES)
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("code", equalTo(403))
                .body("details.rejected.index", equalTo(List.of(1, 2)))
                .body("details.rejected[0].violations[0].field", equalTo("workout_id"))
                .body("details.rejected[0].violations[0].message", containsString("another athlete"));

        // then: nothing of it was published — the own workout's first record is the next, valid batch
        assertThat(post(watch.authorization(), batch(sample(watch.deviceId(), ownWorkout, watch.userId(), 9))))
                .isEqualTo(202);
        var samples = TelemetryBatchResourceTest.samplesOf(ownWorkout, 1);
        assertThat(samples).hasSize(1);
        assertThat(samples.getFirst().get("sequenceNumber")).isEqualTo(9L);
    }

    @Test
    void shouldAdmitADeviceRightAfterItsRegistrationWhenItsCredentialWasJustPublished() throws Exception {
        // given: a credential published a moment ago, not awaited
        TestDevices.Device device = TestDevices.register(UUID.randomUUID());

        // when / then: the first post is admitted
        assertThat(post(device.authorization(), batch(sample(device.deviceId(), UUID.randomUUID(),
                device.userId(), 1)))).isEqualTo(202);
    }

    @Test
    void shouldNotCallAnUnknownDeviceRevokedOrWrongWhenItIsRefused() {
        // when / then
        given().contentType(ContentType.JSON).header("Authorization", "Device " + UUID.randomUUID() + ".secret")
                .body(batch())
                .post(BATCHES)
                .then()
                .statusCode(401)
                .body("message", containsString("not recognised"))
                .body("message", not(containsStringIgnoringCase("revoked")))
                .body("message", not(containsStringIgnoringCase("wrong")));
    }

    @Test
    void shouldRefuseTheWebSocketUpgradeWithUnauthenticatedWhenTheCredentialIsMissingOrRevoked() throws Exception {
        // given
        TestDevices.Device device = TestDevices.admitted();
        device.revoke();
        device.awaitRefused();
        URI ws = URI.create(stream.toString().replaceFirst("^http", "ws"));

        // when / then
        assertThat(upgradeStatus(ws, null)).isEqualTo(401);
        assertThat(upgradeStatus(ws, device.authorization())).isEqualTo(401);
        assertThat(upgradeStatus(ws, "Device " + UUID.randomUUID() + ".x")).isEqualTo(401);
    }

    @Test
    void shouldAnswerForbiddenOnTheStreamWhenABatchIsAnotherUsers() throws Exception {
        // given
        TestDevices.Device device = TestDevices.admitted();
        var answers = new java.util.concurrent.LinkedBlockingQueue<String>();
        URI ws = URI.create(stream.toString().replaceFirst("^http", "ws"));
        var socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", device.authorization())
                .buildAsync(ws, new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket webSocket,
                            CharSequence data, boolean last) {
                        answers.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                })
                .join();
        try {
            // when
            socket.sendText(batch(sample(device.deviceId(), UUID.randomUUID(), UUID.randomUUID(), 1)), true).join();

            // then
            String answer = answers.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer).contains("\"type\":\"error\"").contains("\"error\":\"forbidden\"")
                    .contains("\"code\":403");
        } finally {
            socket.abort();
        }
    }

    @Test
    void shouldDeadLetterAnUnreadableCredentialRecordAndRefuseItsDevice() throws Exception {
        // given: a device whose next record is not Avro
        TestDevices.Device device = TestDevices.admitted();

        // when
        TestDevices.publishBytes(device.deviceId(), "not avro".getBytes(StandardCharsets.UTF_8));

        // then: refused (fail closed) and the record is on the dead-letter topic with a reason
        device.awaitRefused();
        var dead = DevstackKafka.awaitRecordsOf(Topics.DEVICE_CREDENTIALS_DLQ, device.deviceId(), 1, r -> true)
                .getFirst();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(new String(dead.headers().lastHeader("stride.dlq.reason").value(), StandardCharsets.UTF_8))
                .contains("unreadable " + Topics.DEVICE_CREDENTIALS + " record");
    }

    @Test
    void shouldReportReadinessAndTheCredentialMetricsWhenCaughtUp() throws Exception {
        // given
        TestDevices.admitted();

        // when / then
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'device-credentials' }.status", equalTo("UP"));
        given().get("/metrics").then().statusCode(200)
                .body(containsString("gateway_device_credentials_known"))
                .body(containsString("gateway_device_credentials_lag"));
    }

    private static int upgradeStatus(URI ws, String authorization) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            builder.buildAsync(ws, new java.net.http.WebSocket.Listener() { }).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
    }
}
