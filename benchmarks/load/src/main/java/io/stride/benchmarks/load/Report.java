package io.stride.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.stride.benchmarks.load.MachineLoad.Measured;
import io.stride.benchmarks.load.MachineLoad.Usage;

/**
 * The results file of one run (style §17): what ran where and how to run it again, the targets' figures as medians
 * of the measured passes with their spread, every figure of every pass, and what the machine was doing meanwhile.
 */
final class Report {

    /** Targets (issue 11), stated against the raw Kafka ceiling measured in the same pass. */
    static final double END_TO_END_TARGET_PERCENT = 40;
    static final double PROCESSOR_ALONE_TARGET_PERCENT = 75;
    static final long P99_TARGET_MILLIS = 250;

    private final Options options;
    private final Platform platform;
    private final MachineLoad machine;
    private final List<Pass> unmeasured;
    private final List<Pass> passes;
    private final StringBuilder out = new StringBuilder();

    private Report(Options options, Platform platform, MachineLoad machine, List<Pass> unmeasured,
            List<Pass> passes) {
        this.options = options;
        this.platform = platform;
        this.machine = machine;
        this.unmeasured = unmeasured;
        this.passes = passes;
    }

    static String markdown(Options options, Platform platform, MachineLoad machine, List<Pass> unmeasured,
            List<Pass> passes) {
        return new Report(options, platform, machine, unmeasured, passes).write();
    }

    private String write() {
        line("# Live tracking benchmark (%s)", LocalDate.now());
        line("");
        line("%d measured pass%s of the scenario on one platform, after %d unmeasured; each figure is the median of"
                + " the measured passes, with their range. Every ratio divides by the raw Kafka produce ceiling"
                + " measured in the same pass, on the same machine and under the same CPU limit. How to read it:"
                + " [`benchmarks/README.md`](../README.md).", passes.size(), passes.size() == 1 ? "" : "es",
                unmeasured.size());
        line("");
        warmup();
        line("Reproduce: `%s`", platform.fact("command").orElse("(the driver alone, see benchmarks/live-tracking/README.md)"));
        line("");
        setup();
        targets();
        figures();
        machineLoad();
        return out.toString();
    }

    /** The unmeasured passes' rates, and whether they had settled before the measured ones began. */
    private void warmup() {
        if (unmeasured.isEmpty()) {
            line("Warm-up: none (`--warmup-passes 0`): the measured passes include a fresh platform's first minutes.");
            line("");
            return;
        }
        Warmup warmup = options.warmup();
        String verdict = warmup.steady(unmeasured)
                ? String.format(Locale.ROOT, "steady: the last two agree within %s %%", number(warmup.tolerancePercent()))
                : unmeasured.size() < 2
                        ? "a single pass, not compared"
                        : String.format(Locale.ROOT, "**not steady after %d** (the last two differ by more than %s %%):"
                                + " the first measured passes may still be warming up", unmeasured.size(),
                                number(warmup.tolerancePercent()));
        line("Warm-up: %d unmeasured pass%s, %s. End to end %s samples/s%s.", unmeasured.size(),
                unmeasured.size() == 1 ? "" : "es", verdict,
                joined(unmeasured, pass -> pass.endToEnd().value().reflectedPerSecond()),
                unmeasured.getFirst().processorAlone().isPresent()
                        ? "; processor alone " + joined(unmeasured,
                                pass -> pass.processorAlone().orElseThrow().value().reflectedPerSecond())
                                + " samples/s"
                        : "");
        line("");
    }

    private static String joined(List<Pass> passes, Function<Pass, Double> figure) {
        return String.join(" → ", passes.stream()
                .map(pass -> String.format(Locale.ROOT, "%,.0f", figure.apply(pass))).toList());
    }

    private void setup() {
        line("| | |");
        line("|---|---|");
        line("| commit | `%s`%s |", platform.fact("commit").orElseGet(() -> git("rev-parse", "--short", "HEAD")),
                platform.fact("checkout").map(checkout -> " (checkout `" + checkout + "`)").orElse(""));
        line("| platform | %s |", platform.fact("data").orElse("as found at " + platform.gateway()));
        line("| CPU | %s, %d cores online; %s |", cpuModel(), onlineCpus(),
                machine.allowedCpuCount() < onlineCpus()
                        ? "**limited to CPU " + machine.allowedCpuList() + "** (" + machine.allowedCpuCount() + " core"
                                + (machine.allowedCpuCount() > 1 ? "s" : "") + "; taskset): the platform, the driver and"
                                + " the raw ceiling alike"
                        : "no CPU limit");
        line("| memory | %s; everything (Kafka, Apicurio, PostgreSQL, Redis, the apps and this driver) on this machine |",
                memory());
        line("| versions | Java %s, Kafka 4.1.2 (KRaft, 1 broker), Quarkus 3.33.2, Apicurio Registry 3.3.3 |",
                System.getProperty("java.version"));
        line("| parameters | raw records %,d × 220 B; end to end %,d samples, %d workouts, %d clients, batches of %d;"
                        + " latency at %s %% of the ceiling and at %,d samples/s, %d s each, batches of %d; processor"
                        + " alone %,d samples |",
                options.rawRecords(), options.samples(), options.workouts(), options.clients(), options.batch(),
                number(options.latencyPercent()), options.latencyRate(), options.latencySeconds(),
                options.latencyBatch(), options.directSamples());
        line("");
    }

    private void targets() {
        line("## Targets");
        line("");
        line("| figure | median | spread (min–max) | target | |");
        line("|---|---|---|---|---|");
        Spread endToEnd = spread(Pass::endToEndPercent);
        line("| end to end / raw ceiling | %.1f %% | %.1f–%.1f %% | ≥ %.0f %% | %s |", endToEnd.median(), endToEnd.min(),
                endToEnd.max(), END_TO_END_TARGET_PERCENT, met(endToEnd.median() >= END_TO_END_TARGET_PERCENT));
        optionalSpread(pass -> pass.processorAlonePercent()).ifPresent(alone -> line(
                "| processor alone / raw ceiling | %.1f %% | %.1f–%.1f %% | ≥ %.0f %% | %s |", alone.median(),
                alone.min(), alone.max(), PROCESSOR_ALONE_TARGET_PERCENT,
                met(alone.median() >= PROCESSOR_ALONE_TARGET_PERCENT)));
        Spread p99 = spread(pass -> (double) pass.relativeLatency().value().p99());
        Spread rate = spread(pass -> pass.relativeLatency().value().offeredRate());
        line("| device → live state p99 at %s %% of the ceiling (%,.0f samples/s) | %.0f ms | %.0f–%.0f ms | ≤ %d ms |"
                        + " %s |", number(options.latencyPercent()), rate.median(), p99.median(), p99.min(), p99.max(),
                P99_TARGET_MILLIS, met(p99.median() <= P99_TARGET_MILLIS));
        line("");
    }

    private void figures() {
        line("## Every figure");
        line("");
        StringBuilder header = new StringBuilder("| figure | median | min–max |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (int i = 1; i <= passes.size(); i++) {
            header.append(" pass ").append(i).append(" |");
            rule.append("---|");
        }
        line("%s", header);
        line("%s", rule);
        row("raw Kafka produce ceiling (records/s)", "%,.0f", Pass::ceiling);
        row("gateway accepted (samples/s, HTTP 202)", "%,.0f", pass -> pass.endToEnd().value().acceptedPerSecond());
        row("**end to end** (samples/s, posted → committed live state)", "%,.0f",
                pass -> pass.endToEnd().value().reflectedPerSecond());
        row("**end to end / raw ceiling** (%)", "%.1f", Pass::endToEndPercent);
        row("batches refused with 429", "%,.0f", pass -> (double) pass.endToEnd().value().rateLimited());
        if (passes.getFirst().processorAlone().isPresent()) {
            row("**processor alone** (samples/s, produced → committed live state)", "%,.0f",
                    pass -> pass.processorAlone().orElseThrow().value().reflectedPerSecond());
            row("**processor alone / raw ceiling** (%)", "%.1f", pass -> pass.processorAlonePercent().orElseThrow());
            row("processor alone: produced at (samples/s)", "%,.0f",
                    pass -> pass.processorAlone().orElseThrow().value().producedPerSecond());
        }
        latencyRows(number(options.latencyPercent()) + " % of the ceiling", Pass::relativeLatency);
        if (passes.getFirst().fixedLatency().isPresent()) {
            latencyRows(String.format(Locale.ROOT, "%,d samples/s", options.latencyRate()),
                    pass -> pass.fixedLatency().orElseThrow());
        }
        line("");
        line("Latency runs from posting a batch to the first committed `workouts.live-state` record that includes its"
                + " last sample (the first 3 s of each run are not measured); the offered load is open loop.");
        line("");
    }

    private void latencyRows(String load, Function<Pass, Measured<Latency>> latency) {
        row("latency at " + load + ": offered (samples/s)", "%,.0f", pass -> latency.apply(pass).value().offeredRate());
        row("latency at " + load + ": achieved (samples/s)", "%,.0f",
                pass -> latency.apply(pass).value().achievedRate());
        row("latency at " + load + ": p50 (ms)", "%,.0f", pass -> (double) latency.apply(pass).value().p50());
        row("**latency at " + load + ": p99** (ms)", "%,.0f", pass -> (double) latency.apply(pass).value().p99());
        row("latency at " + load + ": max (ms)", "%,.0f", pass -> (double) latency.apply(pass).value().max());
    }

    private void machineLoad() {
        line("## What the machine was doing");
        line("");
        line("From `/proc` over each phase, on the CPU(s) the run may use (%s): busy, stolen by the hypervisor and idle"
                + " waiting for I/O, in %% of their time; then the cores (CPU time / wall time) used by the platform's"
                + " processes, by this driver (with ProducerPerformance) and by everything else on those CPUs. Each"
                + " phase starts once the platform has settled (below %.2f cores over a second, at most %d s): the"
                + " seconds that took.", machine.allowedCpuList(), MachineLoad.SETTLED_CORES,
                MachineLoad.MAX_SETTLE_SECONDS);
        line("");
        line("| pass | phase | settle s | s | busy | steal | iowait | platform | driver | others |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < passes.size(); i++) {
            Pass pass = passes.get(i);
            String name = Integer.toString(i + 1);
            usage(name, "raw ceiling", pass.raw());
            usage(name, "end to end", pass.endToEnd());
            usage(name, "latency " + number(options.latencyPercent()) + " %", pass.relativeLatency());
            pass.fixedLatency().ifPresent(fixed -> usage(name, "latency fixed", fixed));
            pass.processorAlone().ifPresent(alone -> usage(name, "processor alone", alone));
            usage(name, "**whole pass**", "", pass.whole());
        }
        line("");
        cpuPerItem();
        line("Busiest processes outside the run, per pass:");
        for (int i = 0; i < passes.size(); i++) {
            line("- pass %d: %s", i + 1, passes.get(i).topOthers().isEmpty() ? "none"
                    : String.join("; ", passes.get(i).topOthers()));
        }
    }

    /**
     * CPU time per record or sample, by process: what the ratios hide. A change (or a scarcer CPU) that makes a process
     * spend more per sample shows here whatever the machine's speed; a ratio that falls while these stay put is a
     * matter of how the work overlaps on the cores.
     */
    private void cpuPerItem() {
        line("CPU time per item by process, in µs (median over the passes; CPU time of the phase divided by its"
                + " records or samples): the raw ceiling per record, end to end and processor alone per sample.");
        line("");
        line("| process | raw ceiling | end to end | processor alone |");
        line("|---|---|---|---|");
        for (String name : passes.getFirst().endToEnd().usage().processCores().keySet()) {
            perItemRow(name, usage -> usage.processCores().getOrDefault(name, 0.0));
        }
        perItemRow("driver (with ProducerPerformance)", Usage::driverCores);
        perItemRow("**platform**", Usage::platformCores);
        line("");
    }

    /** One row of that table: the CPU time per item of {@code cores} in each phase that counts items. */
    private void perItemRow(String label, Function<Usage, Double> cores) {
        line("| %s | %s | %s | %s |", label, perItem(Pass::raw, options.rawRecords(), cores),
                perItem(Pass::endToEnd, options.samples(), cores),
                perItem(pass -> pass.processorAlone().orElse(null), options.directSamples(), cores));
    }

    private String perItem(Function<Pass, Measured<?>> phase, long items, Function<Usage, Double> cores) {
        List<Double> values = new ArrayList<>();
        for (Pass pass : passes) {
            Measured<?> measured = phase.apply(pass);
            if (measured != null && items > 0) {
                values.add(measured.usage().microsPerItem(cores.apply(measured.usage()), items));
            }
        }
        return values.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", Spread.of(values).median());
    }

    private void usage(String pass, String phase, Measured<?> measured) {
        usage(pass, phase, String.format(Locale.ROOT, "%.0f", measured.settleSeconds()), measured.usage());
    }

    private void usage(String pass, String phase, String settle, Usage usage) {
        line("| %s | %s | %s | %.0f | %.0f %% | %.1f %% | %.1f %% | %.2f | %.2f | %.2f |", pass, phase, settle,
                usage.seconds(), usage.busyPercent(), usage.stealPercent(), usage.iowaitPercent(),
                usage.platformCores(), usage.driverCores(), usage.otherCores());
    }

    private void row(String figure, String format, Function<Pass, Double> value) {
        Spread spread = spread(value);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | " + format + " | " + format + "–"
                + format + " |", figure, spread.median(), spread.min(), spread.max()));
        for (Pass pass : passes) {
            row.append(String.format(Locale.ROOT, " " + format + " |", value.apply(pass)));
        }
        line("%s", row);
    }

    private Spread spread(Function<Pass, Double> value) {
        return Spread.of(passes.stream().map(value).toList());
    }

    private Optional<Spread> optionalSpread(Function<Pass, Optional<Double>> value) {
        List<Double> values = new ArrayList<>();
        for (Pass pass : passes) {
            value.apply(pass).ifPresent(values::add);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(Spread.of(values));
    }

    static String met(boolean met) {
        return met ? "met" : "**missed**";
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static int onlineCpus() {
        return (int) lines(Path.of("/proc/stat")).stream().filter(line -> line.matches("cpu\\d+ .*")).count();
    }

    /**
     * The CPU's model and the instruction-set features that change what the platform's work costs: machines that
     * report the same model (a cloud's "AMD EPYC") differ in them, and with them in the cost of sealing and opening
     * (AES-GCM: AES-NI, and vectorised with VAES and VPCLMULQDQ) and of the JIT's vector code (AVX2, AVX-512).
     */
    static String cpuModel() {
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown CPU");
        return model + " (" + cpuFeatures(cpuinfo) + ")";
    }

    /** Which of the features {@link #cpuModel()} names the first processor of {@code cpuinfo} has. */
    static String cpuFeatures(List<String> cpuinfo) {
        Set<String> flags = cpuinfo.stream()
                .filter(line -> line.startsWith("flags"))
                .findFirst()
                .map(line -> Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")))
                .orElse(Set.of());
        List<String> present = Stream.of("aes", "vaes", "vpclmulqdq", "avx2", "avx512f").filter(flags::contains)
                .toList();
        return present.isEmpty() ? "none of aes, vaes, vpclmulqdq, avx2, avx512f" : String.join(" ", present);
    }

    static String memory() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> String.format(Locale.ROOT, "%.0f GiB",
                        Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst()
                .orElse("unknown memory");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
