package io.stride.ingest.telemetrygateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stride.testing.DevstackResource;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class TelemetryStreamSocketTest {

    @TestHTTPResource("/api/v1/telemetry/stream")
    URI endpoint;

    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private TestDevices.Device device;

    @BeforeEach
    void connect() throws Exception {
        device = TestDevices.admitted();
        URI ws = URI.create(endpoint.toString().replaceFirst("^http", "ws"));
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("X-Correlation-Id", "ws-test")
                .header("Authorization", device.authorization())
                .buildAsync(ws, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            answers.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                })
                .join();
    }

    @AfterEach
    void close() {
        socket.abort();
    }

    private JsonPath send(String message) throws InterruptedException {
        socket.sendText(message, true).join();
        String answer = answers.poll(30, TimeUnit.SECONDS);
        assertThat(answer).as("answer to " + message).isNotNull();
        return JsonPath.from(answer);
    }

    private String sample(UUID workout, long sequence, int heartRate) {
        Instant at = Instant.now().minusSeconds(30).plusSeconds(sequence).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"device_id": "%s", "workout_id": "%s", "user_id": "%s", "sequence_number": %d,
                 "recorded_at": "%s", "latitude": 55.75, "longitude": 37.61, "heart_rate_bpm": %d}"""
                .formatted(device.deviceId(), workout, device.userId(), sequence, at, heartRate);
    }

    @Test
    void shouldAcknowledgeTheHighestSequenceNumberWhenABatchIsPublished() throws InterruptedException {
        // given
        UUID workout = UUID.randomUUID();

        // when
        JsonPath ack = send("{\"samples\": [" + sample(workout, 1, 140) + "," + sample(workout, 2, 141) + "]}");

        // then
        assertThat(ack.getString("type")).isEqualTo("ack");
        assertThat(ack.getInt("accepted")).isEqualTo(2);
        assertThat(ack.getLong("highest_sequence_numbers.'" + device.deviceId() + "'")).isEqualTo(2);
        assertThat(ack.getList("rejected")).isEmpty();
    }

    @Test
    void shouldAcknowledgeTheValidSamplesAndNameTheRefusedOnesWhenABatchIsMixed() throws InterruptedException {
        // given
        UUID workout = UUID.randomUUID();

        // when
        JsonPath ack = send("{\"samples\": [" + sample(workout, 1, 140) + "," + sample(workout, 2, 300) + "]}");

        // then
        assertThat(ack.getString("type")).isEqualTo("ack");
        assertThat(ack.getInt("accepted")).isEqualTo(1);
        assertThat(ack.getLong("highest_sequence_numbers.'" + device.deviceId() + "'")).isEqualTo(1);
        assertThat(ack.getInt("rejected[0].index")).isEqualTo(1);
        assertThat(ack.getString("rejected[0].violations[0].field")).isEqualTo("heart_rate_bpm");
    }

    @Test
    void shouldAnswerInTheErrorFormatAndStayOpenWhenAMessageIsBad() throws InterruptedException {
        // when
        JsonPath malformed = send("{\"samples\": [");
        JsonPath empty = send("{\"samples\": []}");
        JsonPath next = send("{\"samples\": [" + sample(UUID.randomUUID(), 1, 130) + "]}");

        // then
        assertThat(malformed.getString("type")).isEqualTo("error");
        assertThat(malformed.getString("error")).isEqualTo("malformed_json");
        assertThat(malformed.getInt("code")).isEqualTo(400);
        assertThat(empty.getString("error")).isEqualTo("validation_failed");
        assertThat(next.getString("type")).isEqualTo("ack");
        assertThat(next.getInt("accepted")).isEqualTo(1);
    }
}
