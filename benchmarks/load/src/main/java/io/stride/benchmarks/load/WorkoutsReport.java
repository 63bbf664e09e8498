package io.stride.benchmarks.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stride.benchmarks.load.MachineLoad.Measured;
import io.stride.benchmarks.load.MachineLoad.Usage;
import io.stride.benchmarks.load.WorkoutsBenchmark.Level;
import io.stride.benchmarks.load.WorkoutsBenchmark.Results;

/**
 * The results file of one workouts run (style §17): how to run it again, the targets of issue 12 with their figures,
 * every figure, and what the machine was doing during each phase. Medians over the runs at each concurrency, with
 * their range; the ceiling is pgbench's, measured in the same run beside each command API run.
 */
final class WorkoutsReport {

    static final double COMMANDS_TARGET_PER_SECOND = 5_000;
    static final double COMMANDS_P99_TARGET_MILLIS = 20;
    static final double CEILING_TARGET_PERCENT = 50;
    static final double LAG_P99_TARGET_MILLIS = 1_000;
    static final double STATS_P99_TARGET_MILLIS = 50;
    static final double SUMMARY_P99_TARGET_MILLIS = 5;

    private final WorkoutsOptions options;
    private final Platform platform;
    private final MachineLoad machine;
    private final Results results;
    private final StringBuilder out = new StringBuilder();

    private WorkoutsReport(WorkoutsOptions options, Platform platform, MachineLoad machine, Results results) {
        this.options = options;
        this.platform = platform;
        this.machine = machine;
        this.results = results;
    }

    static String markdown(WorkoutsOptions options, Platform platform, MachineLoad machine, Results results) {
        return new WorkoutsReport(options, platform, machine, results).write();
    }

    /** The median of a figure over a level's command API runs. */
    static Spread commands(Level level, Function<CommandLoad, Double> figure) {
        return Spread.of(level.commands().stream().map(run -> figure.apply(run.value())).toList());
    }

    /** The median of a figure over a level's pgbench runs. */
    static Spread pgbench(Level level, Function<Pgbench, Double> figure) {
        return Spread.of(level.pgbench().stream().map(run -> figure.apply(run.value())).toList());
    }

    /** The level whose median command rate is the highest: the command API's peak. */
    static Level peak(List<Level> levels) {
        return levels.stream().max(Comparator.comparingDouble(level -> commands(level, CommandLoad::perSecond)
                .median())).orElseThrow();
    }

    /** The highest median pgbench rate over the levels: the ceiling. */
    static double ceiling(List<Level> levels) {
        return levels.stream().mapToDouble(level -> pgbench(level, Pgbench::perSecond).median()).max().orElseThrow();
    }

    private String write() {
        line("# Workouts benchmark (%s)", LocalDate.now());
        line("");
        line("The command API beside pgbench on the same PostgreSQL, projection lag, the history's queries and its"
                + " rebuild, measured in one run on one platform (targets: issue 12; how to read it:"
                + " [`benchmarks/workouts/README.md`](../workouts/README.md)). Figures at each concurrency are medians"
                + " of %d runs with their range, pgbench and the command API alternating.", options.runs());
        line("");
        line("Reproduce: `%s`", platform.fact("command").orElse("(the driver alone, see benchmarks/workouts/README.md)"));
        line("");
        setup();
        targets();
        commandLevels();
        lag();
        reads();
        machineLoad();
        return out.toString();
    }

    private void setup() {
        line("| | |");
        line("|---|---|");
        line("| commit | `%s`%s |", platform.fact("commit").orElseGet(() -> Report.git("rev-parse", "--short", "HEAD")),
                platform.fact("checkout").map(checkout -> " (checkout `" + checkout + "`)").orElse(""));
        line("| platform | %s |", platform.fact("data").orElse("as found at " + options.workoutsUrl()));
        line("| CPU | %s, %d cores online; %s |", Report.cpuModel(), Report.onlineCpus(),
                machine.allowedCpuCount() < Report.onlineCpus()
                        ? "**limited to CPU " + machine.allowedCpuList() + "** (taskset): platform, driver and pgbench"
                        : "no CPU limit");
        line("| memory | %s; everything (PostgreSQL 17, Kafka, Redis, the MongoDB and ClickHouse stand-ins, the apps,"
                + " this driver and pgbench) on this machine |", Report.memory());
        line("| versions | Java %s, Quarkus 3.33.2, PostgreSQL 17, Kafka 4.1.2, ClickHouse engine (chDB) behind the"
                + " devstack's HTTP stand-in, mongo-java-server behind the MongoDB stand-in |",
                System.getProperty("java.version"));
        line("| parameters | %d athletes; concurrency %s, %d runs of %d s each; warm-up windows of %d s (at most %d);"
                        + " projection lag at %,d"
                        + " commands/s for %d s, one in %d followed; %s"
                        + " %,d stored workouts (%,d per athlete); %,d statistics requests by %d clients; summaries at"
                        + " %,d requests/s for %d s |",
                options.athletes(), options.concurrency(), options.runs(), options.seconds(), options.warmupSeconds(),
                options.maxWarmupWindows(), options.eventsRate(), options.lagSeconds(), options.probeEvery(),
                options.directEventsRate() == 0 ? "no run of the projection alone;" : String.format(Locale.ROOT,
                        "the projection alone at %,d events/s for %d s;", options.directEventsRate(),
                        options.directSeconds()), options.workouts(), options.workoutsPerAthlete(),
                options.statsRequests(), options.statsClients(), options.summaryRate(), options.summarySeconds());
        line("");
    }

    private void targets() {
        Level peak = peak(results.levels());
        double peakRate = commands(peak, CommandLoad::perSecond).median();
        double peakP99 = commands(peak, run -> run.latency().p99()).median();
        double ceiling = ceiling(results.levels());
        ProjectionLag lag = results.lag().value();
        HistoryReads.Run stats = results.stats().value();
        HistoryReads.Run summaries = results.summaries().value();
        line("## Targets (issue 12)");
        line("");
        line("| figure | value | target | |");
        line("|---|---|---|---|");
        line("| command API, peak (%d clients) | %,.0f commands/s | ≥ %,.0f | %s |", peak.concurrency(), peakRate,
                COMMANDS_TARGET_PER_SECOND, Report.met(peakRate >= COMMANDS_TARGET_PER_SECOND));
        line("| command API p99 at the peak | %s | ≤ %.0f ms | %s |", millis(peakP99), COMMANDS_P99_TARGET_MILLIS,
                Report.met(peakP99 <= COMMANDS_P99_TARGET_MILLIS));
        line("| peak / pgbench ceiling (%,.0f tx/s, best level) | %.1f %% | ≥ %.0f %% | %s |", ceiling,
                peakRate / ceiling * 100, CEILING_TARGET_PERCENT,
                Report.met(peakRate / ceiling * 100 >= CEILING_TARGET_PERCENT));
        line("| projection lag p99, committed → every read model, at %,.0f events/s appended (%,d offered) | %s |"
                        + " ≤ %,.0f ms at 5,000 events/s | %s |", lag.appliedPerSecond(), options.eventsRate(),
                millis(lag.visible().p99()), LAG_P99_TARGET_MILLIS,
                verdict(lag.visible().p99() <= LAG_P99_TARGET_MILLIS && lag.notVisible() == 0,
                        lag.appliedPerSecond() >= 0.95 * 5_000));
        results.direct().ifPresent(measured -> {
            ProjectionLag direct = measured.value();
            line("| projection lag p99, the projection alone: on the topic → MongoDB and Redis, at %,.0f events/s"
                            + " acknowledged (%,d offered) | %s | ≤ %,.0f ms at 5,000 events/s | %s |",
                    direct.appliedPerSecond(), options.directEventsRate(), millis(direct.visible().p99()),
                    LAG_P99_TARGET_MILLIS, verdict(direct.visible().p99() <= LAG_P99_TARGET_MILLIS
                            && direct.notVisible() == 0, direct.appliedPerSecond() >= 0.95 * 5_000));
        });
        line("| GetWorkoutStats p99 over %,d stored workouts | %s | ≤ %.0f ms | %s |", results.stored().value().rows(),
                millis(stats.latency().p99()), STATS_P99_TARGET_MILLIS,
                verdict(stats.latency().p99() <= STATS_P99_TARGET_MILLIS && stats.refused() == 0,
                        results.stored().value().rows() >= 1_000_000));
        line("| GetWorkoutSummary p99 from the cache at %,.0f requests/s sent (%,d offered) | %s | ≤ %.0f ms at"
                        + " 5,000/s | %s |", summaries.perSecond(), options.summaryRate(),
                millis(summaries.latency().p99()), SUMMARY_P99_TARGET_MILLIS,
                verdict(summaries.latency().p99() <= SUMMARY_P99_TARGET_MILLIS && summaries.refused() == 0,
                        summaries.perSecond() >= 0.95 * 5_000));
        results.rebuild().ifPresent(rebuild -> line("| rebuild throughput | %,.0f events/s (%,d events in %.1f s) |"
                        + " none | |", rebuild.value().eventsPerSecond(), rebuild.value().records(),
                rebuild.value().seconds()));
        line("");
        line("A verdict at a smaller load or size than the target's says so (*not at the target's load*): it is"
                + " no verdict on the target.");
        line("");
    }

    /** met / missed, or that the figure was not taken at the target's load or size. */
    static String verdict(boolean met, boolean atTargetLoad) {
        return Report.met(met) + (atTargetLoad ? "" : " (*not at the target's load*)");
    }

    private void commandLevels() {
        line("## Command API beside pgbench");
        line("");
        line("Closed loop: each client sends its next command when the previous one is answered, through whole"
                + " workout lives (start, pause, resume, tag, complete) with `Idempotency-Key` and `If-Match`. pgbench:"
                + " the same number of clients, each transaction one insert of one event row into a copy of the event"
                + " store's table (`bench_ceiling.workout_events`). Medians of %d runs (min–max).", options.runs());
        line("");
        line("| clients | commands/s | p50 ms | p99 ms | refused | pgbench tx/s | pgbench p50 ms | pgbench p99 ms |"
                + " commands / pgbench |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (Level level : results.levels()) {
            Spread rate = commands(level, CommandLoad::perSecond);
            Spread ceiling = pgbench(level, Pgbench::perSecond);
            line("| %d | %s | %s | %s | %,.0f | %s | %s | %s | %.1f %% |", level.concurrency(), spread("%,.1f", rate),
                    spread("%.1f", commands(level, run -> run.latency().p50())),
                    spread("%.1f", commands(level, run -> run.latency().p99())),
                    commands(level, run -> (double) run.refused()).max(), spread("%,.0f", ceiling),
                    spread("%.2f", pgbench(level, run -> run.latency().p50())),
                    spread("%.2f", pgbench(level, run -> run.latency().p99())), rate.median() / ceiling.median() * 100);
        }
        line("");
        cpuPerCommand();
        results.levels().stream()
                .flatMap(level -> level.commands().stream())
                .filter(run -> run.value().refused() > 0)
                .findFirst()
                .ifPresent(run -> line("Refused answers by status (0: no answer), first run with any: %s.",
                        run.value().statuses()));
        List<Measured<CommandLoad>> warmup = results.warmup();
        if (!warmup.isEmpty()) {
            List<Double> rates = WorkoutsBenchmark.rates(warmup);
            CommandLoad last = warmup.getLast().value();
            line("Warm-up (unmeasured, %d clients, windows of %d s until the last two agree within %s %%, at most %d):"
                            + " %s commands/s, %s; the last window's p99 %s, refused %s.", last.concurrency(),
                    options.warmupSeconds(),
                    BigDecimal.valueOf(options.steadyPercent()).stripTrailingZeros().toPlainString(),
                    options.maxWarmupWindows(),
                    rates.stream().map(rate -> String.format(Locale.ROOT, "%,.1f", rate))
                            .collect(Collectors.joining(" → ")),
                    options.steady(rates) ? "steady"
                            : "**not steady**: the first measured runs may still be warming up",
                    millis(last.latency().p99()), last.statuses().isEmpty() ? "none" : last.statuses().toString());
        }
        line("");
    }

    /**
     * CPU time per applied command by platform process, at each level (median of its runs): what a command costs
     * whatever the machine's load, and where (the service, PostgreSQL, Kafka, the history projecting the events).
     */
    private void cpuPerCommand() {
        Map<String, Double> names = results.levels().getFirst().commands().getFirst().usage().processCores();
        if (names.isEmpty()) {
            return;
        }
        StringBuilder header = new StringBuilder("| CPU ms per applied command |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Level level : results.levels()) {
            header.append(' ').append(level.concurrency()).append(" clients |");
            rule.append("---|");
        }
        line("CPU time of each platform process during the run ÷ commands applied (medians over the runs). At low"
                + " rates the costs each process pays per second whatever the load (polling, Kafka transactions and"
                + " commits every 100 ms, the JIT) dominate; at the peak they approach the cost of a command.");
        line("");
        line("%s", header);
        line("%s", rule);
        for (String name : names.keySet()) {
            cpuRow(name, usage -> usage.processCores().getOrDefault(name, 0.0));
        }
        cpuRow("**platform**", Usage::platformCores);
        cpuRow("driver", Usage::driverCores);
        line("");
    }

    private void cpuRow(String label, Function<Usage, Double> cores) {
        StringBuilder row = new StringBuilder("| " + label + " |");
        for (Level level : results.levels()) {
            List<Double> millis = level.commands().stream()
                    .filter(run -> run.value().applied() > 0)
                    .map(run -> run.usage().microsPerItem(cores.apply(run.usage()), run.value().applied()) / 1000)
                    .toList();
            row.append(millis.isEmpty() ? " – |"
                    : String.format(Locale.ROOT, " %.2f |", Spread.of(millis).median()));
        }
        line("%s", row);
    }

    private void lag() {
        line("## Projection lag");
        line("");
        line("**Through the command API.** Commands offered open loop at %,d/s for %d s (each appends one event;"
                        + " live-workout's final figures add one `WorkoutCompleted` per five); one applied command in %d"
                        + " followed until its summary in Redis has its version (the projection writes MongoDB,"
                        + " ClickHouse, then Redis), read by the driver every %d ms. Committed = the command answered.",
                options.eventsRate(), options.lagSeconds(), options.probeEvery(), ProjectionLag.PROBE_ROUND_MILLIS);
        line("");
        lagTable(results.lag().value(), "commands", "command latency from its due time");
        results.direct().ifPresent(direct -> {
            line("**The projection alone.** `WorkoutStarted`, then alternating `WorkoutPaused` and `WorkoutResumed`"
                            + " (%d events a workout, %,d workouts open at a time, %d athletes of the driver's own whose"
                            + " telemetry keys it published), produced straight to `workouts.workout-events` as the"
                            + " outbox relay publishes them, open loop at %,d/s for %d s; one acknowledged event in %d"
                            + " followed the same way. Committed = the broker acknowledged the record. These"
                            + " events reach MongoDB and Redis; ClickHouse only gets completed workouts.",
                    DirectEvents.EVENTS_PER_WORKOUT, DirectEvents.OPEN_WORKOUTS, options.athletes(),
                    options.directEventsRate(), options.directSeconds(), options.probeEvery());
            line("");
            lagTable(direct.value(), "events", "produce latency from its due time (to the broker's acknowledgement)");
        });
        results.directFailure().ifPresent(reason -> {
            line("**The projection alone** was not measured: %s.", reason);
            line("");
        });
        line("Statuses of refused requests here and below: 0 no answer (30-s timeout or a failed connection), %d not"
                + " sent because %,d were already in flight (the driver's limit), -1 a statistics answer without the"
                + " athlete's stored workouts.", OpenLoop.NOT_SENT, OpenLoop.MAX_IN_FLIGHT);
        line("");
    }

    private void lagTable(ProjectionLag lag, String what, String latency) {
        line("| figure | value |");
        line("|---|---|");
        line("| offered / sent (%s/s) | %,.0f / %,.0f |", what, lag.offered(), lag.sentPerSecond());
        line("| committed (events/s, over %.1f s) | %,.0f (%,d; %,d refused or unanswered%s) |", lag.seconds(),
                lag.appliedPerSecond(), lag.applied(), lag.refused(),
                lag.statuses().isEmpty() ? "" : ", by status " + lag.statuses());
        line("| %s: p50 / p99 / max | %s / %s / %s |", latency, millis(lag.commands().p50()),
                millis(lag.commands().p99()), millis(lag.commands().max()));
        line("| **committed → every read model**: p50 / p99 / max (%d probes) | %s / **%s** / %s |",
                lag.visible().count(), millis(lag.visible().p50()), millis(lag.visible().p99()),
                millis(lag.visible().max()));
        line("| due time → every read model: p50 / p99 / max | %s / %s / %s |", millis(lag.visibleFromDue().p50()),
                millis(lag.visibleFromDue().p99()), millis(lag.visibleFromDue().max()));
        line("| probes never visible within %d s (counted with the time waited) | %d |", ProjectionLag.DRAIN_SECONDS,
                lag.notVisible());
        line("");
    }

    private void reads() {
        HistoryReads.Run stats = results.stats().value();
        HistoryReads.Run summaries = results.summaries().value();
        line("## Queries and rebuild");
        line("");
        line("%,d completed workouts written straight into ClickHouse (`%s.workout_facts`, the projection's table;"
                        + " `INSERT … SELECT … FROM numbers(n)`) in %.1f s, %,d per athlete, the rest of %,d other"
                        + " athletes. `GetWorkoutStats`: each request a variant (athlete, weeks 1–104, sport) asked once,"
                        + " so it misses the cache; an answer without the athlete's stored workouts counts as refused."
                        + " `GetWorkoutSummary`: open loop over the %s workouts the command runs started (summaries"
                        + " written through to Redis), latency from the due time, first %.0f s not measured.",
                results.stored().value().rows(), options.generation(), results.stored().value().seconds(),
                options.workoutsPerAthlete(), StoredWorkouts.OTHER_USERS, "command API",
                WorkoutsOptions.SUMMARY_WARMUP_SECONDS);
        line("");
        line("| query | requests/s | answered | refused | p50 | p99 | max |");
        line("|---|---|---|---|---|---|---|");
        line("| GetWorkoutStats (%d clients, closed loop) | %,.0f | %,d | %,d %s | %s | %s | %s |",
                options.statsClients(), stats.perSecond(), stats.answered(), stats.refused(),
                stats.statuses().isEmpty() ? "" : stats.statuses().toString(), millis(stats.latency().p50()),
                millis(stats.latency().p99()), millis(stats.latency().max()));
        line("| GetWorkoutSummary (open loop, %,d/s offered) | %,.0f sent | %,d | %,d %s | %s | %s | %s |",
                options.summaryRate(), summaries.perSecond(), summaries.answered(), summaries.refused(),
                summaries.statuses().isEmpty() ? "" : summaries.statuses().toString(),
                millis(summaries.latency().p50()), millis(summaries.latency().p99()),
                millis(summaries.latency().max()));
        line("");
        results.rebuild().ifPresent(rebuild -> {
            line("Rebuild (`POST /api/v1/admin/read-model-rebuilds`, generation `%s`): %,d events read, %,d applied,"
                            + " %.1f s from the request to `DONE` (polled every %d ms): **%,.0f events/s**.",
                    rebuild.value().generation(), rebuild.value().records(), rebuild.value().applied(),
                    rebuild.value().seconds(), RebuildRun.POLL_MILLIS, rebuild.value().eventsPerSecond());
            line("");
        });
        results.rebuildFailure().ifPresent(reason -> {
            line("The rebuild was not measured: %s.", reason);
            line("");
        });
    }

    private void machineLoad() {
        line("## What the machine was doing");
        line("");
        line("From `/proc` over each phase, on the CPU(s) the run may use (%s): busy, stolen and iowait in %% of their"
                + " time; cores (CPU time / wall time) of the platform's processes, this driver (with pgbench) and"
                + " everything else. Each phase starts once the platform has settled (below %.2f cores over a second, at"
                + " most %d s). A run where *others* used more than ~0.1 core measured other people's work too.",
                machine.allowedCpuList(), MachineLoad.SETTLED_CORES, MachineLoad.MAX_SETTLE_SECONDS);
        line("");
        line("| phase | settle s | s | busy | steal | iowait | platform | driver | others |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (int window = 0; window < results.warmup().size(); window++) {
            usage("warm-up " + (window + 1), results.warmup().get(window));
        }
        for (Level level : results.levels()) {
            for (int run = 0; run < level.commands().size(); run++) {
                usage(level.concurrency() + " clients: pgbench " + (run + 1), level.pgbench().get(run));
                usage(level.concurrency() + " clients: command API " + (run + 1), level.commands().get(run));
            }
        }
        usage("projection lag", results.lag());
        results.direct().ifPresent(direct -> usage("projection alone", direct));
        usage("storing workouts", results.stored());
        usage("GetWorkoutStats", results.stats());
        usage("GetWorkoutSummary", results.summaries());
        results.rebuild().ifPresent(rebuild -> usage("rebuild", rebuild));
        usage("**whole run**", "", results.whole());
        line("");
        Map<String, Double> cores = results.whole().processCores();
        if (!cores.isEmpty()) {
            line("Cores by platform process over the whole run: %s.", String.join(", ", cores.entrySet().stream()
                    .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue())).toList()));
            line("");
        }
        line("Busiest processes outside the run: %s.", results.topOthers().isEmpty() ? "none"
                : String.join("; ", results.topOthers()));
    }

    private void usage(String phase, Measured<?> measured) {
        usage(phase, String.format(Locale.ROOT, "%.0f", measured.settleSeconds()), measured.usage());
    }

    private void usage(String phase, String settle, Usage usage) {
        line("| %s | %s | %.0f | %.0f %% | %.1f %% | %.1f %% | %.2f | %.2f | %.2f |", phase, settle, usage.seconds(),
                usage.busyPercent(), usage.stealPercent(), usage.iowaitPercent(), usage.platformCores(),
                usage.driverCores(), usage.otherCores());
    }

    /** Milliseconds with the precision the targets need; "–" when nothing was measured. */
    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f ms" : value < 100 ? "%.1f ms" : "%,.0f ms", value);
    }

    private static String spread(String format, Spread spread) {
        if (spread.count() == 1) {
            return String.format(Locale.ROOT, format, spread.median());
        }
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", spread.median(), spread.min(),
                spread.max());
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
