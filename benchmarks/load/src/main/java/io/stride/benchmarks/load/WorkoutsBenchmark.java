package io.stride.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stride.benchmarks.load.MachineLoad.Measured;
import io.stride.benchmarks.load.MachineLoad.Snapshot;

/**
 * The workouts benchmark's driver (issue 12), run by {@code ./stride bench workouts} against the platform it started
 * (or by hand against a running one). In order, on one platform:
 * <ol>
 *   <li>athletes sign in (registered through the users service on first use); the pgbench ceiling's table;</li>
 *   <li>unmeasured command API load at the highest concurrency (a fresh platform's JIT);</li>
 *   <li>at each concurrency, {@code --runs} times alternating: {@link Pgbench} (the ceiling), then the command API in
 *       a closed loop ({@link CommandLoad});</li>
 *   <li>projection lag at an offered rate of commands ({@link ProjectionLag}), then of events produced straight to
 *       Kafka, the projection alone ({@link DirectEvents});</li>
 *   <li>a million stored workouts ({@link StoredWorkouts}), then {@code GetWorkoutStats} over them and
 *       {@code GetWorkoutSummary} open loop from the cache ({@link HistoryReads});</li>
 *   <li>the history's rebuild into a new generation ({@link RebuildRun}).</li>
 * </ol>
 * Each phase starts once the platform has settled and records what the machine did meanwhile ({@link MachineLoad});
 * the report: {@link WorkoutsReport}. Options: {@link WorkoutsOptions}.
 */
public final class WorkoutsBenchmark {

    /** The runs at one concurrency, in the order they ran (pgbench, command API, pgbench, …). */
    record Level(int concurrency, List<Measured<Pgbench>> pgbench, List<Measured<CommandLoad>> commands) {
    }

    /** Everything one run measured. */
    record Results(List<Level> levels, List<Measured<CommandLoad>> warmup, Measured<ProjectionLag> lag,
            Optional<Measured<ProjectionLag>> direct, Optional<String> directFailure, Measured<StoredWorkouts> stored,
            Measured<HistoryReads.Run> stats, Measured<HistoryReads.Run> summaries,
            Optional<Measured<RebuildRun>> rebuild, Optional<String> rebuildFailure, MachineLoad.Usage whole,
            List<String> topOthers) {
    }

    private WorkoutsBenchmark() {
    }

    /** The commands/s of each warm-up window, in order. */
    static List<Double> rates(List<Measured<CommandLoad>> warmup) {
        return warmup.stream().map(window -> window.value().perSecond()).toList();
    }

    public static void main(String[] args) throws Exception {
        WorkoutsOptions options = WorkoutsOptions.parse(args);
        Platform platform = Platform.read(options.workoutsUrl(), options.devstack(), options.context());
        MachineLoad machine = new MachineLoad(platform.pids());
        Postgres postgres = Postgres.of(platform);
        WorkoutsApi api = new WorkoutsApi(options.workoutsUrl());
        HistoryReads history = new HistoryReads(options.historyUrl());
        Athletes accounts = new Athletes(platform, options.usersUrl(), options.athletes());
        Snapshot start = machine.snapshot();

        log("signing %d athletes in (registering them on first use)%s", options.athletes(),
                options.rebuild() ? " and the admin" : "");
        accounts.signIn();
        if (options.rebuild()) {
            accounts.admin(postgres);
        }
        Pgbench.prepare(postgres);

        // a fresh platform compiles for minutes (Hibernate Reactive, Vert.x and Mutiny become hot a burst at a time):
        // unmeasured windows until two rates agree, each with fresh tokens (they last 5 minutes)
        List<Measured<CommandLoad>> warmup = new ArrayList<>();
        while (options.warmupSeconds() > 0 && warmup.size() < options.maxWarmupWindows()
                && !options.steady(rates(warmup))) {
            log("warm-up %d (at most %d): command API, %d clients, %d s (unmeasured)", warmup.size() + 1,
                    options.maxWarmupWindows(), options.highestConcurrency(), options.warmupSeconds());
            List<Athletes.Athlete> athletes = accounts.signIn();
            warmup.add(machine.during(() -> CommandLoad.run(api, athletes, options.highestConcurrency(),
                    options.warmupSeconds())));
            log("warm-up %d: %,.0f commands/s, p99 %.1f ms", warmup.size(), warmup.getLast().value().perSecond(),
                    warmup.getLast().value().latency().p99());
        }

        List<Level> levels = new ArrayList<>();
        List<CommandLoad.StartedWorkout> started = new ArrayList<>();
        for (int concurrency : options.concurrency()) {
            List<Measured<Pgbench>> pgbench = new ArrayList<>();
            List<Measured<CommandLoad>> commands = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                pgbench.add(machine.during(() -> Pgbench.run(postgres, concurrency, options.seconds(),
                        machine.allowedCpuCount())));
                List<Athletes.Athlete> signed = accounts.signIn();
                commands.add(machine.during(() -> CommandLoad.run(api, signed, concurrency, options.seconds())));
                started.addAll(commands.getLast().value().workouts());
                log("%d clients, run %d of %d: pgbench %,.0f tx/s (p99 %.1f ms); command API %,.0f commands/s "
                                + "(p50 %.1f ms, p99 %.1f ms, %d refused)", concurrency, run, options.runs(),
                        pgbench.getLast().value().perSecond(), pgbench.getLast().value().latency().p99(),
                        commands.getLast().value().perSecond(), commands.getLast().value().latency().p50(),
                        commands.getLast().value().latency().p99(), commands.getLast().value().refused());
            }
            levels.add(new Level(concurrency, pgbench, commands));
        }

        List<Athletes.Athlete> lagging = accounts.signIn();
        log("projection lag: %,d commands/s offered for %d s, one in %d followed into the read models",
                options.eventsRate(), options.lagSeconds(), options.probeEvery());
        Measured<ProjectionLag> lag = machine.during(() -> ProjectionLag.measure(api, platform.address("REDIS_URL"),
                lagging, options.eventsRate(), options.lagSeconds(), options.probeEvery()));
        log("projection lag: %,.0f events/s appended; visible p50 %.0f ms, p99 %.0f ms over %d probes (%d never)",
                lag.value().appliedPerSecond(), lag.value().visible().p50(), lag.value().visible().p99(),
                lag.value().visible().count(), lag.value().notVisible());

        Optional<Measured<ProjectionLag>> direct = Optional.empty();
        Optional<String> directFailure = Optional.empty();
        if (options.directEventsRate() > 0) {
            log("projection alone: %,d events/s produced to Kafka for %d s", options.directEventsRate(),
                    options.directSeconds());
            try {
                direct = Optional.of(machine.during(() -> DirectEvents.measure(platform, options.athletes(),
                        options.directEventsRate(), options.directSeconds(), options.probeEvery())));
                log("projection alone: %,.0f events/s acknowledged; visible p50 %.0f ms, p99 %.0f ms over %d probes"
                                + " (%d never)", direct.get().value().appliedPerSecond(),
                        direct.get().value().visible().p50(), direct.get().value().visible().p99(),
                        direct.get().value().visible().count(), direct.get().value().notVisible());
            } catch (IllegalStateException failed) {
                // a phase that cannot run is reported as such; the others still are
                directFailure = Optional.of(failed.getMessage());
                log("projection alone not measured: %s", failed.getMessage());
            }
        }

        log("storing %,d completed workouts in ClickHouse (%,d per athlete)", options.workouts(),
                options.workoutsPerAthlete());
        Measured<StoredWorkouts> stored = machine.during(() -> StoredWorkouts.load(platform.address("CLICKHOUSE_URL"),
                options.generation(), lagging, options.workouts(), options.workoutsPerAthlete()));
        log("stored %,d rows in %.1f s", stored.value().rows(), stored.value().seconds());

        List<Athletes.Athlete> reading = accounts.signIn();
        long leastPerAthlete = Math.max(0, Math.min(options.workoutsPerAthlete(),
                options.workouts() - (options.athletes() - 1) * options.workoutsPerAthlete()));
        log("GetWorkoutStats: %,d requests, %d clients", options.statsRequests(), options.statsClients());
        Measured<HistoryReads.Run> stats = machine.during(() -> history.stats(reading, options.statsRequests(),
                options.statsClients(), leastPerAthlete));
        log("GetWorkoutStats: %,.0f requests/s, p50 %.1f ms, p99 %.1f ms (%d refused)", stats.value().perSecond(),
                stats.value().latency().p50(), stats.value().latency().p99(), stats.value().refused());

        Map<Integer, Athletes.Athlete> byNumber = reading.stream()
                .collect(Collectors.toMap(Athletes.Athlete::number, Function.identity()));
        List<CommandLoad.StartedWorkout> hot = started.stream()
                .map(workout -> new CommandLoad.StartedWorkout(workout.workoutId(),
                        byNumber.get(workout.athlete().number())))
                .toList();
        if (hot.isEmpty()) {
            throw new IllegalStateException("the command API runs started no workout: nothing to read");
        }
        log("GetWorkoutSummary: %,d requests/s for %d s over %,d workouts", options.summaryRate(),
                options.summarySeconds(), hot.size());
        Measured<HistoryReads.Run> summaries = machine.during(() -> history.summaries(hot, options.summaryRate(),
                options.summarySeconds(), WorkoutsOptions.SUMMARY_WARMUP_SECONDS));
        log("GetWorkoutSummary: sent %,.0f requests/s, p50 %.2f ms, p99 %.2f ms (%d refused)",
                summaries.value().perSecond(), summaries.value().latency().p50(), summaries.value().latency().p99(),
                summaries.value().refused());

        Optional<Measured<RebuildRun>> rebuild = Optional.empty();
        Optional<String> rebuildFailure = Optional.empty();
        if (options.rebuild()) {
            String generation = "bench_rebuild_" + System.currentTimeMillis() / 1000;
            log("rebuild into %s", generation);
            try {
                rebuild = Optional.of(machine.during(() -> RebuildRun.run(options.historyUrl(),
                        () -> accounts.admin(postgres), generation, Duration.ofMinutes(30))));
                log("rebuild: %,d events in %.1f s, %,.0f events/s", rebuild.get().value().records(),
                        rebuild.get().value().seconds(), rebuild.get().value().eventsPerSecond());
            } catch (IllegalStateException failed) {
                rebuildFailure = Optional.of(failed.getMessage());
                log("rebuild not measured: %s", failed.getMessage());
            }
        }
        Snapshot end = machine.snapshot();

        Results results = new Results(levels, warmup, lag, direct, directFailure, stored, stats, summaries, rebuild,
                rebuildFailure,
                machine.between(start, end), machine.topOthers(start, end, 3));
        Path out = options.out();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, WorkoutsReport.markdown(options, platform, machine, results),
                java.nio.file.StandardOpenOption.CREATE_NEW);
        log("report written to %s", out);
    }

    static void log(String format, Object... args) {
        Scenario.log("workouts: " + format, args);
    }
}
