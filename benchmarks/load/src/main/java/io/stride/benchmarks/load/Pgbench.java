package io.stride.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ceiling of the command API: PostgreSQL's own {@code pgbench} on the platform's database, each transaction one
 * insert of one event row into {@code bench_ceiling.workout_events}, a copy of the event store's table
 * ({@code LIKE workouts.workout_events INCLUDING ALL}: the same columns, checks, primary key, unique event id and index),
 * at the same concurrency as the command API run it stands beside. A command does more than that (its idempotency
 * key, loading the stream, the outbox row): the ratio says how much of what the database alone sustains the service
 * delivers. Latencies come from pgbench's per-transaction log ({@code -l}).
 *
 * @param concurrency pgbench clients ({@code -c})
 * @param perSecond   transactions per second (pgbench's {@code tps}, without connection time)
 * @param latency     per-transaction latency
 */
record Pgbench(int concurrency, double perSecond, LatencySummary latency) {

    /** The event store's row as a command appends it (a {@code WorkoutStarted} of its JSON size). */
    static final String SCRIPT = """
            BEGIN;
            INSERT INTO bench_ceiling.workout_events (workout_id, version, event_id, event_type, payload_version, \
            user_id, occurred_at, recorded_at, payload) VALUES (gen_random_uuid(), 1, gen_random_uuid(), \
            'WorkoutStarted', 1, gen_random_uuid(), now(), now(), \
            '{"type":"WorkoutStarted","workoutId":"6f1c1a52-5d7e-4c55-9f0e-2b8f3c2f1a10",\
            "userId":"0b7e3f0e-3c1d-4d6e-8a55-7a1f0a9b2c3d","sport":"RUNNING","startTime":"2026-12-07T05:00:00Z",\
            "source":"ATHLETE","title":null,"deviceModel":null,"location":null,"occurredAt":"2026-12-07T05:00:00Z"}');
            END;
            """;

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** (Re)creates the ceiling's table, empty. */
    static void prepare(Postgres postgres) throws IOException, InterruptedException {
        postgres.psql("CREATE SCHEMA IF NOT EXISTS bench_ceiling; DROP TABLE IF EXISTS bench_ceiling.workout_events; "
                + "CREATE TABLE bench_ceiling.workout_events (LIKE workouts.workout_events INCLUDING ALL)");
    }

    static Pgbench run(Postgres postgres, int concurrency, int seconds, int threads)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pgbench-");
        try {
            Path script = Files.writeString(dir.resolve("insert-one-event.sql"), SCRIPT);
            String out = postgres.run(List.of("pgbench", "-n", "-f", script.toString(), "-c",
                    Integer.toString(concurrency), "-j", Integer.toString(Math.max(1, Math.min(threads, concurrency))),
                    "-T", Integer.toString(seconds), "-l", "--log-prefix=" + dir.resolve("tx")));
            List<Long> micros = new ArrayList<>();
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(file -> file.getFileName().toString().startsWith("tx")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        micros.add(transactionMicros(line));
                    }
                }
            }
            return new Pgbench(concurrency, tps(out), LatencySummary.ofMicros(micros));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** pgbench's {@code tps = … (without initial connection time)}. */
    static double tps(String output) {
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output: " + output.strip());
        }
        return Double.parseDouble(tps.group(1));
    }

    /** A line of pgbench's transaction log: client, transaction, latency in µs, script, epoch s, µs. */
    static long transactionMicros(String line) {
        return Long.parseLong(line.trim().split("\\s+")[2]);
    }
}
