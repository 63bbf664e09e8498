package io.stride.ingest.telemetrygateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.stride.platform.http.ApiException;

/**
 * The gateway's side of an import's workout: what it sends the workouts service and how it passes on each answer.
 * The workouts service itself answers in {@code WorkoutLifecycleIT}; here a local server answers as it would.
 */
class WorkoutImportsTest {

    private static final Instant START = Instant.parse("2015-05-17T06:30:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A server answering every import with {@code status} and {@code body}, recording what it was sent. */
    private WorkoutImports answering(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/workouts/imports", exchange -> {
            requests.add(Map.of("authorization", exchange.getRequestHeaders().getFirst("Authorization"),
                    "key", exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return new WorkoutImports(Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                json);
    }

    private static WorkoutImports.Recorded recorded(UUID workout) {
        return new WorkoutImports.Recorded(workout, "running", START, START.plusSeconds(599), "Sunday long run", null);
    }

    @Test
    void shouldSendTheRecordingInTheAthletesNameOnceAndGiveBackTheWorkoutsStatus() throws Exception {
        // given
        WorkoutImports imports = answering(202, "{\"status\":\"COMPLETING\",\"version\":2}");
        UUID workout = UUID.randomUUID();

        // when: imported, then the same import again
        Optional<String> first = imports.complete("Bearer athletes-token", recorded(workout)).await()
                .atMost(Duration.ofSeconds(10));
        imports.complete("Bearer athletes-token", recorded(workout)).await().atMost(Duration.ofSeconds(10));

        // then: the athlete's token, the recording's span, and one idempotency key for the same import
        assertThat(first).contains("COMPLETING");
        assertThat(requests).hasSize(2);
        assertThat(requests.getFirst().get("authorization")).isEqualTo("Bearer athletes-token");
        Map<String, Object> body = json.readValue(requests.getFirst().get("body"), new TypeReference<>() { });
        assertThat(body).containsEntry("workout_id", workout.toString()).containsEntry("sport", "running")
                .containsEntry("start_time", "2015-05-17T06:30:00Z").containsEntry("end_time", "2015-05-17T06:39:59Z")
                .containsEntry("title", "Sunday long run");
        assertThat(requests.get(1).get("key")).isEqualTo(requests.getFirst().get("key")).contains(workout.toString());
    }

    @Test
    void shouldPassOnTheWorkoutsServicesRefusalWithTheWorkoutsId() throws Exception {
        // given
        WorkoutImports imports = answering(409, "{\"error\":\"workout_exists\",\"message\":\"A workout with this id"
                + " exists\",\"code\":409,\"details\":{\"status\":\"COMPLETED\"}}");
        UUID workout = UUID.randomUUID();

        // when
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> imports.complete("Bearer t", recorded(workout)).await().atMost(Duration.ofSeconds(10)));

        // then
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("workout_exists");
        assertThat(refused.details()).containsEntry("workout_id", workout.toString()).containsKey("status");
    }

    @Test
    void shouldAnswerUnavailableWithRetryAfterWhenTheWorkoutsServiceIsDownOrFailing() throws Exception {
        // given: nothing listens on the port; then a server failing with 500
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        WorkoutImports down = new WorkoutImports(Optional.of(URI.create("http://127.0.0.1:" + closed)), json);
        WorkoutImports failing = answering(500, "oops");
        UUID workout = UUID.randomUUID();

        for (WorkoutImports imports : List.of(down, failing)) {
            // when
            ApiException unavailable = catchThrowableOfType(ApiException.class,
                    () -> imports.complete("Bearer t", recorded(workout)).await().atMost(Duration.ofSeconds(20)));

            // then: the athlete can import again with the same workout id
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.error()).isEqualTo("workouts_unavailable");
            assertThat(unavailable.details()).containsEntry("workout_id", workout.toString());
            assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldSkipTheWorkoutWhenNoWorkoutsServiceIsConfigured() {
        assertThat(new WorkoutImports(Optional.empty(), json).complete("Bearer t", recorded(UUID.randomUUID()))
                .await().atMost(Duration.ofSeconds(1))).isEmpty();
    }
}
