package io.stride.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The devstack this test JVM uses, shared by every test in it, for {@code @QuarkusTest}s (through
 * {@link DevstackResource}) and for plain tests.
 *
 * <p>If the system property or environment variable {@value #FILE_VARIABLE} names an existing addresses file (as
 * {@code ./stride test} sets it), that devstack is used. Otherwise one devstack is started for this JVM as a child
 * process ({@code <root>/stride devstack --dir <root>/target/devstack-<pid> --random-ports --fresh}) and stopped when
 * the JVM exits; its addresses file is then published in the system property {@value #FILE_VARIABLE} for the rest
 * of the JVM.
 */
public final class Devstack {

    /** Names the addresses file of a running devstack. */
    public static final String FILE_VARIABLE = "STRIDE_DEVSTACK_FILE";

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String APICURIO_REGISTRY_URL = "APICURIO_REGISTRY_URL";
    public static final String POSTGRES_HOST = "POSTGRES_HOST";
    public static final String POSTGRES_PORT = "POSTGRES_PORT";
    public static final String POSTGRES_DB = "POSTGRES_DB";
    public static final String POSTGRES_USER = "POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";
    public static final String POSTGRES_REACTIVE_URL = "POSTGRES_REACTIVE_URL";
    public static final String POSTGRES_JDBC_URL = "POSTGRES_JDBC_URL";
    public static final String REDIS_URL = "REDIS_URL";
    public static final String MONGODB_CONNECTION_STRING = "MONGODB_CONNECTION_STRING";
    /** The ClickHouse server stand-in's HTTP interface, e.g. {@code http://127.0.0.1:18123}. */
    public static final String CLICKHOUSE_URL = "CLICKHOUSE_URL";
    /**
     * The same for clickhouse-jdbc (jdbc-v2), e.g. {@code jdbc:clickhouse:http://127.0.0.1:18123/default?compress=false}
     * ({@code compress=false}: the stand-in does not speak ClickHouse's compressed framing).
     */
    public static final String CLICKHOUSE_JDBC_URL = "CLICKHOUSE_JDBC_URL";
    public static final String MAIL_SMTP_HOST = "MAIL_SMTP_HOST";
    public static final String MAIL_SMTP_PORT = "MAIL_SMTP_PORT";
    public static final String MAIL_SMTP_START_TLS = "MAIL_SMTP_START_TLS";
    /** IMAP of the mail relay stand-in, to read what the platform sent ({@link Mailbox}). */
    public static final String MAIL_IMAP_PORT = "MAIL_IMAP_PORT";
    /** The telemetry key-encryption key file (ADR 0010). */
    public static final String TELEMETRY_KEK_LOCATION = "TELEMETRY_KEK_LOCATION";

    /** Every key of the addresses file, in file order: the devstack's contract. */
    public static final List<String> KEYS = List.of(KAFKA_BOOTSTRAP_SERVERS, APICURIO_REGISTRY_URL, POSTGRES_HOST,
            POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_REACTIVE_URL, POSTGRES_JDBC_URL,
            REDIS_URL, MONGODB_CONNECTION_STRING, CLICKHOUSE_URL, CLICKHOUSE_JDBC_URL, MAIL_SMTP_HOST, MAIL_SMTP_PORT,
            MAIL_SMTP_START_TLS, MAIL_IMAP_PORT, TELEMETRY_KEK_LOCATION);

    /** Cold start (first unpack of the servers, maybe a build of the devstack by the script) included. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(Devstack.class.getName());

    /**
     * Quarkus loads this class once per test application class loader; a string literal is one object for the whole
     * JVM, so every copy of this class locks the same monitor and at most one devstack starts per JVM.
     */
    private static final String JVM_WIDE_LOCK = "io.stride.testing.Devstack#jvm-wide-lock";

    private static Map<String, String> addresses;

    private Devstack() {
    }

    /**
     * The devstack's addresses, every key of {@link #KEYS} in order (unmodifiable); starts a devstack for this JVM on
     * first use when none is given. The map can be used as is as environment of an app process.
     *
     * @throws IllegalStateException when the devstack could not be started (the message holds its output)
     */
    public static Map<String, String> addresses() {
        synchronized (JVM_WIDE_LOCK) {
            if (addresses == null) {
                addresses = givenFile(System.getProperty(FILE_VARIABLE), System.getenv(FILE_VARIABLE))
                        .map(Devstack::read)
                        .orElseGet(Devstack::startForThisJvm);
            }
            return addresses;
        }
    }

    /**
     * Reads an addresses file ({@code <dir>/devstack.properties}).
     *
     * @throws IllegalStateException when a key of {@link #KEYS} is missing
     */
    public static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the devstack addresses file " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("the devstack addresses file " + file + " has no " + key);
            }
            values.put(key, value);
        }
        return Collections.unmodifiableMap(values);
    }

    /** The addresses file named by the system property, else by the environment variable, when it exists. */
    static Optional<Path> givenFile(String systemProperty, String environmentVariable) {
        for (String candidate : new String[] {systemProperty, environmentVariable}) {
            if (candidate != null && !candidate.isBlank()) {
                Path file = Path.of(candidate);
                if (Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
                LOG.log(System.Logger.Level.WARNING, "{0}={1} does not exist: starting a devstack for this test JVM",
                        FILE_VARIABLE, candidate);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> startForThisJvm() {
        Path root = DevstackProcess.repositoryRoot(Path.of(System.getProperty("user.dir")))
                .orElseThrow(() -> new IllegalStateException("no Stride repository (the stride script) above "
                        + System.getProperty("user.dir") + ", and " + FILE_VARIABLE + " is not set"));
        Path dir = root.resolve("target").resolve("devstack-" + ProcessHandle.current().pid());
        LOG.log(System.Logger.Level.INFO, "starting a devstack for this test JVM in {0}", dir);
        try {
            DevstackProcess devstack = DevstackProcess.launch(root, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(devstack::stop, "stride-devstack-stop"));
            Map<String, String> started = devstack.awaitAddresses(START_TIMEOUT);
            // Other class loaders of this JVM (other Quarkus test applications) find it through the system property.
            System.setProperty(FILE_VARIABLE, dir.resolve(DevstackProcess.ADDRESSES_FILE).toString());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + root.resolve("stride") + " devstack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the devstack was starting", e);
        }
    }
}
