package io.stride.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's PostgreSQL through its own clients, {@code psql} and {@code pgbench} (PostgreSQL 17's, on the
 * PATH), with the devstack's address and credentials.
 */
record Postgres(String host, String port, String user, String password, String database) {

    static Postgres of(Platform platform) {
        return new Postgres(platform.address("POSTGRES_HOST"), platform.address("POSTGRES_PORT"),
                platform.address("POSTGRES_USER"), platform.address("POSTGRES_PASSWORD"),
                platform.address("POSTGRES_DB"));
    }

    /** Runs SQL with psql (stops at the first error); its output. */
    String psql(String sql) throws IOException, InterruptedException {
        return run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-c", sql));
    }

    /** Runs a client program (psql, pgbench) against this database; its output, or a failure with it. */
    String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(arguments);
        command.addAll(List.of("-h", host, "-p", port, "-U", user, database));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(arguments.getFirst() + " failed: " + out.strip());
        }
        return out;
    }
}
