package io.stride.commands.users.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.lang.reflect.Method;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.testing.DevstackResource;
import io.stride.testing.EndpointAccess;

/**
 * Authentication is not proactive ({@code quarkus.http.auth.proactive=false}): an endpoint without a security
 * annotation would be open. Every endpoint declares one, every protected one refuses a missing or forged token, and
 * the one restricted to a role (an admin's erasure of any user) refuses an athlete's token.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class EndpointSecurityTest {

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8083", "http://localhost:8083", "http://127.0.0.1:8086", "http://localhost:8086"})
    void shouldLetAStridePageSignInWhenItsOriginIsOneOfTheDefaultDevOrigins(String page) {
        // when: the browser's preflight of the page's login request
        given().header("Origin", page)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/auth/login")
                // then: the live-tracking and workout-history pages of ./stride up may sign in
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(page));
    }

    @Test
    void shouldNotLetAnotherOriginSignInWhenItIsNotAStridePage() {
        given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/auth/login")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldDeclareASecurityAnnotationWhenAMethodIsAnEndpoint() {
        // given / when
        EndpointAccess access = EndpointAccess.of("io.stride.commands.users");

        // then
        assertThat(access.endpoints()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(access.undeclared()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/auth/logout",
            "GET, /api/v1/users/me",
            "PATCH, /api/v1/users/me",
            "PUT, /api/v1/users/me/password",
            "POST, /api/v1/users/me/totp",
            "POST, /api/v1/users/me/totp/confirm",
            "POST, /api/v1/users/me/devices",
            "GET, /api/v1/users/me/devices",
            "DELETE, /api/v1/users/me/devices/3f1c2a9e-4b7d-4c1e-9a55-0d6b2f8e7c10",
            "GET, /api/v1/users/me/export",
            "DELETE, /api/v1/users/me",
            "DELETE, /api/v1/users/3f1c2a9e-4b7d-4c1e-9a55-0d6b2f8e7c10"})
    void shouldAnswerUnauthenticatedWhenAProtectedEndpointIsCalledWithoutAValidToken(String method, String path) {
        // given
        String forged = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIke1VVSUQucmFuZG9tVVVJRCgpfSJ9.c2lnbmF0dXJl";

        // when / then
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .request(method, path)
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthenticated"))
                .body("code", equalTo(401));
        given().contentType(ContentType.JSON)
                .header("Authorization", forged)
                .header("X-Correlation-Id", "security-test-" + UUID.randomUUID())
                .body("{}")
                .when()
                .request(method, path)
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthenticated"));
    }

    @Test
    void shouldAnswerForbiddenWhenAnAthleteErasesAnotherUser() {
        // given
        TestClients.Account athlete = TestClients.newAccount();
        TestClients.Account other = TestClients.newAccount();

        // when / then
        given().header("Authorization", athlete.bearer())
                .when()
                .delete("/api/v1/users/" + other.userId())
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("code", equalTo(403));
        given().header("Authorization", other.bearer())
                .when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(200);
    }
}
