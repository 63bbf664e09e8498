package io.stride.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The raw Kafka produce ceiling of this machine, measured on the platform's broker in the same pass as the figures
 * compared with it: Kafka's own {@code ProducerPerformance} (a JVM of its own, under the same CPU limit as the
 * platform) sends {@code records} records of 220 bytes (an Avro telemetry sample's size) to a new topic of 12
 * partitions with acks=all, idempotence, lz4, linger 5 ms and 64 KB batches, as fast as it can.
 *
 * @param recordsPerSecond   the ceiling
 * @param megabytesPerSecond the same in MB/s
 * @param avgLatencyMillis   the producer's average acknowledgement latency
 */
record RawCeiling(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMillis) {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency");

    static RawCeiling measure(Platform platform, long records) throws Exception {
        String topic = "bench.raw-produce-" + Long.toHexString(System.nanoTime());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return parse(run(platform, topic, records));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String run(Platform platform, String topic, long records) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records),
                "--record-size", "220", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + platform.bootstrap(), "acks=all", "enable.idempotence=true", "linger.ms=5",
                "compression.type=lz4", "batch.size=65536");
        Process perf = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        perf.waitFor();
        return output;
    }

    /** The last summary line {@code ProducerPerformance} printed. */
    static RawCeiling parse(String output) {
        Matcher summary = null;
        for (String line : output.split("\n")) {
            Matcher matcher = SUMMARY.matcher(line);
            if (matcher.find()) {
                summary = matcher;
            }
        }
        if (summary == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return new RawCeiling(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
                Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)));
    }
}
