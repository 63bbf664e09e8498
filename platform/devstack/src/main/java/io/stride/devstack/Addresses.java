package io.stride.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The addresses file {@code <dir>/devstack.properties}: how apps, tests and scripts reach the devstack. Its format is
 * both a Java properties file and a bash-sourceable environment file ({@code KEY=value}, no spaces, no quotes).
 *
 * <p>This is a contract: {@code platform/testing} (DevstackResource) and the {@code stride} script read these keys,
 * and apps' {@code application.properties} use them as {@code ${KAFKA_BOOTSTRAP_SERVERS}} etc.
 */
final class Addresses {

    static final String FILE_NAME = "devstack.properties";

    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    static final String APICURIO_REGISTRY_URL = "APICURIO_REGISTRY_URL";
    static final String POSTGRES_HOST = "POSTGRES_HOST";
    static final String POSTGRES_PORT = "POSTGRES_PORT";
    static final String POSTGRES_DB = "POSTGRES_DB";
    static final String POSTGRES_USER = "POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";
    static final String POSTGRES_REACTIVE_URL = "POSTGRES_REACTIVE_URL";
    static final String POSTGRES_JDBC_URL = "POSTGRES_JDBC_URL";
    static final String REDIS_URL = "REDIS_URL";
    static final String MONGODB_CONNECTION_STRING = "MONGODB_CONNECTION_STRING";
    /** The ClickHouse server stand-in's HTTP interface (base URL), for HTTP clients. */
    static final String CLICKHOUSE_URL = "CLICKHOUSE_URL";
    /** The same for clickhouse-jdbc (jdbc-v2), with {@code compress=false}, which the stand-in needs. */
    static final String CLICKHOUSE_JDBC_URL = "CLICKHOUSE_JDBC_URL";
    static final String MAIL_SMTP_HOST = "MAIL_SMTP_HOST";
    static final String MAIL_SMTP_PORT = "MAIL_SMTP_PORT";
    static final String MAIL_IMAP_PORT = "MAIL_IMAP_PORT";
    /** The stand-in offers no TLS: apps must not require STARTTLS of it. */
    static final String MAIL_SMTP_START_TLS = "MAIL_SMTP_START_TLS";
    /** The platform's telemetry key-encryption key (a Tink JSON keyset file, ADR 0010), local to this devstack. */
    static final String TELEMETRY_KEK_LOCATION = "TELEMETRY_KEK_LOCATION";

    /** Every key, in file order. */
    static final List<String> KEYS = List.of(KAFKA_BOOTSTRAP_SERVERS, APICURIO_REGISTRY_URL, POSTGRES_HOST,
            POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_REACTIVE_URL, POSTGRES_JDBC_URL,
            REDIS_URL, MONGODB_CONNECTION_STRING, CLICKHOUSE_URL, CLICKHOUSE_JDBC_URL, MAIL_SMTP_HOST, MAIL_SMTP_PORT,
            MAIL_SMTP_START_TLS, MAIL_IMAP_PORT, TELEMETRY_KEK_LOCATION);

    /** Database, role and password the devstack creates in PostgreSQL (local only, not a secret). */
    static final String POSTGRES_NAME = "stride";

    private Addresses() {
    }

    /** The addresses of servers listening on {@code ports} and of the key file, in {@link #KEYS} order. */
    static Map<String, String> of(Ports ports, Path telemetryKek) {
        String host = Ports.HOST;
        String pg = host + ":" + ports.postgres() + "/" + POSTGRES_NAME;
        Map<String, String> values = new LinkedHashMap<>();
        values.put(KAFKA_BOOTSTRAP_SERVERS, host + ":" + ports.kafka());
        values.put(APICURIO_REGISTRY_URL, ApicurioRegistry.apiUrl(ports.apicurio()));
        values.put(POSTGRES_HOST, host);
        values.put(POSTGRES_PORT, Integer.toString(ports.postgres()));
        values.put(POSTGRES_DB, POSTGRES_NAME);
        values.put(POSTGRES_USER, POSTGRES_NAME);
        values.put(POSTGRES_PASSWORD, POSTGRES_NAME);
        values.put(POSTGRES_REACTIVE_URL, "postgresql://" + pg);
        values.put(POSTGRES_JDBC_URL, postgresJdbcUrl(ports));
        values.put(REDIS_URL, "redis://" + host + ":" + ports.redis());
        values.put(MONGODB_CONNECTION_STRING, "mongodb://" + host + ":" + ports.mongo());
        values.put(CLICKHOUSE_URL, ClickHouseStandIn.url(ports.clickhouse()));
        values.put(CLICKHOUSE_JDBC_URL, ClickHouseStandIn.jdbcUrl(ports.clickhouse()));
        values.put(MAIL_SMTP_HOST, host);
        values.put(MAIL_SMTP_PORT, Integer.toString(ports.smtp()));
        values.put(MAIL_SMTP_START_TLS, "DISABLED");
        values.put(MAIL_IMAP_PORT, Integer.toString(ports.imap()));
        values.put(TELEMETRY_KEK_LOCATION, telemetryKek.toAbsolutePath().toString());
        return values;
    }

    /** The JDBC URL of the devstack's database. */
    static String postgresJdbcUrl(Ports ports) {
        return "jdbc:postgresql://" + Ports.HOST + ":" + ports.postgres() + "/" + POSTGRES_NAME;
    }

    /** The file's text: one {@code KEY=value} line per key, after a comment line. */
    static String render(Map<String, String> values) {
        values.forEach((key, value) -> {
            if (!key.matches("[A-Z][A-Z0-9_]*") || !value.matches("[A-Za-z0-9_.:/@%+=,?-]*")) {
                throw new IllegalArgumentException("not safe for a properties and a bash file: " + key + "=" + value);
            }
        });
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n",
                        "# Stride devstack addresses; written when every server is ready, deleted when it stops.\n",
                        "\n"));
    }

    /** Writes the file atomically (temporary file, then rename), so readers never see half of it. */
    static void write(Path file, Map<String, String> values) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, render(values), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
