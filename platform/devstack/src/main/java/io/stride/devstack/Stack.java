package io.stride.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;

import io.stride.schemas.TopicSpec;
import io.stride.schemas.Topics;

/**
 * Every server of the devstack, started in parallel and checked healthy, then the topics and schemas of the
 * contracts, then the addresses file. {@link #close()} deletes the addresses file and stops every server, waiting for
 * their processes to exit. A failed start stops what had started and reports the server and its log.
 */
final class Stack implements AutoCloseable {

    private static final Duration CLOSE_WAIT_FOR_START = Duration.ofSeconds(60);

    private final DevstackOptions options;
    private final Layout layout;
    private final Progress progress;
    private final PidFiles pids;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("devstack-", 0).daemon().factory());
    private volatile List<ManagedServer> servers = List.of();
    private volatile CompletableFuture<Void> starting = CompletableFuture.completedFuture(null);
    private volatile Ports ports;
    private FileChannel lockChannel;
    private FileLock lock;
    private boolean closed;

    Stack(DevstackOptions options, Progress progress) {
        this.options = options;
        this.layout = Layout.of(options);
        this.progress = progress;
        this.pids = new PidFiles(layout.run());
    }

    Layout layout() {
        return layout;
    }

    Ports ports() {
        return ports;
    }

    List<ManagedServer> servers() {
        return servers;
    }

    /** True once {@link #close()} began (a signal, a failed start): start failures are then expected. */
    boolean closing() {
        return closing.get();
    }

    /**
     * Starts every server and provisions topics and schemas; returns the addresses written to the addresses file.
     *
     * @throws StartFailure when a server did not start (everything started is stopped again)
     */
    Map<String, String> start() throws StartFailure {
        long begin = System.nanoTime();
        try {
            prepare();
        } catch (IOException e) {
            close();
            throw new StartFailure("devstack", layout.log("devstack"), e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        BuildInfo build = BuildInfo.load();
        KafkaBroker kafka = new KafkaBroker(layout, ports, build, pids, closing::get);
        ApicurioRegistry apicurio = new ApicurioRegistry(layout, ports, build, pids, closing::get);
        servers = List.of(kafka, apicurio, new PostgresDatabase(layout, ports, pids),
                new RedisCache(layout, ports, pids, closing::get),
                new ClickHouseStandIn(layout, ports, build, pids, progress, closing::get),
                new MongoStandIn(layout, ports), new MailStandIn(layout, ports));

        Map<ManagedServer, CompletableFuture<Void>> started = new LinkedHashMap<>();
        for (ManagedServer server : servers) {
            started.put(server, CompletableFuture.runAsync(() -> startOne(server), executor));
        }
        CompletableFuture<Void> topics = started.get(kafka).thenRunAsync(() -> provisionTopics(kafka), executor);
        CompletableFuture<Void> schemas = started.get(apicurio).thenRunAsync(() -> registerSchemas(apicurio), executor);
        List<CompletableFuture<Void>> all = new ArrayList<>(started.values());
        all.add(topics);
        all.add(schemas);
        starting = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        try {
            starting.join();
        } catch (CompletionException e) {
            StartFailure failure = firstFailure(all);
            close();
            throw failure;
        }

        Map<String, String> addresses;
        try {
            addresses = Addresses.of(ports, TelemetryKek.ensure(layout.data()));
            Addresses.write(layout.addressesFile(), addresses);
        } catch (IOException e) {
            close();
            throw new StartFailure("devstack", layout.log("devstack"), "cannot write " + layout.addressesFile(), e);
        }
        progress.say("devstack ready in %s, addresses in %s", Progress.seconds(Duration.ofNanos(System.nanoTime() - begin)),
                Layout.display(layout.addressesFile()));
        addresses.forEach((key, value) -> progress.say("  %s=%s", key, value));
        return addresses;
    }

    /** Lock, stale processes, --fresh, ports. */
    private void prepare() throws IOException {
        layout.create();
        lock();
        for (String stale : pids.stopStale()) {
            progress.say("stopped %s left running by an earlier devstack of %s", stale, Layout.display(layout.dir()));
        }
        Files.deleteIfExists(layout.addressesFile());
        if (options.fresh()) {
            Layout.deleteTree(layout.data());
            Files.createDirectories(layout.data());
            progress.say("--fresh: wiped %s", Layout.display(layout.data()));
        }
        if (options.randomPorts()) {
            ports = Ports.random();
        } else {
            ports = Ports.dev();
            ports.requireFree();
        }
        progress.say("dir %s (install %s), %s ports", Layout.display(layout.dir()), Layout.display(layout.install()),
                options.randomPorts() ? "random" : "dev");
    }

    private void startOne(ManagedServer server) {
        progress.say("starting %-19s %s  %s", server.name(), server.endpoint(), server.description());
        long begin = System.nanoTime();
        try {
            server.start();
        } catch (Exception e) {
            throw new CompletionException(new StartFailure(server.name(), server.logFile(), describe(e), e));
        }
        String where = server.inProcess() ? "in the devstack JVM" : "log " + Layout.display(server.logFile());
        progress.say("ready    %-19s in %s  pid %s  %s", server.name(),
                Progress.seconds(Duration.ofNanos(System.nanoTime() - begin)),
                server.pid().isPresent() ? Long.toString(server.pid().getAsLong()) : "?", where);
    }

    private void provisionTopics(KafkaBroker kafka) {
        try (Admin admin = KafkaBroker.admin(kafka.endpoint())) {
            List<TopicSpec> catalogue = Topics.catalogue();
            TopicProvisioner.Outcome outcome = new TopicProvisioner(admin).provision(catalogue);
            progress.say("topics   %d in the catalogue: %d created, %d existed%s", catalogue.size(),
                    outcome.created().size(), outcome.existing().size(),
                    outcome.updated().isEmpty() ? "" : ", partitions raised on " + outcome.updated());
        } catch (Exception e) {
            throw new CompletionException(new StartFailure("kafka (topics)", kafka.logFile(), describe(e), e));
        }
    }

    private void registerSchemas(ApicurioRegistry apicurio) {
        try {
            SchemaRegistrar registrar = new SchemaRegistrar(apicurio.endpoint());
            registrar.ensureGlobalCompatibilityRule();
            SchemaRegistrar.Outcome outcome = registrar.registerAll(catalogueSchemas());
            progress.say("schemas  %d records registered (%d artifacts with their named types), global rule"
                    + " COMPATIBILITY=%s", outcome.records(), outcome.artifacts(), SchemaRegistrar.COMPATIBILITY);
        } catch (Exception e) {
            throw new CompletionException(new StartFailure("apicurio (schemas)", apicurio.logFile(), describe(e), e));
        }
    }

    /** The value schemas of every topic of the catalogue, from the generated classes' {@code getClassSchema()}. */
    static List<Schema> catalogueSchemas() {
        return Topics.catalogue().stream()
                .flatMap(spec -> spec.valueSchemas().stream())
                .distinct()
                .map(Stack::classSchema)
                .toList();
    }

    private static Schema classSchema(String className) {
        try {
            return (Schema) Class.forName(className).getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no Avro class " + className + " in the contracts", e);
        }
    }

    private static StartFailure firstFailure(List<CompletableFuture<Void>> futures) {
        for (CompletableFuture<Void> future : futures) {
            if (future.isCompletedExceptionally()) {
                Throwable cause = future.exceptionNow();
                while (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof StartFailure failure) {
                    return failure;
                }
            }
        }
        return new StartFailure("devstack", null, "start failed", null);
    }

    /** The message of an exception and of its causes, on one line. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (!text.toString().contains(message)) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    private void lock() throws IOException {
        Path lockFile = layout.run().resolve("devstack.lock");
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            String owner = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            lockChannel.close();
            lockChannel = null;
            throw new IllegalStateException("another devstack (pid %s) is running with %s: stop it first"
                    .formatted(owner.isEmpty() ? "?" : owner, layout.dir()));
        }
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes the addresses file, stops every server (waiting for their processes) and releases the directory. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closing.set(true);
        long begin = System.nanoTime();
        try {
            Files.deleteIfExists(layout.addressesFile());
        } catch (IOException e) {
            progress.say("could not delete %s: %s", layout.addressesFile(), e.getMessage());
        }
        try {
            starting.handle((ignored, error) -> null).get(CLOSE_WAIT_FOR_START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillStarting) {
            // stop what can be stopped anyway
        }
        List<ManagedServer> toStop = servers.reversed();
        if (!toStop.isEmpty()) {
            progress.say("stopping %s", toStop.stream().map(ManagedServer::name).toList());
            CompletableFuture.allOf(toStop.stream()
                            .map(server -> CompletableFuture.runAsync(() -> stopOne(server), executor))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
        executor.shutdown();
        releaseLock();
        if (!toStop.isEmpty()) {
            progress.say("stopped in %s", Progress.seconds(Duration.ofNanos(System.nanoTime() - begin)));
        }
    }

    private void stopOne(ManagedServer server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            progress.say("could not stop %s cleanly: %s (log %s)", server.name(), describe(e),
                    Layout.display(server.logFile()));
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
                lockChannel.close();
                Files.deleteIfExists(layout.run().resolve("devstack.lock"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
