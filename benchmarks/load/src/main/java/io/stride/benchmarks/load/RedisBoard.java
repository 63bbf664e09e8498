package io.stride.benchmarks.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaderboards benchmark's baseline: the same board as a Redis sorted set in the devstack's Redis (member
 * {@code a:<12-digit index>}, score the athlete's value), read by {@code redis-benchmark} (Debian's
 * {@code redis-tools}) with its own client, 50 connections, as fast as Redis answers: the ceiling of the usual
 * answer to a leaderboard, measured on the same machine in the same run.
 */
final class RedisBoard {

    /** Members are this prefix and the athlete's index, zero-padded as {@code redis-benchmark}'s {@code __rand_int__}. */
    static final String MEMBER_PREFIX = "a:";
    static final int CLIENTS = 50;
    static final int REQUESTS = 200_000;

    private final String host;
    private final int port;
    private final String key;
    private final boolean installed = installed("redis-cli") && installed("redis-benchmark");

    RedisBoard(String redisUrl, String key) {
        URI uri = URI.create(redisUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.key = key;
        if (!installed) {
            LeaderboardsBenchmark.log("redis-cli or redis-benchmark not found: no Redis baseline"
                    + " (apt-get install -y redis-tools)");
        }
    }

    private static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static String member(int index) {
        return MEMBER_PREFIX + String.format("%012d", index);
    }

    /** Removes the sorted set. */
    void clear() throws IOException, InterruptedException {
        if (!installed) {
            return;
        }
        run(List.of("redis-cli", "-h", host, "-p", String.valueOf(port), "DEL", key), null);
    }

    /** Adds members {@code from} to {@code to} (exclusive) with their values, through {@code redis-cli --pipe}. */
    void add(long[] values, int from, int to) throws IOException, InterruptedException {
        if (!installed) {
            return;
        }
        run(List.of("redis-cli", "-h", host, "-p", String.valueOf(port), "--pipe"), in -> {
            for (int i = from; i < to; i++) {
                command(in, "ZADD", key, Long.toString(values[i]), member(i));
            }
        });
    }

    /**
     * {@code redis-benchmark} running {@code command} {@link #REQUESTS} times ({@code __rand_int__} an index below
     * {@code size}); NaN figures when {@code redis-tools} is not installed.
     */
    LeaderboardsBenchmark.RedisRun benchmark(String name, int size, String... command)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", String.valueOf(port),
                "-c", String.valueOf(CLIENTS), "-n", String.valueOf(REQUESTS), "-r", String.valueOf(size), "--csv"));
        args.addAll(List.of(command));
        if (!installed) {
            return new LeaderboardsBenchmark.RedisRun("not measured (redis-tools not installed)", Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        return parse(name, run(args, null));
    }

    /** The figures of {@code redis-benchmark --csv}: rps, then p50, p99 and max latency in milliseconds. */
    static LeaderboardsBenchmark.RedisRun parse(String name, String csv) {
        String[] header = null;
        for (String line : csv.strip().split("\n")) {
            String[] fields = line.strip().replace("\"", "").split(",");
            if (header == null) {
                header = fields;
                continue;
            }
            return new LeaderboardsBenchmark.RedisRun(name, field(header, fields, "rps"),
                    field(header, fields, "p50_latency_ms"), field(header, fields, "p99_latency_ms"),
                    field(header, fields, "max_latency_ms"));
        }
        throw new IllegalStateException("redis-benchmark answered no figures: " + csv);
    }

    private static double field(String[] header, String[] fields, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return Double.parseDouble(fields[i]);
            }
        }
        throw new IllegalStateException("redis-benchmark's CSV has no " + name);
    }

    @FunctionalInterface
    private interface Input {
        void write(OutputStream in) throws IOException;
    }

    private static void command(OutputStream out, String... parts) throws IOException {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} with {@code input} on its stdin; its stdout, or IOException when it fails. */
    private static String run(List<String> args, Input input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        try (OutputStream in = new BufferedOutputStream(process.getOutputStream(), 1 << 20)) {
            if (input != null) {
                input.write(in);
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", args.subList(0, Math.min(args.size(), 2))) + " exited with "
                    + process.exitValue() + ": " + output.strip());
        }
        return output;
    }
}
