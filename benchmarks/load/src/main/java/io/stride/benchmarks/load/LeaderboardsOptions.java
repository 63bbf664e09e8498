package io.stride.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leaderboards benchmark's options, {@code --name value} each, every one with a default (also in
 * {@code benchmarks/leaderboards/README.md}):
 * <pre>
 * --leaderboards-url http://127.0.0.1:8087   the leaderboards processor (./stride bench leaderboards passes its own)
 * --devstack         .devstack/devstack.properties   the devstack's addresses file
 * --context          (none)       facts of the run written by ./stride bench: commit, CPU limit, fresh data, pids
 * --state-dir        (none)       the processor's state directory, measured at each step
 * --data-dir         (none)       the devstack's data directory, where the changelogs' segments are measured
 * --steps            10000,100000,1000000   athletes on the board at each step
 * --top-rate         5000         top-10 reads/s offered open loop
 * --rank-rate        100          my-rank reads/s offered open loop
 * --read-seconds     20           measured length of each read run
 * --warmup-seconds   5            unmeasured seconds before it, at the same rate
 * --probes           50           athletes completing a run at each step, each followed to their new value
 * --out              benchmarks/results/&lt;date&gt;-leaderboards[-N].md   the report (never overwrites one)
 * </pre>
 */
record LeaderboardsOptions(String leaderboardsUrl, Path devstack, Optional<Path> context, Optional<Path> stateDir,
        Optional<Path> dataDir, List<Integer> steps, int topRate, int rankRate, int readSeconds, int warmupSeconds,
        int probes, Path out) {

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("leaderboards-url", "http://127.0.0.1:8087");
        defaults.put("devstack", ".devstack/devstack.properties");
        defaults.put("context", "");
        defaults.put("state-dir", "");
        defaults.put("data-dir", "");
        defaults.put("steps", "10000,100000,1000000");
        defaults.put("top-rate", "5000");
        defaults.put("rank-rate", "100");
        defaults.put("read-seconds", "20");
        defaults.put("warmup-seconds", "5");
        defaults.put("probes", "50");
        defaults.put("out", "");
        return defaults;
    }

    static LeaderboardsOptions parse(String... args) {
        Map<String, String> values = Options.values(DEFAULTS, args);
        List<Integer> steps = new ArrayList<>();
        for (String step : values.get("steps").split(",")) {
            int athletes = Integer.parseInt(step.trim().replace("_", ""));
            if (athletes < 1 || !steps.isEmpty() && athletes <= steps.getLast()) {
                throw new IllegalArgumentException("--steps must be rising positive numbers, e.g. 10000,100000");
            }
            steps.add(athletes);
        }
        return new LeaderboardsOptions(values.get("leaderboards-url"), Path.of(values.get("devstack")),
                Options.optionalPath(values.get("context")), Options.optionalPath(values.get("state-dir")),
                Options.optionalPath(values.get("data-dir")), List.copyOf(steps), Options.positive(values, "top-rate"),
                Options.positive(values, "rank-rate"), Options.positive(values, "read-seconds"),
                Options.atLeastZero(values, "warmup-seconds"), Options.positive(values, "probes"),
                Options.outOrNext(values.get("out"), "leaderboards"));
    }
}
