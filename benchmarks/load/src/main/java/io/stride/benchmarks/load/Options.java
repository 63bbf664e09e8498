package io.stride.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The driver's options, {@code --name value} each; every one has a default (the table below and the scenario's
 * README):
 * <pre>
 * --gateway          http://127.0.0.1:8081   the gateway's base URL (./stride bench passes its own platform's)
 * --devstack         .devstack/devstack.properties   the devstack's addresses file
 * --context          (none)       facts of the run written by ./stride bench: commit, CPU limit, fresh data, pids
 * --runs             3            measured passes of the scenario; the report gives their median and spread
 * --warmup-passes    1            unmeasured passes at least (a fresh platform's first minutes are its JIT's;
 *                                 0 measures them); more run until two in a row agree (Warmup)
 * --max-warmup-passes 4           unmeasured passes at most
 * --steady-percent   10           two unmeasured passes agree when their end-to-end and processor-alone rates
 *                                 are each within this % of each other
 * --raw-records      1000000      records of the raw Kafka produce ceiling
 * --samples          1200000      samples of the end-to-end run
 * --workouts         60           workouts (one device each) of the end-to-end and processor-alone runs
 * --clients          12           concurrent HTTP connections, each waits for its batch's answer before the next
 * --batch            500          samples per request (end to end) and per record (processor alone)
 * --direct-samples   1200000      samples of the processor-alone run (0 skips it); as many as end to end, so
 *                                 that its ~10 s are not dominated by start-up and the last commit interval
 * --latency-percent  10           offered load of the relative latency run, in % of the pass's raw ceiling
 * --latency-rate     20000        offered load of the fixed latency run, samples/s (0 skips it)
 * --latency-batch    100          samples per request in the latency runs
 * --latency-seconds  30           length of each latency run (its first 3 s are not measured)
 * --jfr              (none)       a folder: JFR recordings of every platform JVM during the measured passes
 * --out              benchmarks/results/&lt;date&gt;-live-tracking[-N].md   the report (never overwrites one)
 * </pre>
 */
record Options(String gateway, Path devstack, Optional<Path> context, int runs, Warmup warmup, long rawRecords,
        long samples, int workouts, int clients, int batch, long directSamples, double latencyPercent,
        int latencyRate, int latencyBatch, int latencySeconds, Optional<Path> jfr, Path out) {

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("gateway", "http://127.0.0.1:8081");
        defaults.put("devstack", ".devstack/devstack.properties");
        defaults.put("context", "");
        defaults.put("runs", "3");
        defaults.put("warmup-passes", "1");
        defaults.put("max-warmup-passes", "4");
        defaults.put("steady-percent", "10");
        defaults.put("raw-records", "1000000");
        defaults.put("samples", "1200000");
        defaults.put("workouts", "60");
        defaults.put("clients", "12");
        defaults.put("batch", "500");
        defaults.put("direct-samples", "1200000");
        defaults.put("latency-percent", "10");
        defaults.put("latency-rate", "20000");
        defaults.put("latency-batch", "100");
        defaults.put("latency-seconds", "30");
        defaults.put("jfr", "");
        defaults.put("out", "");
        return defaults;
    }

    static Options parse(String... args) {
        Map<String, String> values = values(DEFAULTS, args);
        Options options = new Options(values.get("gateway"), Path.of(values.get("devstack")),
                optionalPath(values.get("context")), positive(values, "runs"), warmup(values),
                positive(values, "raw-records"), positive(values, "samples"), positive(values, "workouts"),
                positive(values, "clients"), positive(values, "batch"), atLeastZero(values, "direct-samples"),
                Double.parseDouble(values.get("latency-percent")), atLeastZero(values, "latency-rate"),
                positive(values, "latency-batch"), positive(values, "latency-seconds"),
                optionalPath(values.get("jfr")), outOrNext(values.get("out")));
        if (options.samples() < options.workouts() || options.directSamples() > 0
                && options.directSamples() < options.workouts()) {
            throw new IllegalArgumentException("--samples and --direct-samples need at least one per workout");
        }
        return options;
    }

    /** Latency runs use four workouts per client, each client's requests spread evenly over time. */
    int latencyWorkouts() {
        return clients * 4;
    }

    /** {@code --name value} pairs over their defaults; an unknown name or a missing value is refused. */
    static Map<String, String> values(Map<String, String> defaults, String... args) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!args[i].startsWith("--") || !values.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i] + "; options: "
                        + String.join(", ", defaults.keySet()));
            }
            values.put(name, args[i + 1]);
        }
        return values;
    }

    private static Warmup warmup(Map<String, String> values) {
        int minimum = atLeastZero(values, "warmup-passes");
        int maximum = atLeastZero(values, "max-warmup-passes");
        double tolerance = Double.parseDouble(values.get("steady-percent"));
        if (maximum < minimum || tolerance <= 0) {
            throw new IllegalArgumentException(
                    "--max-warmup-passes must be at least --warmup-passes, --steady-percent above 0");
        }
        return new Warmup(minimum, maximum, tolerance);
    }

    static int positive(Map<String, String> values, String name) {
        long value = Long.parseLong(values.get(name));
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + " must be a positive number");
        }
        return (int) value;
    }

    static int atLeastZero(Map<String, String> values, String name) {
        long value = Long.parseLong(values.get(name));
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + " must be 0 or more");
        }
        return (int) value;
    }

    static Optional<Path> optionalPath(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private static Path outOrNext(String value) {
        return outOrNext(value, "live-tracking");
    }

    /** The given report path, or the first of {@code <date>-<scenario>.md}, {@code …-2.md}, … that is free. */
    static Path outOrNext(String value, String scenario) {
        if (!value.isEmpty()) {
            return Path.of(value);
        }
        String stem = "benchmarks/results/" + LocalDate.now() + "-" + scenario;
        Path out = Path.of(stem + ".md");
        for (int n = 2; Files.exists(out); n++) {
            out = Path.of(stem + "-" + n + ".md");
        }
        return out;
    }
}
