package io.stride.queries.workouthistory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The analytics behind WorkoutStats in ClickHouse: one row per completed workout in {@code workout_facts}, a
 * ReplacingMergeTree whose version is the read model's version (the number of events applied), ordered by athlete so
 * that one athlete's statistics read a few granules. Re-delivered and replayed rows carry the same version and
 * collapse; a cancelled workout is a row with {@code is_deleted = 1}. Queries read {@code FINAL}.
 *
 * <p>Blocking (JDBC): callers run on worker threads. The SQL runs unchanged on a ClickHouse server and on the
 * devstack's stand-in (the real ClickHouse engine, chDB).
 */
public final class StatsStore {

    static final String TABLE = "workout_facts";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    /** Best-effort columns, by the distance names of {@code TrackAnalysis.BEST_EFFORT_DISTANCES}. */
    public static final List<String> BEST_EFFORTS = List.of("400m", "1k", "1mi", "5k", "10k", "half_marathon",
            "marathon");

    private final ClickHouseConnections connections;
    private final String table;
    private final String database;

    StatsStore(ClickHouseConnections connections, String database) {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        this.connections = connections;
        this.database = database;
        this.table = database + "." + TABLE;
    }

    /** One completed (or cancelled: deleted) workout's row. */
    public record Row(String userId, String workoutId, String sport, Instant startTime, int durationSeconds,
            long movingTimeMillis, double distanceMeters, double caloriesKcal, double elevationGainMeters,
            double maxSpeedMetersPerSecond, Map<String, Long> bestEffortMillis, long version, boolean deleted) {
    }

    void ensureSchema() throws SQLException {
        connections.with(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database);
                StringBuilder columns = new StringBuilder();
                for (String effort : BEST_EFFORTS) {
                    columns.append("    best_").append(effort).append("_millis Nullable(UInt64),\n");
                }
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (\n"
                        + "    user_id UUID,\n"
                        + "    workout_id UUID,\n"
                        + "    sport LowCardinality(String),\n"
                        + "    start_time DateTime64(3, 'UTC'),\n"
                        + "    duration_seconds UInt32,\n"
                        + "    moving_time_millis UInt64,\n"
                        + "    distance_meters Float64,\n"
                        + "    calories_kcal Float64,\n"
                        + "    elevation_gain_meters Float64,\n"
                        + "    max_speed_mps Float64,\n"
                        + columns
                        + "    version UInt64,\n"
                        + "    is_deleted UInt8\n"
                        + ") ENGINE = ReplacingMergeTree(version, is_deleted)\n"
                        + "ORDER BY (user_id, workout_id)");
            }
            return null;
        });
    }

    /** Inserts rows in one batch. */
    public void insert(Collection<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (user_id, workout_id, sport, start_time, "
                + "duration_seconds, moving_time_millis, distance_meters, calories_kcal, elevation_gain_meters, "
                + "max_speed_mps, ");
        for (String effort : BEST_EFFORTS) {
            sql.append("best_").append(effort).append("_millis, ");
        }
        sql.append("version, is_deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ");
        sql.append("?, ".repeat(BEST_EFFORTS.size()));
        sql.append("?, ?)");
        connections.with(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                for (Row row : rows) {
                    int i = 1;
                    insert.setString(i++, row.userId());
                    insert.setString(i++, row.workoutId());
                    insert.setString(i++, row.sport());
                    insert.setTimestamp(i++, Timestamp.from(row.startTime()));
                    insert.setLong(i++, row.durationSeconds());
                    insert.setLong(i++, row.movingTimeMillis());
                    insert.setDouble(i++, row.distanceMeters());
                    insert.setDouble(i++, row.caloriesKcal());
                    insert.setDouble(i++, row.elevationGainMeters());
                    insert.setDouble(i++, row.maxSpeedMetersPerSecond());
                    for (String effort : BEST_EFFORTS) {
                        Long millis = row.bestEffortMillis().get(effort);
                        if (millis == null) {
                            insert.setNull(i++, java.sql.Types.BIGINT);
                        } else {
                            insert.setLong(i++, millis);
                        }
                    }
                    insert.setLong(i++, row.version());
                    insert.setInt(i, row.deleted() ? 1 : 0);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Deletes every row of an athlete, physically (a mutation, waited for); an athlete without rows costs one count
     * (a rebuild replays every erasure ever made).
     */
    public void eraseUser(String userId) throws SQLException {
        connections.with(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count() FROM " + table
                    + " WHERE user_id = ?")) {
                count.setString(1, userId);
                try (ResultSet row = count.executeQuery()) {
                    if (row.next() && row.getLong(1) == 0) {
                        return null;
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("ALTER TABLE " + table
                    + " DELETE WHERE user_id = ? SETTINGS mutations_sync = 2")) {
                delete.setString(1, userId);
                delete.execute();
            }
            return null;
        });
    }

    /** Totals and records of one sport, all time. */
    public record SportTotals(String sport, long workouts, long durationSeconds, long movingTimeMillis,
            double distanceMeters, double caloriesKcal, double elevationGainMeters, Record longestDistance,
            Record longestDuration, Record fastestAverageSpeed, Map<String, Record> bestEfforts) {
    }

    /** A record: its value and the workout that set it. */
    public record Record(double value, String workoutId) {
    }

    /** One week's (Monday, UTC) activity in one sport. */
    public record WeekTotals(LocalDate week, String sport, long workouts, long durationSeconds,
            long movingTimeMillis, double distanceMeters) {
    }

    /** Totals and records per sport of an athlete's completed workouts; one sport only when {@code sport} is set. */
    public List<SportTotals> totals(String userId, String sport) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT sport, count(), sum(duration_seconds), sum(moving_time_millis), "
                + "sum(distance_meters), sum(calories_kcal), sum(elevation_gain_meters), "
                + "max(distance_meters), toString(argMax(workout_id, distance_meters)), "
                + "max(duration_seconds), toString(argMax(workout_id, duration_seconds)), "
                + "maxIf(distance_meters * 1000 / moving_time_millis, "
                + "moving_time_millis > 0 AND distance_meters >= 1000), "
                + "toString(argMaxIf(workout_id, distance_meters * 1000 / moving_time_millis, "
                + "moving_time_millis > 0 AND distance_meters >= 1000)), "
                + "countIf(moving_time_millis > 0 AND distance_meters >= 1000)");
        for (String effort : BEST_EFFORTS) {
            String column = "best_" + effort + "_millis";
            sql.append(", min(").append(column).append("), toString(argMinIf(workout_id, ").append(column)
                    .append(", ").append(column).append(" IS NOT NULL))");
        }
        sql.append(" FROM ").append(table).append(" FINAL WHERE user_id = ? AND is_deleted = 0");
        if (sport != null) {
            sql.append(" AND sport = ?");
        }
        sql.append(" GROUP BY sport ORDER BY sport");
        return connections.with(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                query.setString(1, userId);
                if (sport != null) {
                    query.setString(2, sport);
                }
                List<SportTotals> totals = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        totals.add(sportTotals(row));
                    }
                }
                return totals;
            }
        });
    }

    private static SportTotals sportTotals(ResultSet row) throws SQLException {
        Map<String, Record> efforts = new LinkedHashMap<>();
        int column = 15;
        for (String effort : BEST_EFFORTS) {
            long millis = row.getLong(column);
            boolean present = !row.wasNull();
            String workout = row.getString(column + 1);
            if (present) {
                efforts.put(effort, new Record(millis, workout));
            }
            column += 2;
        }
        long fastestCount = row.getLong(14);
        return new SportTotals(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getDouble(5),
                row.getDouble(6), row.getDouble(7), new Record(row.getDouble(8), row.getString(9)),
                new Record(row.getLong(10), row.getString(11)),
                fastestCount == 0 ? null : new Record(row.getDouble(12), row.getString(13)), efforts);
    }

    /** Activity per week (Monday, UTC) and sport of workouts started in [from, to). */
    public List<WeekTotals> weekly(String userId, String sport, Instant from, Instant to) throws SQLException {
        String sql = "SELECT toMonday(start_time) AS week, sport, count(), sum(duration_seconds), "
                + "sum(moving_time_millis), sum(distance_meters) FROM " + table + " FINAL "
                + "WHERE user_id = ? AND is_deleted = 0 AND start_time >= ? AND start_time < ?"
                + (sport != null ? " AND sport = ?" : "")
                + " GROUP BY week, sport ORDER BY week, sport";
        return connections.with(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, userId);
                query.setTimestamp(2, Timestamp.from(from));
                query.setTimestamp(3, Timestamp.from(to));
                if (sport != null) {
                    query.setString(4, sport);
                }
                List<WeekTotals> weeks = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        weeks.add(new WeekTotals(row.getObject(1, LocalDate.class), row.getString(2), row.getLong(3),
                                row.getLong(4), row.getLong(5), row.getDouble(6)));
                    }
                }
                return weeks;
            }
        });
    }

    /** Every row of these workouts as text, {@code FINAL}, for comparing generations. */
    public Map<String, String> raw(Collection<String> workoutIds) throws SQLException {
        if (workoutIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT toString(workout_id), toString(tuple(*)) FROM " + table + " FINAL WHERE workout_id IN ("
                + "?, ".repeat(workoutIds.size() - 1) + "?) ORDER BY workout_id";
        return connections.with(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                for (String id : workoutIds) {
                    query.setString(i++, id);
                }
                Map<String, String> rows = new LinkedHashMap<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.put(row.getString(1), row.getString(2));
                    }
                }
                return rows;
            }
        });
    }

    /** Whether ClickHouse answers. */
    public boolean ping() {
        try {
            return connections.with(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                        "SELECT 1")) {
                    return row.next();
                }
            });
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops this generation's database (tests and the rebuild's clean-up). */
    public void dropDatabase() throws SQLException {
        connections.with(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
            return null;
        });
    }
}
