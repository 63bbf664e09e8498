package io.stride.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Kafka in KRaft mode, one combined broker+controller node, in its own JVM ({@code kafka.Kafka}) running from the
 * devstack's runtime classpath. Storage is formatted once; data stays in {@code data/kafka} across restarts.
 */
final class KafkaBroker implements ManagedServer {

    static final String NAME = "kafka";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Layout layout;
    private final Ports ports;
    private final BuildInfo build;
    private final BooleanSupplier aborted;
    private final ChildJvm.Handle jvm;

    KafkaBroker(Layout layout, Ports ports, BuildInfo build, PidFiles pids, BooleanSupplier aborted) {
        this.layout = layout;
        this.ports = ports;
        this.build = build;
        this.jvm = new ChildJvm.Handle(NAME, pids);
        this.aborted = aborted;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kafka %s, KRaft broker+controller (controller %s:%d)".formatted(build.kafkaVersion(), Ports.HOST,
                ports.kafkaController());
    }

    @Override
    public String endpoint() {
        return Ports.HOST + ":" + ports.kafka();
    }

    @Override
    public Path logFile() {
        return layout.log(NAME);
    }

    /** The single-node KRaft configuration: loopback listeners, replication factor 1 everywhere. */
    static Map<String, String> serverProperties(Ports ports, Path dataDir) {
        String host = Ports.HOST;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + ports.kafkaController());
        p.put("listeners", "PLAINTEXT://" + host + ":" + ports.kafka() + ",CONTROLLER://" + host + ":"
                + ports.kafkaController());
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + ports.kafka());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // The log cleaner looks for compactable logs every second instead of 15 s: an erasure test can watch a
        // tombstone remove its key's values in seconds (ADR 0010); the topics' own bounds are unchanged.
        p.put("log.cleaner.backoff.ms", "1000");
        return p;
    }

    static String render(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "# Written by the Stride devstack at each start.\n", "\n"));
    }

    @Override
    public void start() throws Exception {
        Path dataDir = layout.data(NAME);
        Files.createDirectories(dataDir);
        Path serverProperties = layout.run().resolve("kafka.properties");
        Files.writeString(serverProperties, render(serverProperties(ports, dataDir)));
        Path log4j = LogConfig.write(layout.run().resolve("kafka-log4j2.xml"), logFile());
        Files.deleteIfExists(logFile());
        String classpath = build.runtimeClasspath();
        List<String> jvmOptions = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-Dkafka.logs.dir=" + layout.logs(), "-cp", classpath);

        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(jvmOptions, serverProperties);
        }
        List<String> arguments = List.of("kafka.Kafka", serverProperties.toString());
        Process process = jvm.launch(layout.dir(), jvmOptions, arguments, dataDir, logFile(), arguments);
        Await.until("listener on " + endpoint(), START_TIMEOUT, process, aborted, () -> portOpen(ports.kafka()));
        try (Admin admin = admin(endpoint())) {
            Await.until("broker in the cluster metadata", START_TIMEOUT, process, aborted,
                    () -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        }
    }

    private void format(List<String> jvmOptions, Path serverProperties) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        Process formatter = ChildJvm.start(layout.dir(), jvmOptions, List.of("kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", serverProperties.toString()), layout.data(NAME), logFile());
        if (!formatter.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            formatter.destroyForcibly().waitFor();
            throw new IllegalStateException("storage format did not finish in " + FORMAT_TIMEOUT.toSeconds() + " s");
        }
        if (formatter.exitValue() != 0) {
            throw new IllegalStateException("storage format failed with exit code " + formatter.exitValue());
        }
    }

    /** An admin client for the devstack's own checks: short timeouts, quiet when the broker goes away. */
    static Admin admin(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "stride-devstack");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(config);
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.HOST, port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
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
