package io.stride.queries.workouthistory.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of clickhouse-jdbc (jdbc-v2) connections to ClickHouse's HTTP interface. JDBC is blocking: callers
 * run on worker threads. A connection that failed is closed and replaced on next use.
 */
public final class ClickHouseConnections implements AutoCloseable {

    /** Work done with one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static {
        com.clickhouse.jdbc.Driver.load();
    }

    private final String url;
    private final Properties properties;
    private final BlockingQueue<Slot> idle;
    private final int size;
    private final Duration acquireTimeout;

    /**
     * @param url            {@code jdbc:clickhouse:http://host:port/database?compress=false}
     * @param user           user, may be empty
     * @param password       password, may be empty
     * @param size           most connections at once
     * @param acquireTimeout how long a caller waits for a free connection
     */
    public ClickHouseConnections(String url, String user, String password, int size, Duration acquireTimeout) {
        this.url = url;
        this.properties = new Properties();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
            properties.setProperty("password", password == null ? "" : password);
        }
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
        this.acquireTimeout = acquireTimeout;
        for (int i = 0; i < size; i++) {
            idle.add(new Slot(null));
        }
    }

    /** Runs {@code work} with a pooled connection. */
    public <T> T with(Work<T> work) throws SQLException {
        Slot slot;
        try {
            slot = idle.poll(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a ClickHouse connection", e);
        }
        if (slot == null) {
            throw new SQLException("no ClickHouse connection free within " + acquireTimeout + " (pool of " + size
                    + ")");
        }
        Connection open = null;
        boolean healthy = false;
        try {
            open = slot.connection() != null ? slot.connection() : DriverManager.getConnection(url, properties);
            T result = work.run(open);
            healthy = true;
            return result;
        } finally {
            if (healthy) {
                idle.add(new Slot(open));
            } else {
                if (open != null) {
                    closeQuietly(open);
                }
                idle.add(new Slot(null));
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        Slot slot;
        while ((slot = idle.poll()) != null) {
            if (slot.connection() != null) {
                closeQuietly(slot.connection());
            }
        }
    }

    /** A pool slot; its connection is opened on first use (null until then, or after a failure). */
    private record Slot(Connection connection) {
    }
}
