package io.stride.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import io.stride.platform.kafka.SealedSerde;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/**
 * The right to erasure, checked the way an auditor would: a user whose email, names, chosen display name and device
 * model are unique canary strings signs up, logs in, chooses the display name and registers a device against the
 * packaged users service; after the erasure every store of the devstack is read in full (every PostgreSQL database,
 * schema and table the platform's user may read, every Redis key and value, every MongoDB database and collection as
 * raw BSON, every ClickHouse table as RowBinary, every Kafka topic from the beginning as raw bytes, headers included)
 * and none of the canaries may be left. The user also has a finished workout (sealed events, as the workouts service
 * publishes them) whose title, distance and first position are canaries, projected by the packaged workout-history app
 * into MongoDB, ClickHouse and Redis. Before the erasure the same scan has to find a clear value seeded into each
 * store, the device model and the workout where they belong, so that it cannot pass by finding nothing; the email and
 * names are then only present as ciphertexts.
 */
class GdprErasureIT {

    private static final String PASSWORD = UsersApp.PASSWORD;

    private static UsersApp users;
    private static AppProcess gateway;
    private static AppProcess workouts;
    private static AppProcess goals;
    private static AppProcess history;
    private static HistoryFixtures fixtures;
    private static String generation;
    private static String run;

    @BeforeAll
    static void startApps() throws IOException {
        Path root = Checkout.root();
        Path workDir = root.resolve("system-tests/target/apps-" + UUID.randomUUID());
        run = UUID.randomUUID().toString().substring(0, 8);
        users = UsersApp.start(root, workDir);
        gateway = AppProcess.start(root, "ingest/telemetry-gateway", List.of(), workDir);
        workouts = AppProcess.start(root, "command-services/workouts", List.of(users.jwksProperty()), workDir);
        goals = AppProcess.start(root, "command-services/goals", List.of(users.jwksProperty()), workDir);
        generation = "gdpr_it_" + run;
        history = AppProcess.start(root, "query-services/workout-history", List.of(users.jwksProperty(),
                "-Dworkout-history.generation=" + generation), workDir);
        fixtures = new HistoryFixtures();
    }

    @AfterAll
    static void stopApps() throws InterruptedException {
        if (workouts != null) {
            workouts.close();
        }
        if (goals != null) {
            goals.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
        if (history != null) {
            history.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (users != null) {
            users.close();
        }
    }

    @Test
    void shouldLeaveNoTraceOfTheUserInAnyStoreWhenTheUserIsErased() throws Exception {
        // given: a user made of canaries, logged in, with a device
        String tag = UUID.randomUUID().toString().replace("-", "");
        String email = "canary-email-" + tag + "@example.test";
        String firstName = "canaryfirst" + tag;
        String lastName = "canarylast" + tag;
        String model = "canarymodel" + tag;
        String title = "canarytitle" + tag;
        String displayName = "cd" + tag;
        List<String> canaries = List.of(email, firstName, lastName, model, title, displayName);
        String userId = users.registerConfirmed(Map.of("email", email, "password", PASSWORD, "first_name", firstName,
                "last_name", lastName)).toString();
        JsonPath tokens = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .post(users.baseUrl() + "/api/v1/auth/login")
                .then().statusCode(200)
                .extract().jsonPath();
        String authorization = "Bearer " + tokens.getString("access_token");
        JsonPath device = given().header("Authorization", authorization)
                .contentType(ContentType.JSON)
                .body(Map.of("model", model))
                .post(users.baseUrl() + "/api/v1/users/me/devices")
                .then().statusCode(201)
                .extract().jsonPath();
        String deviceId = device.getString("device_id");
        await("device credential published").atMost(Duration.ofSeconds(30))
                .until(() -> !DevstackKafka.recordsOf(Topics.DEVICE_CREDENTIALS, deviceId).isEmpty());
        // and: the name the athlete chose to show on public boards
        given().header("Authorization", authorization)
                .contentType(ContentType.JSON)
                .body(Map.of("display_name", displayName))
                .patch(users.baseUrl() + "/api/v1/users/me")
                .then().statusCode(200);
        await("public profile published").atMost(Duration.ofSeconds(30))
                .until(() -> !DevstackKafka.recordsOf(Topics.PUBLIC_PROFILES, userId).isEmpty());

        // and: the device sends a sample whose latitude is a canary too (its bytes as Avro writes a double)
        // and: a workout the athlete started and titled, kept by the workouts service (event store, idempotency
        // outcome, outbox) and published sealed on workouts.workout-events
        String titledWorkout = UUID.randomUUID().toString();
        given().header("Authorization", authorization).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("workout_id", titledWorkout, "sport", "running", "title", title))
                .post(workouts.baseUrl() + "/api/v1/workouts")
                .then().statusCode(201);
        await("workout events published").atMost(Duration.ofSeconds(30))
                .until(() -> !DevstackKafka.recordsOf(Topics.WORKOUT_EVENTS, titledWorkout).isEmpty());
        assertThat(DevstackKafka.recordsOf(Topics.WORKOUT_EVENTS, titledWorkout).getFirst().headers()
                .lastHeader(SealedSerde.SEALED_FOR_HEADER).value()).asString(StandardCharsets.UTF_8)
                .isEqualTo(userId);

        // and: a goal the athlete set, kept by the goals service and published on goals.goals
        String goalId = given().header("Authorization", authorization)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("kind", "period_total", "metric", "distance", "period", "week", "target", 20_000))
                .post(goals.baseUrl() + "/api/v1/goals")
                .then().statusCode(201).extract().path("id");
        await("goal published").atMost(Duration.ofSeconds(30))
                .until(() -> !DevstackKafka.recordsOf(Topics.GOALS, goalId).isEmpty());

        String credential = device.getString("credential");
        double latitude = 10 + new Random().nextDouble() * 40;
        String workoutId = UUID.randomUUID().toString();
        await("gateway admits the device").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", "Device " + credential).contentType(ContentType.JSON)
                        .body("{\"samples\": []}").post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                        .statusCode() != 401);
        given().header("Authorization", "Device " + credential).contentType(ContentType.JSON)
                .body(Map.of("samples", List.of(Map.of("device_id", deviceId, "workout_id", workoutId,
                        "user_id", userId, "sequence_number", 1, "recorded_at", Instant.now().toString(),
                        "latitude", latitude, "longitude", 37.6, "heart_rate_bpm", 140))))
                .post(gateway.baseUrl() + "/api/v1/telemetry/batches")
                .then().statusCode(202);
        await("sealed telemetry published").atMost(Duration.ofSeconds(30))
                .until(() -> !DevstackKafka.recordsOf(Topics.TELEMETRY_SAMPLE_BATCHES, workoutId).isEmpty());
        ConsumerRecord<byte[], byte[]> sealed = DevstackKafka.recordsOf(Topics.TELEMETRY_SAMPLE_BATCHES, workoutId)
                .getFirst();
        assertThat(sealed.headers().lastHeader(SealedSerde.SEALED_FOR_HEADER).value())
                .asString(StandardCharsets.UTF_8).isEqualTo(userId);
        // and: a finished workout whose title (the same canary), distance and first position are canaries, in the
        // workout history
        double distance = 5_000 + new Random().nextDouble() * 1_000;
        UUID workout = UUID.randomUUID();
        List<HistoryFixtures.Point> track = new ArrayList<>(HistoryFixtures.parkRun(latitude, 37.6, 600));
        HistoryFixtures.Point first = track.getFirst();
        track.set(0, new HistoryFixtures.Point(first.offsetMillis(), latitude, first.longitude(), first.altitude(),
                first.heartRate(), first.distance(), first.speed()));
        fixtures.publishSealed(workout, UUID.fromString(userId), HistoryFixtures.events(workout,
                UUID.fromString(userId), Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                SportType.RUNNING, title, track, distance));
        await("the workout in the history's read models").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Mongo.historyHas(workout) && !ClickHouse.rowsOf(workout).isEmpty());
        byte[] telemetryKey = Postgres.bytes("select telemetry_key from users.data_keys where user_id = ?",
                UUID.fromString(userId));
        Map<String, byte[]> needles = new TreeMap<>();
        canaries.forEach(canary -> needles.put(canary, canary.getBytes(StandardCharsets.UTF_8)));
        needles.put("latitude", ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putDouble(latitude).array());
        needles.put("telemetry key", telemetryKey);
        needles.put("distance", ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putDouble(distance).array());

        // and: a clear value seeded into every store, which the scan has to find
        String seed = "canaryseed" + tag;
        try (Seeds seeds = Seeds.plant(seed, run)) {
            Map<String, byte[]> withSeed = new TreeMap<>(needles);
            withSeed.put(seed, seed.getBytes(StandardCharsets.UTF_8));
            Map<String, Set<String>> before = Scan.everything(withSeed);
            assertThat(before.get(seed)).as("seeded value found in every store")
                    .anyMatch(place -> place.startsWith("postgres:"))
                    .anyMatch(place -> place.startsWith("redis:"))
                    .anyMatch(place -> place.startsWith("mongodb:"))
                    .anyMatch(place -> place.startsWith("clickhouse:"))
                    .anyMatch(place -> place.startsWith("kafka:"));
            assertThat(before.get(model)).as("device model where the platform keeps it")
                    .anyMatch(place -> place.startsWith("postgres:") && place.contains("users.devices"));
            assertThat(before.get(title)).as("the workout's title where the workouts service keeps it")
                    .anyMatch(place -> place.startsWith("postgres:") && place.contains("workouts.workout_events"))
                    .noneMatch(place -> place.startsWith("kafka:"));
            assertThat(before.get(email)).as("clear email anywhere").isEmpty();
            assertThat(before.get(firstName)).as("clear first name anywhere").isEmpty();
            assertThat(before.get(lastName)).as("clear last name anywhere").isEmpty();
            assertThat(before.get(displayName)).as("the chosen display name: public on its topic, encrypted at rest")
                    .anyMatch(place -> place.startsWith("kafka:" + Topics.PUBLIC_PROFILES + "/"))
                    .noneMatch(place -> place.contains("users.users"));
            // the workout's position, title and figures are sealed in MongoDB (and so in its oplog) with the user's
            // telemetry key, as on the topics; the cached summary (Redis) and the analytics (ClickHouse) are clear
            assertThat(before.get("latitude")).as("clear telemetry anywhere (sealed on its topics and in MongoDB)")
                    .isEmpty();
            assertThat(before.get(title)).as("the workout's title in the history's cached summary")
                    .anyMatch(place -> place.startsWith("redis:") && place.contains("workout-history:summary:"))
                    .noneMatch(place -> place.startsWith("mongodb:"));
            assertThat(before.get("distance")).as("the workout's distance in the history's analytics")
                    .anyMatch(place -> place.equals("clickhouse:" + generation + "/workout_facts"))
                    .noneMatch(place -> place.startsWith("mongodb:"));
            assertThat(before.get("telemetry key")).as("the user's wrapped telemetry key where it is kept")
                    .anyMatch(place -> place.startsWith("postgres:") && place.contains("users.data_keys"))
                    .anyMatch(place -> place.startsWith("kafka:" + Topics.TELEMETRY_KEYS + "/"));
            assertThat(Postgres.count("select count(*) from users.users where id = ? and email_encrypted is not null",
                    UUID.fromString(userId))).as("the account, encrypted").isEqualTo(1);
        }

        // when
        given().header("Authorization", authorization)
                .contentType(ContentType.JSON)
                .body(Map.of("password", PASSWORD))
                .delete(users.baseUrl() + "/api/v1/users/me")
                .then().statusCode(204);
        await("erasure and device tombstone published").atMost(Duration.ofSeconds(30))
                .until(() -> !DevstackKafka.recordsOf(Topics.USER_ERASURES, userId).isEmpty()
                        && DevstackKafka.recordsOf(Topics.DEVICE_CREDENTIALS, deviceId).getLast().value() == null);

        // then
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .post(users.baseUrl() + "/api/v1/auth/login")
                .then().statusCode(401);
        ConsumerRecord<byte[], byte[]> keyTombstone = await("telemetry key tombstone published")
                .atMost(Duration.ofSeconds(30))
                .until(() -> DevstackKafka.recordsOf(Topics.TELEMETRY_KEYS, userId).getLast(),
                        record -> record.value() == null);
        Compaction.awaitRemoved(Topics.TELEMETRY_KEYS, keyTombstone.partition(), userId);
        ConsumerRecord<byte[], byte[]> profileTombstone = await("public profile tombstone published")
                .atMost(Duration.ofSeconds(30))
                .until(() -> DevstackKafka.recordsOf(Topics.PUBLIC_PROFILES, userId).getLast(),
                        record -> record.value() == null);
        Compaction.awaitRemoved(Topics.PUBLIC_PROFILES, profileTombstone.partition(), userId);
        await("the workouts service erased the athlete").atMost(Duration.ofSeconds(60))
                .until(() -> Postgres.count("select count(*) from workouts.workout_events where user_id = ?",
                        UUID.fromString(userId)) == 0);
        await("the goals service erased the athlete").atMost(Duration.ofSeconds(60))
                .until(() -> Postgres.count("select count(*) from goals.goals where user_id = ?",
                        UUID.fromString(userId)) == 0);
        ConsumerRecord<byte[], byte[]> goalTombstone = await("goal tombstone published")
                .atMost(Duration.ofSeconds(30))
                .until(() -> DevstackKafka.recordsOf(Topics.GOALS, goalId).getLast(), record -> record.value() == null);
        Compaction.awaitRemoved(Topics.GOALS, goalTombstone.partition(), goalId);
        await("the workout history's erasure").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> !Mongo.historyHas(workout) && ClickHouse.rowsOf(workout).isEmpty());
        Map<String, Set<String>> after = Scan.everything(needles);
        for (String needle : needles.keySet()) {
            assertThat(after.get(needle)).as("residues of %s", needle).isEmpty();
        }
        assertThat(DevstackKafka.recordsOf(Topics.TELEMETRY_SAMPLE_BATCHES, workoutId))
                .as("the telemetry is still on its 90-day topic, as ciphertext without a key").isNotEmpty();
    }

    /** Where each needle occurs: {@code <store>:<place>} entries. */
    private static final class Scan {

        static Map<String, Set<String>> everything(Map<String, byte[]> needles) throws Exception {
            Map<String, Set<String>> found = new TreeMap<>();
            needles.keySet().forEach(needle -> found.put(needle, new TreeSet<>()));
            Matcher matcher = new Matcher(needles, found);
            Postgres.scan(matcher);
            Redis.scan(matcher);
            Mongo.scan(matcher);
            ClickHouse.scan(matcher);
            KafkaScan.scan(matcher);
            return found;
        }
    }

    /** Looks for every needle in raw bytes, and for its hex form in PostgreSQL's text of bytea columns. */
    private static final class Matcher {

        private final Map<String, byte[]> needles = new TreeMap<>();
        private final Map<String, String> hexNeedles = new TreeMap<>();
        private final Map<String, Set<String>> found;

        Matcher(Map<String, byte[]> needles, Map<String, Set<String>> found) {
            this.found = found;
            needles.forEach((name, bytes) -> {
                this.needles.put(name, bytes);
                hexNeedles.put(name, HexFormat.of().formatHex(bytes));
            });
        }

        void bytes(String place, byte[] haystack) {
            if (haystack == null) {
                return;
            }
            String text = new String(haystack, StandardCharsets.ISO_8859_1);
            needles.forEach((needle, bytes) -> {
                if (text.contains(new String(bytes, StandardCharsets.ISO_8859_1))) {
                    found.get(needle).add(place);
                }
            });
        }

        void text(String place, String haystack) {
            if (haystack == null) {
                return;
            }
            bytes(place, haystack.getBytes(StandardCharsets.UTF_8));
            String lower = haystack.toLowerCase();
            hexNeedles.forEach((needle, hex) -> {
                if (lower.contains(hex)) {
                    found.get(needle).add(place + " (hex)");
                }
            });
        }
    }

    /** Every database the devstack's user may connect to; every table outside the system catalogues, row by row. */
    private static final class Postgres {

        static Connection connect(String database) throws SQLException {
            Map<String, String> devstack = Devstack.addresses();
            String url = "jdbc:postgresql://" + devstack.get(Devstack.POSTGRES_HOST) + ":"
                    + devstack.get(Devstack.POSTGRES_PORT) + "/" + database;
            return DriverManager.getConnection(url, devstack.get(Devstack.POSTGRES_USER),
                    devstack.get(Devstack.POSTGRES_PASSWORD));
        }

        static byte[] bytes(String sql, Object parameter) throws SQLException {
            try (Connection connection = connect(Devstack.addresses().get(Devstack.POSTGRES_DB));
                    PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, parameter);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).as(sql).isTrue();
                    return row.getBytes(1);
                }
            }
        }

        static long count(String sql, Object parameter) throws SQLException {
            try (Connection connection = connect(Devstack.addresses().get(Devstack.POSTGRES_DB));
                    PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, parameter);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }

        static void scan(Matcher matcher) throws SQLException {
            List<String> databases = new ArrayList<>();
            try (Connection connection = connect(Devstack.addresses().get(Devstack.POSTGRES_DB));
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select datname from pg_database where datallowconn "
                            + "and has_database_privilege(datname, 'CONNECT') order by datname")) {
                while (rows.next()) {
                    databases.add(rows.getString(1));
                }
            }
            assertThat(databases).contains(Devstack.addresses().get(Devstack.POSTGRES_DB));
            for (String database : databases) {
                try (Connection connection = connect(database)) {
                    connection.setAutoCommit(false);
                    for (String table : tables(connection)) {
                        scanTable(matcher, connection, database, table);
                    }
                    connection.rollback();
                }
            }
        }

        private static List<String> tables(Connection connection) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select quote_ident(table_schema) || '.' || "
                            + "quote_ident(table_name) from information_schema.tables where table_type = "
                            + "'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                            + "and has_table_privilege(quote_ident(table_schema) || '.' || quote_ident(table_name), "
                            + "'SELECT') order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }

        private static void scanTable(Matcher matcher, Connection connection, String database, String table)
                throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
                    while (rows.next()) {
                        matcher.text("postgres:" + database + "/" + table, rows.getString(1));
                    }
                }
            }
        }
    }

    /** Every key of every Redis database (SCAN), with its value read according to its type. */
    private static final class Redis {

        static void scan(Matcher matcher) throws IOException {
            URI uri = URI.create(Devstack.addresses().get(Devstack.REDIS_URL));
            try (Resp redis = new Resp(uri.getHost(), uri.getPort())) {
                String info = new String((byte[]) redis.call("INFO", "keyspace"), StandardCharsets.UTF_8);
                List<String> databases = info.lines()
                        .filter(line -> line.startsWith("db"))
                        .map(line -> line.substring(2, line.indexOf(':')))
                        .toList();
                for (String database : databases) {
                    redis.call("SELECT", database);
                    String cursor = "0";
                    do {
                        List<?> reply = (List<?>) redis.call("SCAN", cursor, "COUNT", "1000");
                        cursor = new String((byte[]) reply.get(0), StandardCharsets.UTF_8);
                        for (Object key : (List<?>) reply.get(1)) {
                            scanKey(matcher, redis, database, (byte[]) key);
                        }
                    } while (!"0".equals(cursor));
                }
            }
        }

        private static void scanKey(Matcher matcher, Resp redis, String database, byte[] key) throws IOException {
            String place = "redis:db" + database + "/" + new String(key, StandardCharsets.UTF_8);
            matcher.bytes(place + " (key)", key);
            String type = new String((byte[]) redis.call("TYPE", key), StandardCharsets.UTF_8);
            Object value = switch (type) {
                case "string" -> redis.call("GET", key);
                case "hash" -> redis.call("HGETALL", key);
                case "list" -> redis.call("LRANGE", key, "0", "-1");
                case "set" -> redis.call("SMEMBERS", key);
                case "zset" -> redis.call("ZRANGE", key, "0", "-1", "WITHSCORES");
                case "stream" -> redis.call("XRANGE", key, "-", "+");
                case "none" -> null;
                default -> throw new IllegalStateException("unexpected Redis type " + type + " at " + place);
            };
            flatten(value, bytes -> matcher.bytes(place, bytes));
        }

        private static void flatten(Object value, Consumer<byte[]> sink) {
            if (value instanceof byte[] bytes) {
                sink.accept(bytes);
            } else if (value instanceof List<?> list) {
                list.forEach(item -> flatten(item, sink));
            }
        }
    }

    /** A minimal RESP2 client: commands as bulk strings, replies as byte[], Long, List or null. */
    private static final class Resp implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Resp(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        Object call(Object... arguments) throws IOException {
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            command.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (Object argument : arguments) {
                byte[] bytes = argument instanceof byte[] raw ? raw
                        : argument.toString().getBytes(StandardCharsets.UTF_8);
                command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                command.writeBytes(bytes);
                command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(command.toByteArray());
            out.flush();
            return reply();
        }

        private Object reply() throws IOException {
            int type = in.read();
            String line = line();
            return switch (type) {
                case '+' -> line.getBytes(StandardCharsets.UTF_8);
                case '-' -> throw new IOException("Redis error: " + line);
                case ':' -> Long.parseLong(line);
                case '$' -> {
                    int length = Integer.parseInt(line);
                    if (length < 0) {
                        yield null;
                    }
                    byte[] bytes = in.readNBytes(length);
                    in.readNBytes(2);
                    yield bytes;
                }
                case '*' -> {
                    int count = Integer.parseInt(line);
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        items.add(reply());
                    }
                    yield count < 0 ? null : items;
                }
                default -> throw new IOException("unexpected RESP type " + type);
            };
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            for (int current = in.read(); current != -1; current = in.read()) {
                if (previous == '\r' && current == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                }
                line.write(current);
                previous = current;
            }
            throw new IOException("Redis closed the connection");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Every database and collection of the MongoDB server, each document as raw BSON bytes. */
    private static final class Mongo {

        static MongoClient client() {
            return MongoClients.create(Devstack.addresses().get(Devstack.MONGODB_CONNECTION_STRING));
        }

        /** Whether the workout-history app under test holds the workout. */
        static boolean historyHas(UUID workout) {
            try (MongoClient client = client()) {
                return client.getDatabase(generation).getCollection("workouts")
                        .find(Filters.eq("_id", workout.toString())).first() != null;
            }
        }

        static void scan(Matcher matcher) {
            try (MongoClient client = client()) {
                for (String database : client.listDatabaseNames()) {
                    MongoDatabase db = client.getDatabase(database);
                    for (String collection : db.listCollectionNames()) {
                        String place = "mongodb:" + database + "/" + collection;
                        for (RawBsonDocument document : db.getCollection(collection, RawBsonDocument.class).find()) {
                            byte[] bytes = new byte[document.getByteBuffer().remaining()];
                            document.getByteBuffer().get(bytes);
                            matcher.bytes(place, bytes);
                        }
                    }
                }
            }
        }
    }

    /** Every table of every ClickHouse database but the system ones, each read whole as RowBinary (raw values). */
    private static final class ClickHouse {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        static byte[] query(String sql) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(Devstack.addresses().get(Devstack.CLICKHOUSE_URL) + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("ClickHouse answered " + response.statusCode() + " to " + sql + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }

        static List<String> lines(String sql) throws IOException, InterruptedException {
            return new String(query(sql), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        }

        /** The workout's analytics rows in the workout-history app's database. */
        static List<String> rowsOf(UUID workout) throws IOException, InterruptedException {
            if (lines("EXISTS TABLE " + generation + ".workout_facts FORMAT TabSeparated").equals(List.of("0"))) {
                return List.of();
            }
            return lines("SELECT * FROM " + generation + ".workout_facts WHERE workout_id = '" + workout
                    + "' FORMAT TabSeparated");
        }

        static void scan(Matcher matcher) throws IOException, InterruptedException {
            List<String> databases = lines("SELECT name FROM system.databases WHERE name NOT IN ('system', "
                    + "'INFORMATION_SCHEMA', 'information_schema') ORDER BY name FORMAT TabSeparated");
            for (String database : databases) {
                for (String table : lines("SELECT name FROM system.tables WHERE database = '" + database
                        + "' AND engine NOT LIKE '%View' ORDER BY name FORMAT TabSeparated")) {
                    matcher.bytes("clickhouse:" + database + "/" + table,
                            query("SELECT * FROM `" + database + "`.`" + table + "` FORMAT RowBinary"));
                }
            }
        }

        static void seed(String run, String seed) throws IOException, InterruptedException {
            query("CREATE DATABASE IF NOT EXISTS gdpr_it");
            query("CREATE TABLE gdpr_it.seed_" + run + " (value String) ENGINE = MergeTree ORDER BY tuple()");
            query("INSERT INTO gdpr_it.seed_" + run + " VALUES ('" + seed + "')");
        }

        static void dropSeed(String run) throws IOException, InterruptedException {
            query("DROP TABLE IF EXISTS gdpr_it.seed_" + run);
        }
    }

    /** Every partition of every topic (internal ones too), from the beginning, keys, values and headers as bytes. */
    private static final class KafkaScan {

        static Admin admin() {
            return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS)));
        }

        static KafkaProducer<byte[], byte[]> producer() {
            return new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        }

        static void scan(Matcher matcher) throws Exception {
            try (Admin admin = admin(); KafkaConsumer<byte[], byte[]> consumer = DevstackKafka.rawConsumer()) {
                Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                        .names().get(30, TimeUnit.SECONDS);
                List<TopicPartition> partitions = new ArrayList<>();
                for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                        .values()) {
                    topic.partitions().forEach(partition -> partitions.add(
                            new TopicPartition(topic.name(), partition.partition())));
                }
                assertThat(topics).contains(Topics.DEVICE_CREDENTIALS, Topics.USER_ERASURES);
                DevstackKafka.readAll(consumer, partitions, record -> {
                    String place = "kafka:" + record.topic() + "/" + record.partition();
                    matcher.bytes(place + " (key)", record.key());
                    matcher.bytes(place, record.value());
                    for (Header header : record.headers()) {
                        matcher.bytes(place + " (header " + header.key() + ")", header.value());
                    }
                });
            }
        }
    }

    /**
     * Makes the broker compact one partition of a compacted topic now rather than within the topic's bounds (a closed
     * segment, {@code max.compaction.lag.ms}): tiny segments and any dirt cleanable for a while, a harmless tombstone
     * of a key nobody uses to close the segment holding the erased key's records, until the key's values are gone.
     * The topic's catalogue configuration is restored afterwards.
     */
    private static final class Compaction {

        static void awaitRemoved(String topic, int partition, String key) throws Exception {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            try (Admin admin = KafkaScan.admin(); KafkaProducer<byte[], byte[]> producer = KafkaScan.producer()) {
                alter(admin, resource, Map.of("segment.ms", "100", "min.cleanable.dirty.ratio", "0.01"));
                try {
                    byte[] filler = ("gdpr-it-segment-roll-" + run).getBytes(StandardCharsets.UTF_8);
                    await("compaction of " + topic + "/" + partition).atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(() -> {
                                producer.send(new ProducerRecord<>(topic, partition, filler, null))
                                        .get(30, TimeUnit.SECONDS);
                                return DevstackKafka.recordsOf(topic, key).stream()
                                        .allMatch(record -> record.value() == null);
                            });
                } finally {
                    Map<String, String> catalogue = new TreeMap<>(Topics.catalogue().stream()
                            .filter(spec -> spec.name().equals(topic)).findFirst().orElseThrow().config());
                    alter(admin, resource, Map.of("segment.ms", catalogue.get("segment.ms")));
                    admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                            new ConfigEntry("min.cleanable.dirty.ratio", ""), AlterConfigOp.OpType.DELETE))))
                            .all().get(30, TimeUnit.SECONDS);
                }
            }
        }

        private static void alter(Admin admin, ConfigResource resource, Map<String, String> values) throws Exception {
            admin.incrementalAlterConfigs(Map.of(resource, values.entrySet().stream()
                            .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
                                    AlterConfigOp.OpType.SET))
                            .toList()))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A clear value planted in each store for the scan to find, removed afterwards. */
    private static final class Seeds implements AutoCloseable {

        private final String run;

        private Seeds(String run) {
            this.run = run;
        }

        static Seeds plant(String seed, String run) throws Exception {
            Seeds seeds = new Seeds(run);
            try (Connection connection = Postgres.connect(Devstack.addresses().get(Devstack.POSTGRES_DB));
                    Statement statement = connection.createStatement()) {
                statement.execute("create table public.gdpr_it_seed_" + run + " (value text)");
                statement.execute("insert into public.gdpr_it_seed_" + run + " values ('" + seed + "')");
            }
            URI uri = URI.create(Devstack.addresses().get(Devstack.REDIS_URL));
            try (Resp redis = new Resp(uri.getHost(), uri.getPort())) {
                // Expires by itself should the test die before removing it.
                redis.call("SET", "gdpr-it:seed:" + run, "{\"value\":\"" + seed + "\"}", "EX", "600");
            }
            try (MongoClient client = Mongo.client()) {
                client.getDatabase("gdpr_it").getCollection("seed_" + run).insertOne(new Document("value", seed));
            }
            ClickHouse.seed(run, seed);
            try (Admin admin = KafkaScan.admin(); KafkaProducer<byte[], byte[]> kafka = KafkaScan.producer()) {
                admin.createTopics(List.of(new NewTopic(seeds.topic(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                kafka.send(new ProducerRecord<>(seeds.topic(), null, seed.getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
            return seeds;
        }

        private String topic() {
            return "gdpr-it.seed-" + run;
        }

        @Override
        public void close() throws Exception {
            try (Connection connection = Postgres.connect(Devstack.addresses().get(Devstack.POSTGRES_DB));
                    Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists public.gdpr_it_seed_" + run);
            }
            URI uri = URI.create(Devstack.addresses().get(Devstack.REDIS_URL));
            try (Resp redis = new Resp(uri.getHost(), uri.getPort())) {
                redis.call("DEL", "gdpr-it:seed:" + run);
            }
            try (MongoClient client = Mongo.client()) {
                client.getDatabase("gdpr_it").getCollection("seed_" + run).drop();
            }
            ClickHouse.dropSeed(run);
            try (Admin admin = KafkaScan.admin()) {
                admin.deleteTopics(List.of(topic())).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
