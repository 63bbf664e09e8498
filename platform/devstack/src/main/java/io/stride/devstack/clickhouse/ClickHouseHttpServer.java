package io.stride.devstack.clickhouse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The devstack's ClickHouse server STAND-IN: serves ClickHouse's HTTP interface, as far as clickhouse-jdbc uses it,
 * from the real ClickHouse engine (chDB's {@code libchdb.so} through FFM), with its data under one directory. It is
 * not clickhouse-server: one process, no replication, no users, no HTTP sessions, no native compression; the SQL, the
 * table engines and the formats are ClickHouse's own. Runs in a JVM of its own (JDK only, no dependencies), so that a
 * native crash of the engine takes only this process down.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp devstack.jar io.stride.devstack.clickhouse.ClickHouseHttpServer \
 *      --port 18123 --path DATA_DIR --library .../libchdb.so
 * </pre>
 *
 * Two connections to the engine: writes (and {@code SET}, DDL...) are serialised on one, reads on the other.
 * SIGTERM stops accepting requests, waits for the running ones, and closes the engine.
 */
public final class ClickHouseHttpServer {

    /** {@code X-ClickHouse-Server-Display-Name} of every answer: names the stand-in. */
    static final String DISPLAY_NAME = "stride-clickhouse-stand-in";

    private static final int WORKER_THREADS = 4;

    private ClickHouseHttpServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = -1;
        Path path = null;
        Path library = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--path" -> path = Path.of(args[i + 1]);
                case "--library" -> library = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port < 0 || path == null || library == null) {
            System.err.println("usage: ClickHouseHttpServer --port PORT --path DATA_DIR --library libchdb.so");
            System.exit(2);
        }
        long begin = System.nanoTime();
        Files.createDirectories(path);
        Chdb chdb = Chdb.load(library);
        // --implicit_select=0: a typo such as "SELEC 1" is a syntax error, not an implicit SELECT (clickhouse-local's)
        List<String> connectArgs = List.of("--path=" + path.toAbsolutePath(), "--implicit_select=0");
        Chdb.Connection writerConnection = chdb.connect(connectArgs);
        String engineVersion;
        String timezone;
        try (Chdb.Result about = writerConnection.query("SELECT version(), timezone()")) {
            if (about.error() != null) {
                throw new IllegalStateException("the engine does not answer: " + about.error());
            }
            String[] fields = about.text().strip().split("\t");
            engineVersion = fields[0];
            timezone = fields[1];
        }
        EngineSession writer = new EngineSession("writer", writerConnection);
        EngineSession reader = new EngineSession("reader", chdb.connect(connectArgs));
        String versionNote = "(version %s (chDB %s behind Stride's ClickHouse stand-in))".formatted(engineVersion,
                chdb.version());

        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS,
                Thread.ofPlatform().name("clickhouse-http-", 0).daemon().factory());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        server.createContext("/", new QueryHandler(writer, reader, timezone, versionNote));
        server.setExecutor(workers);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            server.stop(1);
            workers.shutdown();
            reader.close();
            writer.close();
            chdb.shutdown();
            log("stopped");
        }, "clickhouse-stand-in-stop"));
        server.start();
        log("ready on http://127.0.0.1:%d in %d ms: ClickHouse %s engine (chDB %s), timezone %s, data %s", port,
                (System.nanoTime() - begin) / 1_000_000, engineVersion, chdb.version(), timezone,
                path.toAbsolutePath());
    }

    static void log(String format, Object... args) {
        System.out.println(Instant.now() + " clickhouse-stand-in: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
