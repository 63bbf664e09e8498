package io.stride.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workouts benchmark's options, {@code --name value} each, every one with a default (also in
 * {@code benchmarks/workouts/README.md}):
 * <pre>
 * --workouts-url     http://127.0.0.1:8085   the workouts service (./stride bench workouts passes its own platform's)
 * --history-url      http://127.0.0.1:8086   the workout-history service
 * --users-url        http://127.0.0.1:8084   the users service (registration, login)
 * --devstack         .devstack/devstack.properties   the devstack's addresses file
 * --context          (none)       facts of the run written by ./stride bench: commit, CPU limit, fresh data, pids
 * --athletes         16           athletes (demo accounts) sending commands and reading
 * --concurrency      1,4,16,64    clients of the command API and of pgbench, one level after the other
 * --runs             3            runs at each level, pgbench and the command API alternating; medians reported
 * --seconds          10           length of each command API and pgbench run
 * --warmup-seconds   30           one unmeasured window of command API load at the highest level (0: none)
 * --max-warmup-windows 6          windows run until the last two rates agree, at most this many (the JIT's minutes)
 * --steady-percent   10           how close (in % of the higher) two windows' rates must be to call the platform warm
 * --events-rate      5000         commands/s offered open loop in the projection-lag run (one event each)
 * --lag-seconds      30           length of the projection-lag run
 * --probe-every      50           every n-th applied command of that run is followed into the read models
 * --workouts         1000000      completed workouts stored in ClickHouse for GetWorkoutStats
 * --workouts-per-athlete 1000     of which each athlete's (one every 12 h back from now)
 * --stats-requests   2000         GetWorkoutStats requests, each a variant asked once (a cache miss)
 * --stats-clients    4            their concurrent clients (closed loop)
 * --summary-rate     5000         GetWorkoutSummary requests/s offered open loop
 * --summary-seconds  30           length of that run (its first 3 s are not measured)
 * --rebuild          true         rebuild the read models into a new generation at the end and time it
 * --generation       workout_history   the generation the history serves (its ClickHouse database)
 * --out              benchmarks/results/&lt;date&gt;-workouts[-N].md   the report (never overwrites one)
 * </pre>
 */
record WorkoutsOptions(String workoutsUrl, String historyUrl, String usersUrl, Path devstack, Optional<Path> context,
        int athletes, List<Integer> concurrency, int runs, int seconds, int warmupSeconds, int maxWarmupWindows,
        double steadyPercent, int eventsRate, int lagSeconds, int probeEvery, int directEventsRate, int directSeconds,
        long workouts, long workoutsPerAthlete, long statsRequests, int statsClients, int summaryRate,
        int summarySeconds, boolean rebuild, String generation, Path out) {

    static final double SUMMARY_WARMUP_SECONDS = 3;
    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("workouts-url", "http://127.0.0.1:8085");
        defaults.put("history-url", "http://127.0.0.1:8086");
        defaults.put("users-url", "http://127.0.0.1:8084");
        defaults.put("devstack", ".devstack/devstack.properties");
        defaults.put("context", "");
        defaults.put("athletes", "16");
        defaults.put("concurrency", "1,4,16,64");
        defaults.put("runs", "3");
        defaults.put("seconds", "10");
        defaults.put("warmup-seconds", "30");
        defaults.put("max-warmup-windows", "10");
        defaults.put("steady-percent", "5");
        defaults.put("events-rate", "5000");
        defaults.put("lag-seconds", "30");
        defaults.put("probe-every", "50");
        defaults.put("direct-events-rate", "5000");
        defaults.put("direct-seconds", "30");
        defaults.put("workouts", "1000000");
        defaults.put("workouts-per-athlete", "1000");
        defaults.put("stats-requests", "2000");
        defaults.put("stats-clients", "4");
        defaults.put("summary-rate", "5000");
        defaults.put("summary-seconds", "30");
        defaults.put("rebuild", "true");
        defaults.put("generation", "workout_history");
        defaults.put("out", "");
        return defaults;
    }

    static WorkoutsOptions parse(String... args) {
        Map<String, String> values = Options.values(DEFAULTS, args);
        List<Integer> levels = new ArrayList<>();
        for (String level : values.get("concurrency").split(",")) {
            int clients = Integer.parseInt(level.trim());
            if (clients < 1 || !levels.isEmpty() && clients <= levels.getLast()) {
                throw new IllegalArgumentException("--concurrency must be rising positive numbers, e.g. 1,4,16,64");
            }
            levels.add(clients);
        }
        String rebuild = values.get("rebuild");
        if (!rebuild.equals("true") && !rebuild.equals("false")) {
            throw new IllegalArgumentException("--rebuild must be true or false");
        }
        String generation = values.get("generation");
        if (!generation.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("--generation must match [a-z][a-z0-9_]*");
        }
        WorkoutsOptions options = new WorkoutsOptions(values.get("workouts-url"), values.get("history-url"),
                values.get("users-url"), Path.of(values.get("devstack")), Options.optionalPath(values.get("context")),
                Options.positive(values, "athletes"), List.copyOf(levels), Options.positive(values, "runs"),
                Options.positive(values, "seconds"), Options.atLeastZero(values, "warmup-seconds"),
                Options.positive(values, "max-warmup-windows"), steadyPercent(values.get("steady-percent")),
                Options.positive(values, "events-rate"), Options.positive(values, "lag-seconds"),
                Options.positive(values, "probe-every"), Options.atLeastZero(values, "direct-events-rate"),
                Options.positive(values, "direct-seconds"), Options.positive(values, "workouts"),
                Options.positive(values, "workouts-per-athlete"), Options.positive(values, "stats-requests"),
                Options.positive(values, "stats-clients"), Options.positive(values, "summary-rate"),
                Options.positive(values, "summary-seconds"), Boolean.parseBoolean(rebuild), generation,
                Options.outOrNext(values.get("out"), "workouts"));
        if (options.summarySeconds() <= SUMMARY_WARMUP_SECONDS) {
            throw new IllegalArgumentException("--summary-seconds must be above " + (int) SUMMARY_WARMUP_SECONDS
                    + " (the first seconds are not measured)");
        }
        return options;
    }

    private static double steadyPercent(String value) {
        double percent = Double.parseDouble(value);
        if (!(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException("--steady-percent must be above 0 and below 100");
        }
        return percent;
    }

    /**
     * Whether the platform is warm after warm-up windows of these rates (in order): the last two agree within
     * {@link #steadyPercent()} of the higher (it takes two windows to tell).
     */
    boolean steady(List<Double> rates) {
        if (rates.size() < 2) {
            return false;
        }
        return Warmup.agree(rates.get(rates.size() - 2), rates.getLast(), steadyPercent);
    }

    /** The highest concurrency: the warm-up's. */
    int highestConcurrency() {
        return concurrency.getLast();
    }
}
