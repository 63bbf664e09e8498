package io.stride.commands.users.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stride.commands.users.domain.Secrets;
import io.stride.platform.http.KafkaCorrelation;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.testing.DevstackResource;
import io.stride.testing.TopicFollower;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class DevicesApiTest {

    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(20);
    private static TopicFollower<DeviceCredential> topic;

    @BeforeAll
    static void openTopic() {
        topic = new TopicFollower<>(Topics.DEVICE_CREDENTIALS);
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    private static JsonPath registerDevice(TestClients.Account account, String model) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", account.bearer())
                .body(model == null ? Map.of() : Map.of("model", model))
                .when()
                .post("/api/v1/users/me/devices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldPublishTheCredentialHashWhenADeviceIsRegistered() {
        // given
        TestClients.Account account = TestClients.newAccount();
        String correlationId = "devices-test-" + UUID.randomUUID();

        // when
        var response = given().contentType(ContentType.JSON)
                .header("Authorization", account.bearer())
                .header("X-Correlation-Id", correlationId)
                .body(Map.of("model", "Garmin Forerunner 965"))
                .when()
                .post("/api/v1/users/me/devices");

        // then
        response.then()
                .statusCode(201)
                .body("model", equalTo("Garmin Forerunner 965"))
                .body("registered_at", notNullValue());
        JsonPath body = response.jsonPath();
        String deviceId = body.getString("device_id");
        String credential = body.getString("credential");
        assertThat(response.header("Location")).endsWith("/api/v1/users/me/devices/" + deviceId);
        assertThat(UUID.fromString(deviceId).toString()).isEqualTo(deviceId);
        assertThat(credential).startsWith(deviceId + ".");
        String secret = credential.substring(deviceId.length() + 1);
        assertThat(secret).doesNotContain("=");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        ConsumerRecord<String, DeviceCredential> record = await().atMost(PUBLISHED_WITHIN)
                .until(() -> topic.lastOf(deviceId), found -> found.isPresent())
                .orElseThrow();
        assertThat(record.value().getUserId()).isEqualTo(account.userId());
        assertThat(record.value().getSecretSha256()).isEqualTo(Secrets.sha256Hex(secret))
                .matches("[0-9a-f]{64}");
        assertThat(record.value().getModel()).as("nothing but what the gateway needs").isNull();
        assertThat(record.value().getRevokedAt()).isNull();
        assertThat(new String(record.headers().lastHeader(KafkaCorrelation.HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(correlationId);
        List<Map<String, Object>> rows = TestClients.query(
                "select secret_sha256 from users.devices where id = ?", UUID.fromString(deviceId));
        assertThat(rows).singleElement()
                .satisfies(row -> assertThat(row.get("secret_sha256")).isEqualTo(Secrets.sha256Hex(secret)));
        await().atMost(PUBLISHED_WITHIN)
                .until(() -> TestClients.query(
                        "select 1 from users.outbox where record_key = ? and published_at is null", deviceId)
                        .isEmpty());
    }

    @Test
    void shouldSetRevokedAtAndPublishTheRevocationWhenADeviceIsRevoked() {
        // given
        TestClients.Account account = TestClients.newAccount();
        String deviceId = registerDevice(account, null).getString("device_id");

        // when
        given().header("Authorization", account.bearer())
                .when()
                .delete("/api/v1/users/me/devices/" + deviceId)
                .then()
                .statusCode(204);

        // then
        given().header("Authorization", account.bearer())
                .when()
                .get("/api/v1/users/me/devices")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].device_id", equalTo(deviceId))
                .body("[0].model", nullValue())
                .body("[0].revoked_at", notNullValue())
                .body("[0].credential", nullValue());
        List<ConsumerRecord<String, DeviceCredential>> records = await().atMost(PUBLISHED_WITHIN)
                .until(() -> topic.recordsOf(deviceId), found -> found.size() == 2);
        assertThat(records.get(0).value().getRevokedAt()).isNull();
        assertThat(records.get(1).value().getRevokedAt()).isNotNull();
        assertThat(records.get(1).value().getSecretSha256()).isEqualTo(records.get(0).value().getSecretSha256());
    }

    @Test
    void shouldAnswerNotFoundWhenRevokingAnotherUsersDevice() {
        // given
        TestClients.Account owner = TestClients.newAccount();
        TestClients.Account other = TestClients.newAccount();
        String deviceId = registerDevice(owner, "Apple Watch Series 9").getString("device_id");

        // when
        var response = given().header("Authorization", other.bearer())
                .when()
                .delete("/api/v1/users/me/devices/" + deviceId);

        // then
        response.then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("code", equalTo(404));
        given().header("Authorization", other.bearer())
                .when()
                .get("/api/v1/users/me/devices")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().header("Authorization", owner.bearer())
                .when()
                .get("/api/v1/users/me/devices")
                .then()
                .statusCode(200)
                .body("[0].revoked_at", nullValue());
    }

    @Test
    void shouldAnswerUnauthenticatedWhenNoTokenIsGiven() {
        // given / when / then
        given().contentType(ContentType.JSON)
                .body(Map.of("model", "Garmin"))
                .when()
                .post("/api/v1/users/me/devices")
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthenticated"));
        given().when().get("/api/v1/users/me/devices").then().statusCode(401);
        given().when().delete("/api/v1/users/me/devices/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void shouldRefuseARegistrationWhenTheUserHasTheMostActiveDevices() {
        // given
        TestClients.Account account = TestClients.newAccount();
        for (int i = 0; i < 20; i++) {
            registerDevice(account, "watch " + i);
        }

        // when
        var response = given().contentType(ContentType.JSON)
                .header("Authorization", account.bearer())
                .body(Map.of("model", "one too many"))
                .when()
                .post("/api/v1/users/me/devices");

        // then
        response.then()
                .statusCode(409)
                .body("error", equalTo("device_limit_reached"))
                .body("details.max_active_devices", equalTo(20));
        assertThat(TestClients.query("select count(*) as n from users.devices where user_id = ?", account.userId())
                .getFirst()
                .get("n")).isEqualTo(20L);
    }
}
