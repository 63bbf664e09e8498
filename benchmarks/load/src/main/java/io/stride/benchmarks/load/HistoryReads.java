package io.stride.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workout history's queries as an athlete's app calls them: {@code GetWorkoutStats} in a closed loop, each request
 * a variant (athlete, weeks, sport) asked once, so that it misses the cache and reads ClickHouse; {@code
 * GetWorkoutSummary} open loop at a rate ({@link OpenLoop}) over workouts whose summaries the projection wrote through
 * to Redis, latency from each request's due time.
 */
final class HistoryReads {

    /**
     * A run of reads.
     *
     * @param offered   requests/s offered (open loop), 0 in a closed loop
     * @param answered  answered 200 (and, for the statistics without a sport, counting at least the athlete's stored
     *                  workouts)
     * @param refused   other answers and failures, by status (0: no answer)
     * @param latency   of every request
     */
    record Run(double offered, double perSecond, long answered, long refused, Map<Integer, Long> statuses,
            LatencySummary latency) {
    }

    static final String[] SPORTS = {null, "RUNNING", "CYCLING", "WALKING", "HIKING", "SWIMMING"};
    static final int MAX_WEEKS = 104;
    private static final Pattern TOTAL_WORKOUTS = Pattern.compile("\"totals\"\\s*:\\s*\\{\\s*\"workouts\"\\s*:\\s*(\\d+)");

    private final URI base;
    private final HttpClient http;

    HistoryReads(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = Clients.loadClient();
    }

    /** The i-th statistics variant: athlete i mod n, then weeks 1…104, then the sport (all first). */
    static String statsPath(long i, int athletes) {
        long rest = i / athletes;
        long weeks = 1 + rest % MAX_WEEKS;
        String sport = SPORTS[(int) (rest / MAX_WEEKS % SPORTS.length)];
        return "api/v1/workouts/stats?weeks=" + weeks + (sport == null ? "" : "&sport=" + sport);
    }

    /** Distinct variants before they repeat (and may come from the cache). */
    static long statsVariants(int athletes) {
        return (long) athletes * MAX_WEEKS * SPORTS.length;
    }

    Run stats(List<Athletes.Athlete> athletes, long requests, int clients, long storedPerAthlete)
            throws InterruptedException {
        LatencySummary.Recorder latencies = new LatencySummary.Recorder();
        Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();
        AtomicLong next = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        long start = System.nanoTime();
        List<Runnable> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(() -> {
                for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    Athletes.Athlete athlete = athletes.get((int) (i % athletes.size()));
                    String path = statsPath(i, athletes.size());
                    long sent = System.nanoTime();
                    int status;
                    String body = "";
                    try {
                        HttpResponse<String> answer = http.send(get(path, athlete.token()),
                                HttpResponse.BodyHandlers.ofString());
                        status = answer.statusCode();
                        body = answer.body();
                    } catch (java.io.IOException e) {
                        status = 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies.record(sent, System.nanoTime());
                    if (status == 200 && (path.contains("sport=") || totalWorkouts(body) >= storedPerAthlete)) {
                        answered.incrementAndGet();
                    } else {
                        statuses.merge(status == 200 ? -1 : status, 1L, Long::sum);
                    }
                }
            });
        }
        Clients.runAll(loops);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(0, answered.get() / seconds, answered.get(), sum(statuses), new TreeMap<>(statuses),
                latencies.summary());
    }

    Run summaries(List<CommandLoad.StartedWorkout> workouts, double rate, double seconds, double warmupSeconds) {
        OpenLoop.Gets gets = OpenLoop.gets(http, rate, seconds, warmupSeconds, index -> {
            CommandLoad.StartedWorkout workout = workouts.get((int) (index % workouts.size()));
            return get("api/v1/workouts/" + workout.workoutId(), workout.athlete().token());
        });
        return new Run(rate, gets.sentPerSecond(), gets.ok(), gets.failed(), gets.failures(), gets.latency());
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    /** {@code totals.workouts} of a statistics answer, -1 without it. */
    static long totalWorkouts(String statsJson) {
        Matcher total = TOTAL_WORKOUTS.matcher(statsJson);
        return total.find() ? Long.parseLong(total.group(1)) : -1;
    }

    private static long sum(Map<Integer, Long> statuses) {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }
}
