package io.stride.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The workouts service's command API as the athlete's app calls it (command-services/workouts/README.md): every
 * command with the athlete's access token, a new {@code Idempotency-Key}, and {@code If-Match} with the version the
 * previous answer's {@code ETag} gave. A workout's life in the benchmark: start, pause, resume, tag, complete (then
 * live-workout's final figures complete it, off the clock).
 */
final class WorkoutsApi {

    /** The commands of one workout's life, in order, with the status each answers when applied. */
    enum Step {
        START(201), PAUSE(200), RESUME(200), TAG(200), COMPLETE(202);

        final int status;

        Step(int status) {
            this.status = status;
        }

        /** The step after this one; none after the completion. */
        Step next() {
            return this == COMPLETE ? null : values()[ordinal() + 1];
        }
    }

    /** One workout going through its life: its id, its athlete's token, the next step and the version it expects. */
    static final class Lifecycle {
        final UUID workoutId = UUID.randomUUID();
        final Athletes.Athlete athlete;
        Step step = Step.START;
        long version;

        Lifecycle(Athletes.Athlete athlete) {
            this.athlete = athlete;
        }

        /** Moves on after an applied answer carrying the new version; false when the life is over. */
        boolean advance(long newVersion) {
            version = newVersion;
            step = step.next();
            return step != null;
        }
    }

    private final URI base;
    private final HttpClient http;

    WorkoutsApi(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = Clients.loadClient();
    }

    HttpClient http() {
        return http;
    }

    /** The request of a lifecycle's next step. */
    HttpRequest request(Lifecycle workout) {
        String path = "api/v1/workouts";
        String body;
        switch (workout.step) {
            case START -> body = "{\"workout_id\":\"" + workout.workoutId + "\",\"sport\":\"RUNNING\"}";
            case PAUSE, RESUME -> {
                path += "/" + workout.workoutId + "/" + workout.step.name().toLowerCase(java.util.Locale.ROOT);
                body = "{}";
            }
            case TAG -> {
                path += "/" + workout.workoutId + "/tags";
                body = "{\"tag\":\"bench\"}";
            }
            case COMPLETE -> {
                path += "/" + workout.workoutId + "/complete";
                body = "{}";
            }
            default -> throw new IllegalStateException("no step");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + workout.athlete.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (workout.step != Step.START) {
            request.header("If-Match", "\"" + workout.version + "\"");
        }
        return request.build();
    }

    HttpResponse<String> send(Lifecycle workout) throws java.io.IOException, InterruptedException {
        return http.send(request(workout), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(Lifecycle workout) {
        return http.sendAsync(request(workout), HttpResponse.BodyHandlers.ofString());
    }

    /** The version an answer's {@code ETag} gives ({@code "3"} or {@code W/"3"}), -1 without one. */
    static long version(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").map(WorkoutsApi::version).orElse(-1L);
    }

    static long version(String etag) {
        String digits = etag.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
