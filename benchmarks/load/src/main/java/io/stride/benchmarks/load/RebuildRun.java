package io.stride.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The history's documented rebuild (query-services/workout-history/README.md, "Rebuild"): an admin asks for a new
 * generation of the read models, which replays every event of {@code workouts.workout-events} from offset 0 into fresh
 * MongoDB and ClickHouse databases while the served generation keeps serving. Timed by the driver from the request to
 * the first report that says {@code DONE} (polled every {@value #POLL_MILLIS} ms).
 *
 * @param records events read from the topic (the report's {@code records})
 * @param applied events applied to the new read models
 * @param seconds request → {@code DONE}
 */
record RebuildRun(String generation, long records, long applied, double seconds) {

    static final int POLL_MILLIS = 100;
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");

    double eventsPerSecond() {
        return records / seconds;
    }

    /** The admin's access token, signed in again on each call (tokens last 5 minutes; a rebuild may take longer). */
    interface AdminToken {
        String get() throws IOException, InterruptedException;
    }

    /** How long one token is used before the admin signs in again: within the tokens' 5 minutes. */
    static final Duration TOKEN_USE = Duration.ofMinutes(3);

    static RebuildRun run(String historyUrl, AdminToken admin, String generation, Duration patience)
            throws IOException, InterruptedException {
        String adminToken = admin.get();
        long signedIn = System.nanoTime();
        URI base = URI.create((historyUrl.endsWith("/") ? historyUrl : historyUrl + "/")
                + "api/v1/admin/read-model-rebuilds");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(base)
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"generation\":\"" + generation + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the rebuild was refused: " + started.statusCode() + " " + started.body());
        }
        long deadline = start + patience.toNanos();
        while (System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            if (System.nanoTime() - signedIn > TOKEN_USE.toNanos()) {
                adminToken = admin.get();
                signedIn = System.nanoTime();
            }
            HttpResponse<String> report = http.send(HttpRequest.newBuilder(base.resolve(
                            "read-model-rebuilds/" + generation))
                    .header("Authorization", "Bearer " + adminToken)
                    .GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            String state = field(report.body(), STATE);
            if ("DONE".equals(state)) {
                return new RebuildRun(generation, count(report.body(), "records"), count(report.body(), "applied"),
                        (System.nanoTime() - start) / 1e9);
            }
            if (report.statusCode() != 200 || "FAILED".equals(state)) {
                throw new IllegalStateException("the rebuild failed: " + report.statusCode() + " " + report.body());
            }
        }
        throw new IllegalStateException("the rebuild was not done within " + patience);
    }

    static long count(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return value.find() ? Long.parseLong(value.group(1)) : -1;
    }

    private static String field(String json, Pattern pattern) {
        Matcher value = pattern.matcher(json);
        return value.find() ? value.group(1) : null;
    }
}
