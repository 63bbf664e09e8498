package io.stride.queries.livetracking.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/** Share links live only in Redis: while it cannot be reached, their endpoints say so with 503, never 500. */
@QuarkusTest
@TestProfile(ShareLinksWithoutRedisTest.RedisUnreachable.class)
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ShareLinksWithoutRedisTest {

    /** Redis on a port where nothing listens; the erasure consumer stays off so that no erasure is dead-lettered. */
    public static class RedisUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1",
                    "mp.messaging.incoming.user-erasures.enabled", "false");
        }
    }

    @Test
    void shouldAnswerServiceUnavailableWhenRedisCannotBeReached() {
        // given
        String token = "A".repeat(43);
        UUID owner = UUID.randomUUID();

        // when / then: a shared view and the owner's list
        given().get("/api/v1/shared/" + token)
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("service_unavailable"))
                .body("code", equalTo(503));
        given().header("Authorization", TestIssuer.bearer(owner, Roles.ATHLETE))
                .get("/api/v1/live-workouts/" + UUID.randomUUID() + "/share-links")
                .then().statusCode(503)
                .body("error", equalTo("service_unavailable"));
    }
}
