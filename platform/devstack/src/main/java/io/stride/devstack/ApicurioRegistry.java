package io.stride.devstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Apicurio Registry 3 (the real server, from its Maven Central distribution) in its own JVM. The distribution is
 * unpacked once into the install directory and reused. Storage is its SQL store on an H2 file under
 * {@code data/apicurio}, so schema ids stay valid for the records kept in Kafka across restarts.
 */
final class ApicurioRegistry implements ManagedServer {

    static final String NAME = "apicurio";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Layout layout;
    private final Ports ports;
    private final BuildInfo build;
    private final BooleanSupplier aborted;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ChildJvm.Handle jvm;

    ApicurioRegistry(Layout layout, Ports ports, BuildInfo build, PidFiles pids, BooleanSupplier aborted) {
        this.layout = layout;
        this.ports = ports;
        this.build = build;
        this.jvm = new ChildJvm.Handle(NAME, pids);
        this.aborted = aborted;
    }

    /** The v3 REST API base URL, as apps configure it. */
    static String apiUrl(int port) {
        return "http://" + Ports.HOST + ":" + port + "/apis/registry/v3";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Apicurio Registry " + build.apicurioVersion() + " (SQL storage on H2 file)";
    }

    @Override
    public String endpoint() {
        return apiUrl(ports.apicurio());
    }

    @Override
    public Path logFile() {
        return layout.log(NAME);
    }

    /** Where this version is unpacked. */
    Path installation() {
        return layout.install().resolve("apicurio-registry-" + build.apicurioVersion());
    }

    @Override
    public void start() throws Exception {
        Path runner = install().resolve("quarkus-run.jar");
        Path dataDir = layout.data(NAME);
        Files.createDirectories(dataDir);
        Files.deleteIfExists(logFile());
        List<String> jvmOptions = List.of(
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.host=" + Ports.HOST,
                "-Dquarkus.http.port=" + ports.apicurio(),
                // The management interface (health, metrics) is on by default on port 9000: loopback, any free port.
                "-Dquarkus.management.host=" + Ports.HOST,
                "-Dquarkus.management.port=0",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.resolve("registry").toAbsolutePath(),
                // Local only: let developers and tests delete what they registered.
                "-Dapicurio.rest.deletion.group.enabled=true",
                "-Dapicurio.rest.deletion.artifact.enabled=true",
                "-Dapicurio.rest.deletion.artifact-version.enabled=true");
        Process process = jvm.launch(layout.dir(), jvmOptions, List.of("-jar", runner.toString()), dataDir, logFile(),
                List.of(runner.toString(), ChildJvm.marker(layout.dir())));
        HttpRequest info = HttpRequest.newBuilder(URI.create(endpoint() + "/system/info"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Await.until("answer from " + endpoint() + "/system/info", START_TIMEOUT, process, aborted,
                () -> http.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** Unpacks the distribution on first use (into a temporary directory, then renamed: safe to share). */
    private Path install() throws IOException {
        Path target = installation();
        if (Files.exists(target.resolve("quarkus-run.jar"))) {
            return target;
        }
        Path dist = build.apicurioDist();
        if (!Files.isRegularFile(dist)) {
            throw new IllegalStateException("Apicurio Registry distribution not found at " + dist
                    + ": run ./mvnw -pl platform/devstack -am install -DskipTests");
        }
        Path temp = Files.createTempDirectory(layout.install(), ".apicurio-unpacking-");
        try {
            untar(dist, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException unpackedConcurrently) {
            Layout.deleteTree(temp);
        } catch (IOException | RuntimeException e) {
            Layout.deleteTree(temp);
            throw e;
        }
        return target;
    }

    static void untar(Path tarGz, Path target) throws IOException {
        try (InputStream file = Files.newInputStream(tarGz);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public OptionalLong pid() {
        return jvm.pid();
    }

    @Override
    public void stop() {
        jvm.stop();
    }
}
