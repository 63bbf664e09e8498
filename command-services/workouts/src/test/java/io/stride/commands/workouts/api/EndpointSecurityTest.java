package io.stride.commands.workouts.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.EndpointAccess;
import io.stride.testing.TestIssuer;

/**
 * Authentication is not proactive: every endpoint declares its access, every one refuses a missing or forged
 * credential, and a user without an athlete's or admin's role is forbidden.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class EndpointSecurityTest {

    private static final String ID = "3f1c2a9e-4b7d-4c1e-9a55-0d6b2f8e7c10";

    @Test
    void shouldDeclareASecurityAnnotationWhenAMethodIsAnEndpoint() {
        // given / when
        EndpointAccess access = EndpointAccess.of("io.stride.commands.workouts");

        // then
        assertThat(access.endpoints()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(access.undeclared()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/workouts",
            "POST, /api/v1/workouts/imports",
            "GET, /api/v1/workouts/" + ID,
            "PATCH, /api/v1/workouts/" + ID,
            "POST, /api/v1/workouts/" + ID + "/pause",
            "POST, /api/v1/workouts/" + ID + "/resume",
            "POST, /api/v1/workouts/" + ID + "/complete",
            "POST, /api/v1/workouts/" + ID + "/cancel",
            "POST, /api/v1/workouts/" + ID + "/tags"})
    void shouldAnswerUnauthenticatedWhenAnEndpointIsCalledWithoutAValidCredential(String method, String path) {
        // given
        String forged = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIke1VVSUQucmFuZG9tVVVJRCgpfSJ9.c2lnbmF0dXJl";

        // when / then
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{}").when().request(method, path)
                .then().statusCode(401).body("error", equalTo("unauthenticated")).body("code", equalTo(401));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", forged).body("{}").when().request(method, path)
                .then().statusCode(401).body("error", equalTo("unauthenticated"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + TestIssuer.foreignToken(UUID.randomUUID(), Roles.ATHLETE))
                .body("{}").when().request(method, path)
                .then().statusCode(401);
    }

    @Test
    void shouldForbidAUserWhoIsNeitherAthleteNorAdmin() {
        // given
        String marketing = TestIssuer.bearer(UUID.randomUUID(), Roles.MARKETING);

        // when / then
        given().contentType(ContentType.JSON).header("Authorization", marketing)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"sport\": \"running\"}").post("/api/v1/workouts")
                .then().statusCode(403).body("error", equalTo("forbidden")).body("code", equalTo(403));
        given().header("Authorization", marketing).get("/api/v1/workouts/" + ID).then().statusCode(403);
    }
}
