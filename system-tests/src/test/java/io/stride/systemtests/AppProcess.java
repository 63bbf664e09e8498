package io.stride.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.stride.testing.Devstack;

/** One packaged Stride app started as its own JVM process, as production runs it. */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final Process process;
    private final Path log;
    final int port;

    private AppProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code <root>/<module>/target/quarkus-app/quarkus-run.jar} on a free port with the devstack's addresses
     * in its environment, and waits until its readiness check answers 200.
     */
    static AppProcess start(Path root, String module, List<String> properties,
            Path workDir) throws IOException {
        AppProcess app = spawn(root, module, properties, workDir);
        app.awaitReady();
        return app;
    }

    /** Like {@link #start} without waiting for readiness: for a test that acts while the app starts. */
    static AppProcess spawn(Path root, String module, List<String> properties,
            Path workDir) throws IOException {
        String name = module.substring(module.lastIndexOf('/') + 1);
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the app first (./mvnw package)");
        }
        int port = freePort();
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Devstack.addresses());
        // Packaged apps run in the prod profile; on the local platform they register their schemas themselves.
        builder.environment().put("SCHEMA_AUTO_REGISTER", "true");
        builder.environment().put("STRIDE_STATE_DIR", workDir.resolve(name + "-state").toString());
        // no trace collector here: nothing sampled, nothing to export (logs keep their trace ids), as in ./stride up
        builder.environment().put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0");
        return new AppProcess(name, builder.start(), log, port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The app's console output. */
    Path log() {
        return log;
    }

    /** Waits until the readiness check answers 200; fails when the process exits. */
    void awaitReady() {
        await("readiness of " + name + " (log: " + log + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited, see " + log, () -> !process.isAlive())
                .until(this::ready);
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL, as a crashed node or an OOM kill: no shutdown hook, no clean close of Kafka clients. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
