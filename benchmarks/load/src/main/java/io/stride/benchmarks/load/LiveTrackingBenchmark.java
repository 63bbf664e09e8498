package io.stride.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The live-tracking benchmark's driver, run by {@code ./stride bench} against the platform it started (or by hand
 * against a running one): unmeasured passes of the {@link Scenario} until its rates are steady ({@link Warmup}), then
 * {@code --runs} measured ones, and a report of their medians and spread ({@link Report}). Options: {@link Options}; what each pass
 * measures: {@link Scenario}; how to read the results: {@code benchmarks/README.md}.
 */
public final class LiveTrackingBenchmark {

    private LiveTrackingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Platform platform = Platform.read(options);
        MachineLoad machine = new MachineLoad(platform.pids());
        Scenario scenario = new Scenario(options, platform, machine);
        // a freshly started platform spends its first minutes compiling: measure its steady state
        List<Pass> unmeasured = new ArrayList<>();
        while (options.warmup().another(unmeasured)) {
            unmeasured.add(scenario.run("unmeasured pass " + (unmeasured.size() + 1) + " (at most "
                    + options.warmup().maximum() + ")"));
        }
        List<Pass> passes = new ArrayList<>();
        try (Recordings ignored = options.jfr().isPresent()
                ? Recordings.start(options.jfr().get(), platform.pids()) : null) {
            for (int pass = 1; pass <= options.runs(); pass++) {
                passes.add(scenario.run("pass " + pass + " of " + options.runs()));
            }
        }
        Path out = options.out();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Report.markdown(options, platform, machine, unmeasured, passes));
        Scenario.log("report written to %s", out);
    }
}
