package io.stride.commands.users.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stride.commands.users.Registrations;
import io.stride.commands.users.application.TelemetryKeyBackfill;
import io.stride.commands.users.application.UserExport;
import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.schemas.users.UserErased;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackResource;
import io.stride.testing.TopicFollower;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class GdprApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    TelemetryKeyBackfill backfill;

    private record Account(String id, String email, String firstName, String lastName) {
    }

    private static Account register() {
        String tag = UUID.randomUUID().toString().replace("-", "");
        String email = "gdpr-" + tag + "@example.com";
        String id = Registrations.registerConfirmed(Map.of("email", email, "password", PASSWORD, "first_name",
                "Fn" + tag, "last_name", "Ln" + tag), null).toString();
        return new Account(id, email, "Fn" + tag, "Ln" + tag);
    }

    private static JsonPath login(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .when()
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String bearer(JsonPath tokens) {
        return "Bearer " + tokens.getString("access_token");
    }

    private static JsonPath registerDevice(JsonPath tokens, String model) {
        return given().header("Authorization", bearer(tokens))
                .contentType(ContentType.JSON)
                .body(Map.of("model", model))
                .when()
                .post("/api/v1/users/me/devices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static Connection database() throws SQLException {
        Map<String, String> devstack = Devstack.addresses();
        return DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    @Test
    void shouldExportProfileSessionsDevicesAndEventsWithoutSecretsWhenAsked() {
        // given
        Account account = register();
        JsonPath tokens = login(account.email());
        JsonPath device = registerDevice(tokens, "Export Watch 1");
        String totpSecret = given().header("Authorization", bearer(tokens))
                .when()
                .post("/api/v1/users/me/totp")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");

        // when
        var response = given().header("Authorization", bearer(tokens))
                .when()
                .get("/api/v1/users/me/export")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Content-Disposition", "attachment; filename=\"stride-user-" + account.id() + ".json\"")
                .body("format", equalTo(UserExport.FORMAT))
                .body("profile.id", equalTo(account.id()))
                .body("profile.email", equalTo(account.email()))
                .body("profile.first_name", equalTo(account.firstName()))
                .body("profile.last_name", equalTo(account.lastName()))
                .body("profile.roles", equalTo(List.of("athlete")))
                .body("sessions", hasSize(1))
                .body("sessions[0].refresh_tokens_issued", equalTo(1))
                .body("devices", hasSize(1))
                .body("devices[0].device_id", equalTo(device.getString("device_id")))
                .body("devices[0].model", equalTo("Export Watch 1"))
                .body("audit_events.type", hasItems("user_registered", "login_succeeded", "device_registered"))
                .extract()
                .asString();

        // then
        String secret = device.getString("credential").substring(device.getString("credential").indexOf('.') + 1);
        assertThat(response).doesNotContain("argon2", "password_hash", "totp_secret", "secret_sha256",
                tokens.getString("refresh_token"), tokens.getString("access_token"), secret, totpSecret);
    }

    @Test
    void shouldRefuseErasureWhenPasswordIsWrong() {
        // given
        Account account = register();
        JsonPath tokens = login(account.email());

        // when / then
        given().header("Authorization", bearer(tokens))
                .contentType(ContentType.JSON)
                .body(Map.of("password", "not the password at all"))
                .when()
                .delete("/api/v1/users/me")
                .then()
                .statusCode(403)
                .body("error", equalTo("wrong_password"));
        login(account.email());
    }

    @Test
    void shouldRemoveRowsShredKeyAndPublishErasureAndTombstonesWhenUserErasesThemself() throws Exception {
        // given
        Account account = register();
        JsonPath tokens = login(account.email());
        String deviceId = registerDevice(tokens, "Erase Watch 2").getString("device_id");
        UUID userId = UUID.fromString(account.id());
        UserKeyring keyring = new UserKeyring();
        try (TopicFollower<DeviceCredential> credentials = new TopicFollower<>(Topics.DEVICE_CREDENTIALS);
                TopicFollower<UserErased> erasures = new TopicFollower<>(Topics.USER_ERASURES);
                CompactedTopicReader telemetryKeys = TelemetryKeys.follow(keyring,
                        TelemetryKeys.readKek(Path.of(Devstack.addresses().get(Devstack.TELEMETRY_KEK_LOCATION))),
                        Devstack.addresses().get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                        Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !credentials.rawRecordsOf(deviceId).isEmpty());
            assertThat(keyring.keyOf(account.id())).as("the user's telemetry key, opened with the platform's KEK")
                    .isNotNull();

            // when
            given().header("Authorization", bearer(tokens))
                    .contentType(ContentType.JSON)
                    .body(Map.of("password", PASSWORD))
                    .when()
                    .delete("/api/v1/users/me")
                    .then()
                    .statusCode(204);

            // then
            given().contentType(ContentType.JSON)
                    .body(Map.of("email", account.email(), "password", PASSWORD))
                    .when()
                    .post("/api/v1/auth/login")
                    .then()
                    .statusCode(401)
                    .body("error", equalTo("invalid_credentials"));
            given().header("Authorization", bearer(tokens))
                    .when()
                    .get("/api/v1/users/me")
                    .then()
                    .statusCode(404);
            given().contentType(ContentType.JSON)
                    .body(Map.of("refresh_token", tokens.getString("refresh_token")))
                    .when()
                    .post("/api/v1/auth/refresh")
                    .then()
                    .statusCode(401);
            assertThat(count("select count(*) from users.users where id = ?", userId)).isZero();
            assertThat(count("select count(*) from users.data_keys where user_id = ?", userId)).isZero();
            assertThat(count("select count(*) from users.sessions where user_id = ?", userId)).isZero();
            assertThat(count("select count(*) from users.recovery_codes where user_id = ?", userId)).isZero();
            assertThat(count("select count(*) from users.devices where user_id = ?", userId)).isZero();
            assertThat(count("select count(*) from users.audit_events where user_id = ? and type <> 'user_erased'",
                    userId)).isZero();
            assertThat(count("select count(*) from users.audit_events where user_id = ? and type = 'user_erased'",
                    userId)).isEqualTo(1);
            assertThat(count("select count(*) from users.outbox where record_key = ? and payload is not null",
                    deviceId)).isZero();
            assertThat(count("select count(*) from users.outbox where topic = 'users.telemetry-keys' and record_key "
                    + "= ? and payload is not null", account.id())).as("published telemetry key rows").isZero();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThatThrownBy(() -> keyring.keyOf(account.id()))
                            .as("telemetry key shredded by its tombstone")
                            .isInstanceOf(UserKeyring.ShreddedKey.class));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        List<ConsumerRecord<String, byte[]>> deviceRecords = credentials.rawRecordsOf(deviceId);
                        assertThat(deviceRecords.getLast().value()).as("tombstone").isNull();
                        List<ConsumerRecord<String, byte[]>> erased = erasures.rawRecordsOf(account.id());
                        assertThat(erased).hasSize(1);
                        assertThat(new String(erased.getFirst().value(), StandardCharsets.ISO_8859_1))
                                .contains(account.id());
                    });
        }
    }

    @Test
    void shouldLetOnlyAnAdminEraseAnotherUserWhenDeletingById() throws Exception {
        // given
        Account athlete = register();
        Account other = register();
        Account admin = register();
        execute("update users.users set roles = 'admin' where id = ?", UUID.fromString(admin.id()));
        JsonPath athleteTokens = login(athlete.email());
        JsonPath adminTokens = login(admin.email());

        // when
        given().header("Authorization", bearer(athleteTokens))
                .when()
                .delete("/api/v1/users/" + other.id())
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(adminTokens))
                .when()
                .delete("/api/v1/users/" + other.id())
                .then()
                .statusCode(204);

        // then
        given().header("Authorization", bearer(adminTokens))
                .when()
                .delete("/api/v1/users/" + other.id())
                .then()
                .statusCode(404);
        assertThat(count("select count(*) from users.users where id = ?", UUID.fromString(other.id()))).isZero();
        login(athlete.email());
    }

    @Test
    void shouldIssueATelemetryKeyWhenAUserHasNone() throws Throwable {
        // given: an account as registered before telemetry keys existed
        Account account = register();
        UUID userId = UUID.fromString(account.id());
        execute("update users.data_keys set telemetry_key = null where user_id = ?", userId);

        // when
        int issued = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(backfill::issueMissing));

        // then
        assertThat(issued).isPositive();
        assertThat(count("select count(*) from users.data_keys where user_id = ? and telemetry_key is not null",
                userId)).isEqualTo(1);
        assertThat(count("select count(*) from users.outbox where topic = 'users.telemetry-keys' and record_key = ?",
                account.id())).as("the registration's key and the new one").isEqualTo(2);
    }
}
