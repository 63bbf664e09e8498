package io.stride.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.stride.testing.TestIssuer;

@QuarkusTest
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class JwtVerificationTest {

    private static final String ISSUER = "https://stride.io/users";
    private static final String AUDIENCE = "stride-api";

    private static String token(String issuer, String audience, Set<String> groups, Instant expiresAt,
            PrivateKey key) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("user-1")
                .groups(groups)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(expiresAt.minusSeconds(300))
                .expiresAt(expiresAt)
                .jws()
                .sign(key);
    }

    private static String valid(Set<String> groups) {
        return token(ISSUER, AUDIENCE, groups, Instant.now().plusSeconds(300), TestIssuer.trustedKey());
    }

    private static void assertUnauthenticated(String authorization) {
        var request = given();
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        request.when()
                .get("/api/v1/secured/athlete")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .header("X-Correlation-Id", notNullValue())
                .body("error", equalTo("unauthenticated"))
                .body("code", equalTo(401));
    }

    @Test
    void shouldAnswerWhenTokenIsValidAndHasTheRole() {
        // given
        String token = valid(Set.of(Roles.ATHLETE));

        // when / then
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/secured/athlete")
                .then()
                .statusCode(200)
                .body(equalTo("user-1"));
    }

    @Test
    void shouldAnswer401WhenTokenIsMissing() {
        // given / when / then
        assertUnauthenticated(null);
    }

    @Test
    void shouldAnswer401WhenTokenIsExpiredBeyondClockSkew() {
        // given
        String token = token(ISSUER, AUDIENCE, Set.of(Roles.ATHLETE), Instant.now().minusSeconds(60),
                TestIssuer.trustedKey());

        // when / then
        assertUnauthenticated("Bearer " + token);
    }

    @Test
    void shouldAcceptTokenWhenExpiredWithinClockSkew() {
        // given
        String token = token(ISSUER, AUDIENCE, Set.of(Roles.ATHLETE), Instant.now().minusSeconds(5),
                TestIssuer.trustedKey());

        // when / then
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/secured/athlete")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswer401WhenIssuerIsWrong() {
        // given
        String token = token("https://evil.example", AUDIENCE, Set.of(Roles.ATHLETE), Instant.now().plusSeconds(300),
                TestIssuer.trustedKey());

        // when / then
        assertUnauthenticated("Bearer " + token);
    }

    @Test
    void shouldAnswer401WhenAudienceIsWrong() {
        // given
        String token = token(ISSUER, "another-api", Set.of(Roles.ATHLETE), Instant.now().plusSeconds(300),
                TestIssuer.trustedKey());

        // when / then
        assertUnauthenticated("Bearer " + token);
    }

    @Test
    void shouldAnswer401WhenSignatureIsFromAnotherKey() {
        // given
        String token = token(ISSUER, AUDIENCE, Set.of(Roles.ATHLETE), Instant.now().plusSeconds(300),
                TestIssuer.foreignKey());

        // when / then
        assertUnauthenticated("Bearer " + token);
    }

    @Test
    void shouldAnswer401WhenTokenIsGarbage() {
        // given / when / then
        assertUnauthenticated("Bearer not.a.jwt");
    }

    @Test
    void shouldAnswer403WhenTokenLacksTheRole() {
        // given
        String token = valid(Set.of(Roles.ATHLETE));

        // when / then
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/secured/admin")
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("code", equalTo(403));
    }
}
