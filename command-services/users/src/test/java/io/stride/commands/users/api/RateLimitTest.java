package io.stride.commands.users.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stride.testing.DevstackResource;

@QuarkusTest
@TestProfile(RateLimitTest.ProductionLimits.class)
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    /** The production budgets per account; small per-IP budgets keep the test short. */
    public static class ProductionLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "users.rate-limit.login-per-account", "10",
                    "users.rate-limit.login-per-ip", "20",
                    "users.rate-limit.refresh-per-ip", "3",
                    "users.rate-limit.registration-per-account", "5");
        }
    }

    @Inject
    RedisDataSource redis;

    private static Response refresh(String ip) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", ip)
                .body(Map.of("refresh_token", "not-a-token-" + UUID.randomUUID()))
                .when()
                .post("/api/v1/auth/refresh");
    }

    @Test
    void shouldAnswerRateLimitedForTheAccountOnlyWhenItsLoginBudgetIsSpent() {
        // given
        String ip = TestClients.uniqueIp();
        String victim = TestClients.uniqueEmail();
        String other = TestClients.uniqueEmail();
        TestClients.registerConfirmed(victim, ip);
        TestClients.registerConfirmed(other, ip);
        for (int attempt = 0; attempt < 10; attempt++) {
            TestClients.login(victim, "wrong password " + attempt, ip).then().statusCode(401);
        }

        // when
        Response limited = TestClients.login(victim, TestClients.PASSWORD, ip);

        // then
        limited.then()
                .statusCode(429)
                .body("error", equalTo("rate_limited"))
                .body("code", equalTo(429));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        TestClients.login(victim, TestClients.PASSWORD, TestClients.uniqueIp()).then().statusCode(429);
        TestClients.login(other, TestClients.PASSWORD, ip).then().statusCode(200);
        List<Map<String, Object>> events = TestClients.query(
                "select details->>'action' as action, details->>'scope' as scope, ip from users.audit_events "
                        + "where type = 'rate_limited' and ip = ?", ip);
        assertThat(events).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("action", "login")
                        .containsEntry("scope", "account"));
    }

    @Test
    void shouldAnswerRateLimitedForTheClientOnlyWhenItsLoginBudgetIsSpent() {
        // given
        String ip = TestClients.uniqueIp();
        for (int attempt = 0; attempt < 20; attempt++) {
            TestClients.login(TestClients.uniqueEmail(), "wrong password", ip).then().statusCode(401);
        }

        // when
        Response limited = TestClients.login(TestClients.uniqueEmail(), "wrong password", ip);

        // then
        limited.then().statusCode(429).body("error", equalTo("rate_limited"));
        assertThat(limited.header("Retry-After")).isNotBlank();
        TestClients.login(TestClients.uniqueEmail(), "wrong password", TestClients.uniqueIp()).then().statusCode(401);
    }

    @Test
    void shouldAnswerRateLimitedWhenAClientRefreshesTooOften() {
        // given
        String ip = TestClients.uniqueIp();
        for (int attempt = 0; attempt < 3; attempt++) {
            refresh(ip).then().statusCode(401);
        }

        // when
        Response limited = refresh(ip);

        // then
        limited.then().statusCode(429).body("error", equalTo("rate_limited"));
        refresh(TestClients.uniqueIp()).then().statusCode(401);
    }

    @Test
    void shouldAnswerRateLimitedWhenOneEmailIsRegisteredTooOften() {
        // given
        String email = TestClients.uniqueEmail();
        TestClients.register(email, TestClients.uniqueIp()).then().statusCode(202);
        for (int attempt = 1; attempt < 5; attempt++) {
            TestClients.register(email, TestClients.uniqueIp()).then().statusCode(202);
        }

        // when
        Response limited = TestClients.register(email, TestClients.uniqueIp());

        // then
        limited.then().statusCode(429).body("error", equalTo("rate_limited"));
        TestClients.register(TestClients.uniqueEmail(), TestClients.uniqueIp()).then().statusCode(202);
    }

    @Test
    void shouldNeverPutARawEmailIntoRedisWhenCountingLogins() {
        // given
        String email = TestClients.uniqueEmail();
        String ip = TestClients.uniqueIp();

        // when
        TestClients.login(email, "wrong password", ip).then().statusCode(401);

        // then
        List<String> keys = redis.key().keys("users:rate-login-*");
        assertThat(keys).isNotEmpty()
                .noneMatch(key -> key.contains(email) || key.contains("@"))
                .contains("users:rate-login-ip:" + ip);
        assertThat(redis.key().pttl("users:rate-login-ip:" + ip)).isBetween(1L, 60_000L);
    }
}
