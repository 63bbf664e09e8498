package io.stride.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** The results file of one run (style §17: commit, hardware, versions, parameters, throughput, latency). */
final class Report {

    private Report() {
    }

    static String markdown(LiveTrackingBenchmark.Options options, LiveTrackingBenchmark.RawCeiling raw,
            LiveTrackingBenchmark.EndToEnd endToEnd, LiveTrackingBenchmark.Direct direct,
            LiveTrackingBenchmark.Latency latency) {
        double share = endToEnd.reflectedPerSecond() / raw.recordsPerSecond() * 100;
        double directShare = direct.reflectedPerSecond() / raw.recordsPerSecond() * 100;
        return String.format(Locale.ROOT, """
                # Live tracking: ingest throughput and device → live-state latency (%s)

                Reproduce: `./stride bench` (benchmarks/live-tracking/run.sh: builds and starts `./stride up --devices 0`, runs
                `io.stride.benchmarks.load.LiveTrackingBenchmark`, stops the platform). End to end and processor alone
                end when every workout's last sample is in a committed `workouts.live-state` record.

                | | |
                |---|---|
                | commit | `%s` |
                | hardware | %d cores, %s memory (everything — Kafka, Apicurio, the three apps and this driver — on one machine) |
                | versions | Java %s, Kafka 4.1.2 (KRaft, 1 broker), Quarkus 3.33.2, Apicurio Registry 3.3.3 |
                | parameters | raw records %,d × 220 B; end to end %,d samples, %d workouts, %d clients, batches of %d; processor alone %,d samples; latency %,d samples/s in batches of %d for %d s; after %d unmeasured pass(es) of the whole scenario and, in each pass, an unmeasured warm-up of %,d samples |

                ## Results

                | measurement | value | target |
                |---|---|---|
                | raw Kafka produce ceiling (ProducerPerformance, acks=all, idempotent, lz4) | %,.0f records/s (%.1f MB/s, avg %.0f ms) | — |
                | gateway accepted (HTTP 202, Kafka-acknowledged) | %,.0f samples/s | — |
                | end to end (posted → in a committed live state) | %,.0f samples/s | ≥ 100,000 |
                | end to end / raw ceiling | %.1f %% | ≥ 30 %% |
                | batches refused with 429 (resent after `Retry-After`) | %d | — |
                | processor alone (produced to Kafka → in a committed live state) | %,.0f samples/s (produced at %,.0f/s) | — |
                | processor alone / raw ceiling | %.1f %% | — |
                | latency device → committed live state, p50 | %d ms | — |
                | latency p99 | %d ms | ≤ 250 ms |
                | latency max | %d ms | — |
                | load achieved during the latency run | %,.0f samples/s over %d measured batches | 20,000 |
                """,
                LocalDate.now(), git("rev-parse", "--short", "HEAD"), Runtime.getRuntime().availableProcessors(),
                memory(), System.getProperty("java.version"),
                options.rawRecords(), options.samples(), options.workouts(), options.clients(), options.batch(),
                options.directSamples(), options.latencyRate(), options.latencyBatch(), options.latencySeconds(),
                options.warmupPasses(), options.warmupSamples(), raw.recordsPerSecond(), raw.megabytesPerSecond(),
                raw.avgLatencyMillis(),
                endToEnd.acceptedPerSecond(), endToEnd.reflectedPerSecond(), share, endToEnd.rateLimited(),
                direct.reflectedPerSecond(), direct.producedPerSecond(), directShare,
                latency.p50(), latency.p99(), latency.max(), latency.achievedRate(), latency.batches());
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String git(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
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
