package io.stride.devstack.clickhouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * One chDB connection that serves one request at a time, and leaves it as it found it: a real ClickHouse server
 * applies a request's settings ({@code ?max_threads=2}, a {@code SET} statement) and database to that request only,
 * while a chDB connection keeps them. So each request runs in its database, its URL settings are applied with
 * {@code SET} before it, and after a request that applied settings or ran {@code SET} every setting that differs from
 * the connection's start is put back.
 */
final class EngineSession implements AutoCloseable {

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final String CHANGED_SETTINGS = "SELECT name, value FROM system.settings WHERE changed";

    private final String name;
    private final Chdb.Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Map<String, String> baseline;
    private String database = "default";

    EngineSession(String name, Chdb.Connection connection) {
        this.name = name;
        this.connection = connection;
        this.baseline = changedSettings();
    }

    String name() {
        return name;
    }

    /** What one request needs from the connection before its statement runs. */
    record Context(String database, Map<String, String> settings) {
    }

    /** The statement of a request, run on the connection once its context is in place. */
    @FunctionalInterface
    interface Work<T> {
        T run(Chdb.Connection connection) throws ClickHouseException;
    }

    /**
     * Runs {@code work} alone on this connection, in the request's database and with its settings; afterwards the
     * connection's settings are those it started with again.
     *
     * @param changesSettings the statement itself is a {@code SET}
     * @param changesDatabase the statement itself is a {@code USE}
     */
    <T> T run(Context context, boolean changesSettings, boolean changesDatabase, Work<T> work)
            throws ClickHouseException {
        lock.lock();
        try {
            boolean settingsApplied = !context.settings().isEmpty();
            try {
                use(context.database());
                if (settingsApplied) {
                    execute(setStatement(context.settings()));
                }
                return work.run(connection);
            } finally {
                if (changesDatabase) {
                    database = null;
                }
                if (settingsApplied || changesSettings) {
                    restoreSettings();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void use(String wanted) throws ClickHouseException {
        if (!wanted.equals(database)) {
            database = null;
            execute("USE " + quoteIdentifier(wanted));
            database = wanted;
        }
    }

    /** {@code SET a = 'x', b = 'y'}: URL values are text, which ClickHouse parses into each setting's type. */
    static String setStatement(Map<String, String> settings) throws ClickHouseException {
        StringJoiner assignments = new StringJoiner(", ", "SET ", "");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (!SETTING_NAME.matcher(setting.getKey()).matches()) {
                throw ClickHouseException.of(ClickHouseException.UNKNOWN_SETTING, "UNKNOWN_SETTING",
                        "Unknown setting '" + setting.getKey() + "'");
            }
            assignments.add(setting.getKey() + " = " + quoteString(setting.getValue()));
        }
        return assignments.toString();
    }

    /** Puts back every setting that differs from the connection's start. */
    private void restoreSettings() throws ClickHouseException {
        Map<String, String> changed = changedSettings();
        Map<String, String> restore = new LinkedHashMap<>();
        changed.forEach((setting, value) -> {
            if (!value.equals(baseline.get(setting))) {
                restore.put(setting, baseline.getOrDefault(setting, null));
            }
        });
        baseline.forEach((setting, value) -> {
            if (!changed.containsKey(setting)) {
                restore.put(setting, value);
            }
        });
        if (restore.isEmpty()) {
            return;
        }
        StringJoiner assignments = new StringJoiner(", ", "SET ", "");
        restore.forEach((setting, value) ->
                assignments.add(setting + " = " + (value == null ? "DEFAULT" : quoteString(value))));
        execute(assignments.toString());
    }

    private Map<String, String> changedSettings() {
        try (Chdb.Result result = connection.query(CHANGED_SETTINGS)) {
            if (result.error() != null) {
                throw new IllegalStateException("cannot read the settings of the " + name + " connection: "
                        + result.error());
            }
            Map<String, String> settings = new LinkedHashMap<>();
            result.text().lines().forEach(line -> {
                int tab = line.indexOf('\t');
                settings.put(line.substring(0, tab), unescapeTsv(line.substring(tab + 1)));
            });
            return settings;
        }
    }

    private void execute(String sql) throws ClickHouseException {
        try (Chdb.Result result = connection.query(sql)) {
            if (result.error() != null) {
                throw ClickHouseException.parse(result.error());
            }
        }
    }

    static String quoteString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String quoteIdentifier(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** A value in ClickHouse's TabSeparated escaping, unescaped. */
    static String unescapeTsv(String escaped) {
        if (escaped.indexOf('\\') < 0) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\' || i + 1 == escaped.length()) {
                out.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            out.append(switch (next) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case '0' -> '\0';
                default -> next;
            });
        }
        return out.toString();
    }

    /** Waits for the running request, then closes the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } finally {
            lock.unlock();
        }
    }
}
