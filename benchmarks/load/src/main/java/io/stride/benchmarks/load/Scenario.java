package io.stride.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.stride.benchmarks.load.MachineLoad.Measured;
import io.stride.benchmarks.load.MachineLoad.Snapshot;
import io.stride.platform.kafka.UserKeyring;

/**
 * One pass of the scenario on the running platform, in this order: the raw Kafka produce ceiling; the end-to-end
 * rate; latency at a share of that ceiling, then at a fixed rate, on the platform in its steady state; last the
 * processor alone, which floods the topic. Every pass has its own workouts, devices and athletes, registered after
 * the ceiling is measured (the relative latency run's workouts need its rate).
 */
final class Scenario {

    private final Options options;
    private final Platform platform;
    private final MachineLoad machine;
    private final GatewayClient gateway;

    Scenario(Options options, Platform platform, MachineLoad machine) {
        this.options = options;
        this.platform = platform;
        this.machine = machine;
        this.gateway = new GatewayClient(platform.gateway());
    }

    Pass run(String name) throws Exception {
        Snapshot start = machine.snapshot();
        log("%s: raw Kafka produce ceiling, %,d records", name, options.rawRecords());
        Measured<RawCeiling> raw = machine.during(() -> RawCeiling.measure(platform, options.rawRecords()));
        log("%s: raw ceiling %,.0f records/s (platform settled in %.0f s)", name, raw.value().recordsPerSecond(),
                raw.settleSeconds());

        double relativeRate = raw.value().recordsPerSecond() * options.latencyPercent() / 100;
        long perWorkout = options.samples() / options.workouts();
        long perDirectWorkout = options.directSamples() / options.workouts();
        List<Workload> endToEnd = workloads(0, options.workouts(), perWorkout);
        List<Workload> relative = workloads(1000, options.latencyWorkouts(), perLatencyWorkout(relativeRate));
        List<Workload> fixed = workloads(1500, options.latencyRate() > 0 ? options.latencyWorkouts() : 0,
                perLatencyWorkout(options.latencyRate()));
        List<Workload> direct = workloads(2000, options.directSamples() > 0 ? options.workouts() : 0,
                perDirectWorkout);
        List<Workload> all = Stream.of(endToEnd, relative, fixed, direct).flatMap(List::stream).toList();
        log("%s: registering %d devices and athletes", name, all.size());
        UserKeyring keyring = Fixtures.register(platform, gateway, all);

        log("%s: end to end, %,d samples, %d workouts, %d clients, batches of %d", name, perWorkout * endToEnd.size(),
                endToEnd.size(), options.clients(), options.batch());
        Measured<EndToEnd> e2e = machine.during(() -> EndToEnd.measure(platform, gateway, endToEnd, perWorkout,
                options.clients(), options.batch()));
        log("%s: gateway accepted %,.0f samples/s, in live state %,.0f samples/s (%.1f %% of the ceiling)", name,
                e2e.value().acceptedPerSecond(), e2e.value().reflectedPerSecond(),
                e2e.value().reflectedPerSecond() / raw.value().recordsPerSecond() * 100);

        Measured<Latency> relativeLatency = latency(name, relative, relativeRate);
        Optional<Measured<Latency>> fixedLatency = Optional.empty();
        if (!fixed.isEmpty()) {
            fixedLatency = Optional.of(latency(name, fixed, options.latencyRate()));
        }

        Optional<Measured<ProcessorAlone>> processorAlone = Optional.empty();
        if (!direct.isEmpty()) {
            log("%s: processor alone, %,d samples produced to Kafka", name, perDirectWorkout * direct.size());
            processorAlone = Optional.of(machine.during(() -> ProcessorAlone.measure(platform, keyring, direct,
                    perDirectWorkout, options.batch())));
            log("%s: produced %,.0f samples/s, in live state %,.0f samples/s (%.1f %% of the ceiling)", name,
                    processorAlone.get().value().producedPerSecond(), processorAlone.get().value().reflectedPerSecond(),
                    processorAlone.get().value().reflectedPerSecond() / raw.value().recordsPerSecond() * 100);
        }
        Snapshot end = machine.snapshot();
        return new Pass(raw, e2e, relativeLatency, fixedLatency, processorAlone, machine.between(start, end),
                machine.topOthers(start, end, 3));
    }

    private Measured<Latency> latency(String name, List<Workload> workloads, double rate) throws Exception {
        log("%s: latency at %,.0f samples/s for %d s", name, rate, options.latencySeconds());
        Measured<Latency> latency = machine.during(() -> Latency.measure(platform, gateway, workloads,
                options.clients(), rate, options.latencyBatch(), options.latencySeconds()));
        log("%s: p50 %d ms, p99 %d ms, max %d ms over %d batches (achieved %,.0f samples/s; settled in %.0f s)",
                name, latency.value().p50(), latency.value().p99(), latency.value().max(), latency.value().batches(),
                latency.value().achievedRate(), latency.settleSeconds());
        return latency;
    }

    /** Samples each latency workout sends at {@code rate}: places its first sample far enough in the past. */
    private long perLatencyWorkout(double rate) {
        return (long) (rate * options.latencySeconds() / options.latencyWorkouts()) + options.latencyBatch();
    }

    private static List<Workload> workloads(int firstIndex, int count, long samplesEach) {
        List<Workload> workloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            workloads.add(new Workload(firstIndex + i, samplesEach));
        }
        return workloads;
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }
}
