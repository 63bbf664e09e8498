package io.stride.commands.users.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.testing.DevstackResource;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class SecurityEventsTest {

    private static List<Map<String, Object>> eventsOf(UUID userId) {
        return TestClients.query("select type, ip, correlation_id, details::text as details from users.audit_events "
                + "where user_id = ? order by occurred_at, type", userId);
    }

    private static List<String> typesOf(UUID userId) {
        return eventsOf(userId).stream()
                .map(event -> (String) event.get("type"))
                .toList();
    }

    @Test
    void shouldRecordTheAccountsSecurityEventsWhenItRegistersFailsLogsInAndOut() {
        // given
        String email = TestClients.uniqueEmail();
        String ip = TestClients.uniqueIp();
        String correlationId = "audit-test-" + UUID.randomUUID();
        UUID userId = TestClients.registerConfirmed(email, ip);

        // when
        TestClients.login(email, "not the password", ip).then().statusCode(401);
        String token = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", ip)
                .header("X-Correlation-Id", correlationId)
                .body(Map.of("email", email, "password", TestClients.PASSWORD))
                .when()
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        given().header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", ip)
                .when()
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);

        // then
        assertThat(typesOf(userId)).containsExactly("user_registered", "email_verified", "login_failed",
                "login_succeeded", "logged_out");
        List<Map<String, Object>> events = eventsOf(userId);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("ip")).isEqualTo(ip);
            assertThat((String) event.get("details")).doesNotContain(email).doesNotContain("@");
        });
        assertThat((String) events.get(2).get("details")).contains("invalid_credentials");
        assertThat(events.get(3).get("correlation_id")).isEqualTo(correlationId);
    }

    @Test
    void shouldRecordReuseWhenARotatedRefreshTokenIsPresentedAgain() {
        // given
        String email = TestClients.uniqueEmail();
        String ip = TestClients.uniqueIp();
        UUID userId = TestClients.registerConfirmed(email, ip);
        String first = TestClients.login(email, TestClients.PASSWORD, ip).then().statusCode(200).extract()
                .path("refresh_token");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", first))
                .when().post("/api/v1/auth/refresh").then().statusCode(200);

        // when
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", first))
                .when().post("/api/v1/auth/refresh").then().statusCode(401);

        // then
        assertThat(typesOf(userId)).contains("refresh_token_reused");
    }

    @Test
    void shouldRecordDeviceEventsWhenADeviceIsRegisteredAndRevoked() {
        // given
        TestClients.Account account = TestClients.newAccount();
        String deviceId = given().contentType(ContentType.JSON)
                .header("Authorization", account.bearer())
                .body(Map.of())
                .when()
                .post("/api/v1/users/me/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("device_id");

        // when
        given().header("Authorization", account.bearer())
                .when()
                .delete("/api/v1/users/me/devices/" + deviceId)
                .then()
                .statusCode(204);

        // then
        List<Map<String, Object>> events = eventsOf(account.userId());
        assertThat(typesOf(account.userId())).endsWith("device_registered", "device_revoked");
        assertThat((String) events.getLast().get("details")).contains(deviceId);
    }
}
