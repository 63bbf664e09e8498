package io.stride.benchmarks.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A wearable driving its workouts through the workouts service (command-services/workouts) with its device credential,
 * as a watch with start, lap and stop buttons does: start, pause, resume, complete, cancel. Every command carries an
 * {@code Idempotency-Key}, kept across the retries of that command, so a retry after a lost answer changes nothing.
 * A command that cannot be delivered is reported and given up: the workout still lives (the first sample of an unknown
 * workout starts it, and the platform completes a workout that went quiet).
 */
final class WorkoutCommands implements Wearable.Buttons {

    private static final int ATTEMPTS = 3;

    private final HttpClient http;
    private final String baseUrl;

    /** @param baseUrl the workouts service, e.g. {@code http://127.0.0.1:8085} */
    WorkoutCommands(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean start(String authorization, UUID workoutId, Instant startTime) {
        return send(authorization, "/api/v1/workouts", startBody(workoutId, startTime));
    }

    @Override
    public boolean pause(String authorization, UUID workoutId, Instant at) {
        return send(authorization, "/api/v1/workouts/" + workoutId + "/pause", atBody(at));
    }

    @Override
    public boolean resume(String authorization, UUID workoutId, Instant at) {
        return send(authorization, "/api/v1/workouts/" + workoutId + "/resume", atBody(at));
    }

    @Override
    public boolean complete(String authorization, UUID workoutId, Instant endTime) {
        return send(authorization, "/api/v1/workouts/" + workoutId + "/complete",
                "{\"end_time\":\"" + endTime + "\"}");
    }

    @Override
    public boolean cancel(String authorization, UUID workoutId) {
        return send(authorization, "/api/v1/workouts/" + workoutId + "/cancel",
                "{\"reason\":\"started by mistake (simulated)\"}");
    }

    static String startBody(UUID workoutId, Instant startTime) {
        return "{\"workout_id\":\"" + workoutId + "\",\"sport\":\"running\",\"start_time\":\"" + startTime
                + "\",\"device_model\":\"Stride simulated watch\",\"title\":\"Laps in the park\"}";
    }

    static String atBody(Instant at) {
        return "{\"at\":\"" + at + "\"}";
    }

    /** True when the service took the command (2xx); retried with the same key on 5xx and when unreachable. */
    private boolean send(String authorization, String path, String body) {
        String key = UUID.randomUUID().toString();
        String outcome = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .header("Idempotency-Key", key)
                    .header("X-Caller-Service", "wearable-simulator")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return true;
                }
                outcome = response.statusCode() + " " + response.body();
                if (response.statusCode() < 500) {
                    break;
                }
            } catch (IOException e) {
                outcome = "unreachable (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        System.out.printf("simulator: workouts service refused POST %s: %s%n", path, outcome);
        return false;
    }
}
