package io.stride.devstack;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * Redis from the binary bundled in {@code com.github.codemonstur:embedded-redis} (redis-server 6.2), bound to
 * 127.0.0.1. Falls back to a {@code redis-server} on the PATH (Debian's) when the bundled binary cannot run on this
 * machine. RDB snapshots go to {@code data/redis}, so views survive a restart like the Kafka offsets they track.
 */
final class RedisCache implements ManagedServer {

    static final String NAME = "redis";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Layout layout;
    private final Ports ports;
    private final PidFiles pids;
    private final BooleanSupplier aborted;
    private RedisServer server;
    private BufferedWriter log;
    private long pid = -1;
    private String binary = "";

    RedisCache(Layout layout, Ports ports, PidFiles pids, BooleanSupplier aborted) {
        this.layout = layout;
        this.ports = ports;
        this.pids = pids;
        this.aborted = aborted;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Redis (" + (binary.isEmpty() ? "bundled redis-server" : binary) + ")";
    }

    @Override
    public String endpoint() {
        return Ports.HOST + ":" + ports.redis();
    }

    @Override
    public Path logFile() {
        return layout.log(NAME);
    }

    @Override
    public void start() throws Exception {
        Path dataDir = layout.data(NAME);
        Files.createDirectories(dataDir);
        File executable = executable();
        binary = executable.getName();
        log = Files.newBufferedWriter(logFile(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        RedisServer started = RedisServer.newRedisServer()
                .executableProvider(() -> executable)
                .bind(Ports.HOST)
                .port(ports.redis())
                .setting("dir \"" + dataDir.toAbsolutePath() + "\"")
                .setting("save 60 1")
                .setting("appendonly no")
                .setting("protected-mode yes")
                .soutListener(this::logLine)
                .serrListener(this::logLine)
                .build();
        synchronized (this) {
            if (aborted.getAsBoolean()) {
                throw new InterruptedException("devstack is stopping");
            }
            server = started;
            started.start();
        }
        pid = childPid(executable).orElseThrow(() -> new IllegalStateException("redis-server process not found"));
        pids.record(NAME, pid, List.of("redis-server", Ports.HOST + ":" + ports.redis()));
        Await.until("PONG from " + endpoint(), START_TIMEOUT, null, aborted, () -> ping(ports.redis()));
    }

    /**
     * The bundled binary for this OS, extracted once into the install directory; if it cannot run here, Debian's
     * {@code redis-server} from the PATH.
     */
    private File executable() throws IOException, InterruptedException {
        String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
        if (resource != null) {
            Path bundled = layout.install().resolve("redis").resolve(resource.substring(1));
            if (!Files.isExecutable(bundled)) {
                extract(resource, bundled);
            }
            if (runs(bundled)) {
                return bundled.toFile();
            }
        }
        Optional<Path> system = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
        if (system.isPresent() && runs(system.get())) {
            return system.get().toFile();
        }
        throw new IllegalStateException("the bundled redis-server does not run here and none is on the PATH:"
                + " install one (apt-get install -y redis-server)");
    }

    private static void extract(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".redis-server-", ".tmp");
        try (InputStream in = RedisServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " not found in embedded-redis");
            }
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!temp.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + temp + " executable");
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Whether the binary answers {@code --version}. A binary just extracted can be briefly "busy" (ETXTBSY): a process
     * forked by another server's start at the same moment inherits the write handle until it execs. That passes in
     * milliseconds, so the check is retried a few times before it counts as a failure.
     */
    private static boolean runs(Path executable) throws IOException, InterruptedException {
        Process version = null;
        for (int attempt = 1; version == null; attempt++) {
            try {
                version = new ProcessBuilder(executable.toString(), "--version")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                if (attempt == 20 || !busy(e)) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
        if (!version.waitFor(10, TimeUnit.SECONDS)) {
            version.destroyForcibly();
            return false;
        }
        return version.exitValue() == 0;
    }

    /**
     * Whether the start failed with ETXTBSY. The JDK words it "error=26, Text file busy" when it forks itself and
     * "Exec failed, error: 26 (Text file busy)" when it launches through jspawnhelper (the default on Linux).
     */
    static boolean busy(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("error=26") || message.contains("error: 26");
    }

    private OptionalLong childPid(File executable) {
        return ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.endsWith(executable.getName()))
                        .orElse(false))
                .filter(child -> PidFiles.commandLine(child.pid())
                        .map(line -> line.contains(":" + ports.redis())).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst();
    }

    /** Sends an inline {@code PING} and expects {@code +PONG}. */
    static boolean ping(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.HOST, port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
    }

    private synchronized void logLine(String line) {
        try {
            if (log != null) {
                log.write(line);
                log.newLine();
                log.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OptionalLong pid() {
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    @Override
    public void stop() {
        RedisServer running;
        synchronized (this) {
            running = server;
            server = null;
        }
        try {
            if (running != null) {
                running.stop();
            }
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(PidFiles::stop);
        }
        synchronized (this) {
            try {
                if (log != null) {
                    log.close();
                }
            } catch (IOException ignored) {
                // the log is complete up to here
            }
            log = null;
        }
        pids.remove(NAME);
    }
}
