package io.stride.benchmarks.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.benchmarks.load.LeaderboardsBenchmark.HttpRun;
import io.stride.benchmarks.load.LeaderboardsBenchmark.RedisRun;
import io.stride.benchmarks.load.LeaderboardsBenchmark.Step;

/**
 * The results file of one leaderboards run (style §17): how to run it again, the targets of issue 13 with their
 * figures at the largest step, every step's figures beside Redis', and what the machine did.
 */
final class LeaderboardsReport {

    static final double TOP_P99_TARGET_MILLIS = 5;
    static final double TOP_TARGET_RATE = 5_000;
    static final double RANK_P99_TARGET_MILLIS = 10;
    static final int RANK_TARGET_ATHLETES = 1_000_000;
    static final double COMPLETION_P99_TARGET_MILLIS = 1_000;

    private final StringBuilder out = new StringBuilder();

    private LeaderboardsReport() {
    }

    static String markdown(LeaderboardsOptions options, Platform platform, MachineLoad machine, List<Step> steps,
            MachineLoad.Usage whole) {
        LeaderboardsReport report = new LeaderboardsReport();
        report.write(options, platform, machine, steps, whole);
        return report.out.toString();
    }

    private void write(LeaderboardsOptions options, Platform platform, MachineLoad machine, List<Step> steps,
            MachineLoad.Usage whole) {
        line("# Leaderboards benchmark (%s)", LocalDate.now());
        line("");
        line("The weekly running-distance board grown from %,d to %,d athletes; at each size the top-10 and my-rank"
                + " reads (open loop), the same board as a Redis sorted set read by `redis-benchmark`, completion to"
                + " rank, and the state's size (how to read it: [`benchmarks/leaderboards/README.md`]"
                + "(../leaderboards/README.md)).", steps.getFirst().athletes(), steps.getLast().athletes());
        line("");
        line("Reproduce: `%s`", platform.fact("command").orElse("(the driver alone, see benchmarks/leaderboards/"
                + "README.md)"));
        line("");
        line("| | |");
        line("|---|---|");
        line("| commit | `%s` |", platform.fact("commit").orElseGet(() -> Report.git("rev-parse", "--short", "HEAD")));
        line("| platform | %s |", platform.fact("data").orElse("as found at " + options.leaderboardsUrl()));
        line("| CPU | %s, %d cores online; %s |", Report.cpuModel(), Report.onlineCpus(),
                machine.allowedCpuCount() < Report.onlineCpus()
                        ? "**limited to CPU " + machine.allowedCpuList() + "** (taskset)" : "no CPU limit");
        line("| memory | %s; Kafka, Redis, the leaderboards processor (384 MB heap, RocksDB off heap), this driver and"
                + " redis-benchmark on this machine |", Report.memory());
        line("| parameters | steps %s athletes, one run each in week %s; top 10 at %,d/s, my rank (3 neighbours) at"
                        + " %,d/s, %d s measured after %d s unmeasured; redis-benchmark %d clients × %,d requests;"
                        + " %d probes per step |", options.steps(), LeaderboardsBenchmark.PERIOD_ID,
                options.topRate(), options.rankRate(), options.readSeconds(), options.warmupSeconds(),
                RedisBoard.CLIENTS, RedisBoard.REQUESTS, options.probes());
        line("");

        Step last = steps.getLast();
        line("## Targets (issue 13), at %,d athletes", last.athletes());
        line("");
        line("| figure | value | target | |");
        line("|---|---|---|---|");
        line("| top-10 read p99 at %,.0f requests/s sent (%,.0f offered) | %s | ≤ %.0f ms at %,.0f/s | %s |",
                last.top().sent(), last.top().offered(), WorkoutsReport.millis(last.top().latency().p99()),
                TOP_P99_TARGET_MILLIS, TOP_TARGET_RATE, WorkoutsReport.verdict(
                        last.top().latency().p99() <= TOP_P99_TARGET_MILLIS && last.top().failures().isEmpty(),
                        last.top().sent() >= 0.95 * TOP_TARGET_RATE));
        line("| my-rank read p99 on %,d athletes | %s | ≤ %.0f ms on %,d | %s |", last.athletes(),
                WorkoutsReport.millis(last.rank().latency().p99()), RANK_P99_TARGET_MILLIS, RANK_TARGET_ATHLETES,
                WorkoutsReport.verdict(last.rank().latency().p99() <= RANK_P99_TARGET_MILLIS
                        && last.rank().failures().isEmpty(), last.athletes() >= RANK_TARGET_ATHLETES));
        line("| `WorkoutCompleted` acknowledged → new value in the athlete's standing, p99 | %s (%d probes, %d not"
                        + " seen) | ≤ %,.0f ms | %s |", WorkoutsReport.millis(last.completionToRank().p99()),
                last.completionToRank().count(), last.probesNotSeen(), COMPLETION_P99_TARGET_MILLIS,
                Report.met(last.completionToRank().p99() <= COMPLETION_P99_TARGET_MILLIS
                        && last.probesNotSeen() == 0));
        line("");

        line("## Reads beside Redis, at each size");
        line("");
        line("Stride: open loop at the offered rate, latency from each request's due time, through HTTP and JSON."
                + " Redis: `redis-benchmark`, %d connections as fast as Redis answers (its ceiling, RESP, no JSON).",
                RedisBoard.CLIENTS);
        line("");
        line("| athletes | top 10: Stride p50 / p99 (sent/s) | `ZREVRANGE 0 9`: p50 / p99 (requests/s) | my rank:"
                + " Stride p50 / p99 (sent/s) | `ZREVRANK`: p50 / p99 (requests/s) | failures |");
        line("|---|---|---|---|---|---|");
        for (Step step : steps) {
            line("| %,d | %s | %s | %s | %s | %s |", step.athletes(), http(step.top()), redis(step.redisTop()),
                    http(step.rank()), redis(step.redisRank()), failures(step.top(), step.rank()));
        }
        line("");

        line("## Growth");
        line("");
        line("| athletes | facts applied/s while the board grew (processor cores) | completion → rank p50 / p99 |"
                + " state on disk (RocksDB files) | changelog segments |");
        line("|---|---|---|---|---|");
        for (Step step : steps) {
            line("| %,d | %s | %s / %s | %,.1f MB | %,.1f MB |", step.athletes(),
                    Double.isNaN(step.factsPerSecond()) ? "kept from the previous run (`--keep-data`)"
                            : String.format(Locale.ROOT, "%,.0f (%.2f)", step.factsPerSecond(), step.processorCores()), WorkoutsReport.millis(step.completionToRank().p50()),
                    WorkoutsReport.millis(step.completionToRank().p99()), step.stateBytes() / 1e6,
                    step.changelogBytes() / 1e6);
        }
        line("");
        line("Each athlete's run is on 60 boards (5 periods × its sport and all sports × 6 metrics): a million"
                + " athletes are 60 million board entries, each with its count index updates.");
        line("");
        line("## Machine");
        line("");
        line("Whole run: %.0f s, %.0f %% busy of %d CPUs, steal %.1f %%, iowait %.1f %%; platform %.2f cores, driver"
                        + " %.2f, others %.2f; by process: %s.", whole.seconds(), whole.busyPercent(), whole.cpus(),
                whole.stealPercent(), whole.iowaitPercent(), whole.platformCores(), whole.driverCores(),
                whole.otherCores(), cores(whole.processCores()));
    }

    private static String http(HttpRun run) {
        return String.format(Locale.ROOT, "%s / %s (%,.0f)", WorkoutsReport.millis(run.latency().p50()),
                WorkoutsReport.millis(run.latency().p99()), run.sent());
    }

    private static String redis(RedisRun run) {
        if (Double.isNaN(run.perSecond())) {
            return run.test();
        }
        return String.format(Locale.ROOT, "%.2f ms / %.2f ms (%,.0f)", run.p50(), run.p99(), run.perSecond());
    }

    private static String failures(HttpRun top, HttpRun rank) {
        if (top.failures().isEmpty() && rank.failures().isEmpty()) {
            return "none";
        }
        return "top " + top.failures() + ", rank " + rank.failures();
    }

    private static String cores(Map<String, Double> processes) {
        StringBuilder text = new StringBuilder();
        processes.forEach((name, cores) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f", name, cores)));
        return text.toString();
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
