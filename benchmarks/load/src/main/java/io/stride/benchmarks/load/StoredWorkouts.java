package io.stride.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A million stored workouts for {@code GetWorkoutStats}, written straight into the history's analytics table
 * ({@code <generation>.workout_facts}, the table and columns the projection writes, {@code StatsStore}) with
 * ClickHouse's own {@code INSERT … SELECT … FROM numbers(n)} over its HTTP interface: going through the command API
 * would take hours at the command rates measured here. Each benchmark athlete gets {@code perAthlete} completed
 * workouts (one every 12 hours back from now: some years of a daily athlete's history, every week of the statistics
 * filled), the rest belong to {@value #OTHER_USERS} other athletes, so that an athlete's query reads its own rows
 * among a million. MongoDB and Redis are not filled: the statistics read ClickHouse only.
 *
 * @param rows    rows inserted
 * @param seconds how long the inserts took
 */
record StoredWorkouts(long rows, double seconds) {

    static final int OTHER_USERS = 10_000;
    static final String SPORTS = "['RUNNING','CYCLING','WALKING','HIKING','SWIMMING']";

    static StoredWorkouts load(String clickHouseUrl, String generation, List<Athletes.Athlete> athletes, long total,
            long perAthlete) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long rows = 0;
        for (Athletes.Athlete athlete : athletes) {
            long count = Math.min(perAthlete, total - rows);
            if (count <= 0) {
                break;
            }
            execute(http, clickHouseUrl, insert(generation, "toUUID('" + athlete.userId() + "')", "number", count));
            rows += count;
        }
        if (total > rows) {
            execute(http, clickHouseUrl, insert(generation, "toUUID(concat('00000000-0000-4000-8000-', "
                    + "leftPad(toString(number % " + OTHER_USERS + "), 12, '0')))",
                    "intDiv(number, " + OTHER_USERS + ")", total - rows));
            rows = total;
        }
        return new StoredWorkouts(rows, (System.nanoTime() - start) / 1e9);
    }

    /** The insert of {@code count} completed workouts of {@code userExpression}, the n-th {@code nth} × 12 h ago. */
    static String insert(String generation, String userExpression, String nth, long count) {
        return String.format(Locale.ROOT, """
                INSERT INTO %s.workout_facts (user_id, workout_id, sport, start_time, duration_seconds, \
                moving_time_millis, distance_meters, calories_kcal, elevation_gain_meters, max_speed_mps, version, \
                is_deleted) SELECT %s, generateUUIDv4(number), %s[number %% 5 + 1], \
                now64(3, 'UTC') - toIntervalSecond(%s * 43200 + 3600), 1800 + number %% 3600, \
                (1800 + number %% 3600) * 900, 3000 + number %% 20000, 200 + number %% 600, number %% 300, \
                4 + (number %% 40) / 10, 6, 0 FROM numbers(%d)""", generation, userExpression, SPORTS, nth, count);
    }

    private static void execute(HttpClient http, String clickHouseUrl, String sql)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(clickHouseUrl.endsWith("/")
                        ? clickHouseUrl : clickHouseUrl + "/"))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(sql))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("ClickHouse refused the insert: " + answer.statusCode() + " "
                    + answer.body().strip());
        }
    }
}
