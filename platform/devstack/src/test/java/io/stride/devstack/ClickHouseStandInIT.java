package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devstack's ClickHouse stand-in, started as the devstack starts it (its own JVM, the engine installed into the
 * checkout's shared install directory), used through the apps' driver, clickhouse-jdbc (jdbc-v2) 0.10.0, unmodified.
 */
class ClickHouseStandInIT {

    private static final int ROWS = 100_000;

    @TempDir
    static Path dir;

    private static Layout layout;
    private static Ports ports;
    private static ClickHouseStandIn standIn;
    private static String jdbcUrl;

    @BeforeAll
    static void start() throws Exception {
        layout = new Layout(dir, SharedInstall.dir());
        layout.create();
        ports = Ports.random();
        jdbcUrl = ClickHouseStandIn.jdbcUrl(ports.clickhouse());
        standIn = startStandIn();
        com.clickhouse.jdbc.Driver.load();
    }

    private static ClickHouseStandIn startStandIn() throws Exception {
        ClickHouseStandIn started = new ClickHouseStandIn(layout, ports, BuildInfo.load(), new PidFiles(layout.run()),
                new Progress(new PrintStream(System.out, true)), () -> false);
        try {
            started.start();
        } catch (Exception e) {
            started.stop();
            throw e;
        }
        return started;
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }

    @Test
    void shouldStoreEveryRowWhenOneHundredThousandRowsAreInsertedInOneBatch() throws Exception {
        assertEveryRowArrives(new Properties());
    }

    /** RowBinary carries 0A 0A bytes (id 2570, the strings): chDB given them inline would stop at the first pair. */
    @Test
    void shouldStoreEveryRowWhenTheBatchTravelsAsRowBinary() throws Exception {
        Properties rowBinary = new Properties();
        rowBinary.setProperty("beta.row_binary_for_simple_insert", "true");
        assertEveryRowArrives(rowBinary);
    }

    private void assertEveryRowArrives(Properties properties) throws Exception {
        try (Connection connection = connect(properties)) {
            // given
            String table = table("samples");
            execute(connection, "CREATE TABLE " + table + " (id Int64, note String) ENGINE = MergeTree ORDER BY id");

            // when
            int[] counts;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                for (long id = 0; id < ROWS; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "line\n\nbreaks " + id);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }

            // then
            assertThat(Arrays.stream(counts).sum()).isEqualTo(ROWS);
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT count(), uniqExact(id), sum(id), max(note) FROM " + table)) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).isEqualTo(ROWS);
                assertThat(row.getLong(2)).isEqualTo(ROWS);
                assertThat(row.getLong(3)).isEqualTo((long) ROWS * (ROWS - 1) / 2);
                assertThat(row.getString(4)).isEqualTo("line\n\nbreaks 99999");
            }
        }
    }

    @Test
    void shouldAggregateTheSelectedRowsWhenQueriedWithParameters() throws Exception {
        try (Connection connection = connect(new Properties())) {
            // given
            String table = table("workouts");
            execute(connection, "CREATE TABLE " + table + " (athlete_id UUID, started_at DateTime64(3, 'UTC'),"
                    + " distance_meters Float64, heart_rate_bpm UInt8) ENGINE = MergeTree"
                    + " ORDER BY (athlete_id, started_at)");
            UUID athlete = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            Instant monday = Instant.parse("2026-11-30T07:00:00Z");
            List<double[]> inWeek = new ArrayList<>();
            String sql = "INSERT INTO " + table + " VALUES (?, ?, ?, ?)";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int day = 0; day < 10; day++) {
                    for (UUID who : List.of(athlete, other)) {
                        double distance = ThreadLocalRandom.current().nextInt(1_000, 20_000);
                        int bpm = ThreadLocalRandom.current().nextInt(100, 180);
                        insert.setObject(1, who);
                        insert.setObject(2, OffsetDateTime.ofInstant(monday.plusSeconds(day * 86_400L),
                                ZoneOffset.UTC));
                        insert.setDouble(3, distance);
                        insert.setInt(4, bpm);
                        insert.addBatch();
                        if (who.equals(athlete) && day < 7) {
                            inWeek.add(new double[] {distance, bpm});
                        }
                    }
                }
                insert.executeBatch();
            }

            // when
            try (PreparedStatement week = connection.prepareStatement("SELECT count(), sum(distance_meters),"
                    + " max(heart_rate_bpm) FROM " + table + " WHERE athlete_id = ? AND started_at >= ?"
                    + " AND started_at < ?")) {
                week.setObject(1, athlete);
                week.setObject(2, OffsetDateTime.ofInstant(monday, ZoneOffset.UTC));
                week.setObject(3, OffsetDateTime.ofInstant(monday.plusSeconds(7 * 86_400L), ZoneOffset.UTC));
                try (ResultSet row = week.executeQuery()) {
                    // then
                    assertThat(row.next()).isTrue();
                    assertThat(row.getLong(1)).isEqualTo(7);
                    assertThat(row.getDouble(2)).isEqualTo(inWeek.stream().mapToDouble(w -> w[0]).sum());
                    assertThat(row.getInt(3))
                            .isEqualTo((int) inWeek.stream().mapToDouble(w -> w[1]).max().orElseThrow());
                    assertThat(row.next()).isFalse();
                }
            }
        }
    }

    @Test
    void shouldReadOnlyTheLatestVersionWhenReplacingMergeTreeIsQueriedWithFinal() throws Exception {
        try (Connection connection = connect(new Properties())) {
            // given
            String table = table("workout_summaries");
            execute(connection, "CREATE TABLE " + table + " (workout_id String, distance_meters Float64,"
                    + " version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY workout_id");
            execute(connection, "INSERT INTO " + table + " VALUES ('w1', 100, 1), ('w2', 200, 1)");
            execute(connection, "INSERT INTO " + table + " VALUES ('w1', 150, 3)");
            execute(connection, "INSERT INTO " + table + " VALUES ('w1', 120, 2)");

            // when
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT workout_id, distance_meters, version FROM " + table + " FINAL ORDER BY workout_id")) {
                // then
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("w1");
                assertThat(rows.getDouble(2)).isEqualTo(150.0);
                assertThat(rows.getLong(3)).isEqualTo(3);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("w2");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void shouldReturnWhatWasWrittenWhenColumnsHaveClickHouseTypes() throws Exception {
        try (Connection connection = connect(new Properties())) {
            // given
            String table = table("typed");
            execute(connection, "CREATE TABLE " + table + " (id UUID, at DateTime64(3, 'UTC'), cadence Nullable(Int32),"
                    + " tags Array(String), sport LowCardinality(String), pace Decimal(10, 2))"
                    + " ENGINE = MergeTree ORDER BY id");
            UUID first = new UUID(0, 1);
            UUID second = new UUID(0, 2);
            Instant at = Instant.parse("2026-12-06T10:15:30.123Z");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, first);
                insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setInt(3, 88);
                insert.setObject(4, List.of("tempo", "hills"));
                insert.setString(5, "RUNNING");
                insert.setBigDecimal(6, new BigDecimal("4.35"));
                insert.addBatch();
                insert.setObject(1, second);
                insert.setObject(2, OffsetDateTime.ofInstant(at.plusMillis(1), ZoneOffset.UTC));
                insert.setNull(3, Types.INTEGER);
                insert.setObject(4, List.of());
                insert.setString(5, "CYCLING");
                insert.setBigDecimal(6, new BigDecimal("-0.01"));
                insert.addBatch();
                insert.executeBatch();
            }

            // when
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT id, at, cadence, tags, sport, pace, toTypeName(sport) FROM " + table + " ORDER BY id")) {
                // then
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject(1, UUID.class)).isEqualTo(first);
                assertThat(rows.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(at);
                assertThat(rows.getInt(3)).isEqualTo(88);
                Array tags = rows.getArray(4);
                assertThat((Object[]) tags.getArray()).containsExactly("tempo", "hills");
                assertThat(rows.getString(5)).isEqualTo("RUNNING");
                assertThat(rows.getBigDecimal(6)).isEqualByComparingTo("4.35");
                assertThat(rows.getString(7)).isEqualTo("LowCardinality(String)");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject(1, UUID.class)).isEqualTo(second);
                assertThat(rows.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(at.plusMillis(1));
                assertThat(rows.getObject(3)).isNull();
                assertThat((Object[]) rows.getArray(4).getArray()).isEmpty();
                assertThat(rows.getBigDecimal(6)).isEqualByComparingTo("-0.01");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void shouldRaiseSqlExceptionWithClickHouseCodeWhenTheSqlIsWrong() throws Exception {
        try (Connection connection = connect(new Properties()); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT FROM WHERE"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(62))
                    .hasMessageContaining("(SYNTAX_ERROR)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table("missing")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(60))
                    .hasMessageContaining("(UNKNOWN_TABLE)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1; SELECT 2"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(62))
                    .hasMessageContaining("Multi-statements are not allowed");
        }
    }

    /** clickhouse-local would run a bare expression as a SELECT; the stand-in connects with implicit_select=0. */
    @Test
    void shouldNotRunAStatementWhenItsKeywordHasATypo() throws Exception {
        try (Connection connection = connect(new Properties()); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(62));
            assertThatThrownBy(() -> statement.executeQuery("1 + 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(62));
        }
    }

    @Test
    void shouldApplySettingsToTheirOwnRequestWhenSentWithARequestOrBySet() throws Exception {
        Properties withSetting = new Properties();
        withSetting.setProperty("clickhouse_setting_max_block_size", "1234");
        try (Connection plain = connect(new Properties()); Connection tuned = connect(withSetting)) {
            // given
            String defaultBlockSize = single(plain, "SELECT getSetting('max_block_size')");

            // when / then: a setting sent with each request of one connection
            assertThat(single(tuned, "SELECT getSetting('max_block_size')")).isEqualTo("1234");
            assertThat(single(plain, "SELECT getSetting('max_block_size')")).isEqualTo(defaultBlockSize);

            // when / then: SET, USE and a query's SETTINGS clause last for their own request, as on a server
            execute(plain, "SET max_block_size = 4321");
            execute(plain, "USE system");
            assertThat(single(plain, "SELECT getSetting('max_block_size') SETTINGS max_block_size = 99"))
                    .isEqualTo("99");
            assertThat(single(plain, "SELECT getSetting('max_block_size')")).isEqualTo(defaultBlockSize);
            assertThat(single(plain, "SELECT currentDatabase()")).isEqualTo("default");
        }
    }

    @Test
    void shouldKeepTheTablesWhenTheStandInRestarts() throws Exception {
        // given
        String table = table("kept");
        try (Connection connection = connect(new Properties())) {
            execute(connection, "CREATE TABLE " + table + " (id Int64) ENGINE = MergeTree ORDER BY id");
            execute(connection, "INSERT INTO " + table + " SELECT number FROM numbers(10)");
        }

        // when
        standIn.stop();
        standIn = startStandIn();

        // then
        try (Connection connection = connect(new Properties())) {
            assertThat(single(connection, "SELECT sum(id) FROM " + table)).isEqualTo("45");
        }
    }

    private static Connection connect(Properties properties) throws SQLException {
        Properties all = new Properties();
        all.setProperty("user", "default");
        all.setProperty("password", "");
        all.putAll(properties);
        return DriverManager.getConnection(jdbcUrl, all);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static String table(String name) {
        return name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
