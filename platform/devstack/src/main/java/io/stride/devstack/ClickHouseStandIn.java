package io.stride.devstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import io.stride.devstack.clickhouse.ClickHouseHttpServer;

/**
 * The ClickHouse server STAND-IN: {@link ClickHouseHttpServer}, our small server of ClickHouse's HTTP interface, in
 * a JVM of its own, in front of the real ClickHouse engine (chDB's {@code libchdb.so}, installed once from npm by
 * {@link ChdbLibrary}). The engine, its SQL, table engines and formats are ClickHouse's; the server process is not
 * clickhouse-server (no replication, users, HTTP sessions or native compression; see ADR 0014). Data stays in
 * {@code data/clickhouse} across restarts. A native crash of the engine ends only this process.
 */
final class ClickHouseStandIn implements ManagedServer {

    static final String NAME = "clickhouse-stand-in";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Layout layout;
    private final Ports ports;
    private final BuildInfo build;
    private final Progress progress;
    private final BooleanSupplier aborted;
    private final ChildJvm.Handle jvm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ClickHouseStandIn(Layout layout, Ports ports, BuildInfo build, PidFiles pids, Progress progress,
            BooleanSupplier aborted) {
        this.layout = layout;
        this.ports = ports;
        this.build = build;
        this.progress = progress;
        this.aborted = aborted;
        this.jvm = new ChildJvm.Handle(NAME, pids);
    }

    /** The HTTP interface's base URL. */
    static String url(int port) {
        return "http://" + Ports.HOST + ":" + port;
    }

    /**
     * The JDBC URL for clickhouse-jdbc (jdbc-v2): database {@code default}; {@code compress=false} because the
     * stand-in does not speak ClickHouse's LZ4 framing of compressed responses.
     */
    static String jdbcUrl(int port) {
        return "jdbc:clickhouse:" + url(port) + "/default?compress=false";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ClickHouse server STAND-IN (HTTP interface) on the real ClickHouse engine (chDB " + build.chdbVersion()
                + ")";
    }

    @Override
    public String endpoint() {
        return url(ports.clickhouse());
    }

    @Override
    public Path logFile() {
        return layout.log(NAME);
    }

    @Override
    public void start() throws Exception {
        Files.deleteIfExists(logFile());
        Path library = ChdbLibrary.ensureInstalled(layout.install(), build.chdbVersion(), build.chdbIntegrity(),
                logFile(), progress);
        Path dataDir = layout.data("clickhouse");
        Files.createDirectories(dataDir);
        String mainClass = ClickHouseHttpServer.class.getName();
        List<String> jvmOptions = List.of("-Xms16m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                // a crash of the engine (native code) leaves its report beside the log, not among the data
                "-XX:ErrorFile=" + layout.logs().resolve(NAME + "-hs_err_pid%p.log"),
                "-cp", ownClasspath());
        List<String> arguments = List.of(mainClass, "--port", Integer.toString(ports.clickhouse()),
                "--path", dataDir.toString(), "--library", library.toString());
        Process process = jvm.launch(layout.dir(), jvmOptions, arguments, dataDir, logFile(),
                List.of(mainClass, ChildJvm.marker(layout.dir())));
        HttpRequest ping = HttpRequest.newBuilder(URI.create(endpoint() + "/ping"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Await.until("Ok. from " + endpoint() + "/ping", START_TIMEOUT, process, aborted,
                () -> "Ok.\n".equals(http.send(ping, HttpResponse.BodyHandlers.ofString()).body()));
        HttpRequest select = HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1"))
                .build();
        HttpResponse<String> answer = http.send(select, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !"1\n".equals(answer.body())) {
            throw new IllegalStateException("SELECT 1 answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /**
     * The stand-in needs only the JDK and its own classes: the devstack's jar (or its classes directory in a build),
     * wherever the devstack runs from.
     */
    private static String ownClasspath() throws URISyntaxException {
        return Path.of(ClickHouseHttpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
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
