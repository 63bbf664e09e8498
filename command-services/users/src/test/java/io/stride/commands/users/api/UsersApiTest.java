package io.stride.commands.users.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.stride.commands.users.domain.Base32;
import io.stride.commands.users.domain.Totp;
import io.stride.commands.users.Registrations;
import io.stride.testing.Devstack;
import io.stride.testing.Mailbox;
import io.stride.testing.DevstackResource;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class UsersApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    private static String uniqueEmail() {
        return "athlete-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers and confirms an account: its id. */
    private static String register(String email, String password) {
        return Registrations.registerConfirmed(Map.of("email", email, "password", password, "first_name", "Ann",
                "last_name", "Runner"), null).toString();
    }

    private static Response login(String email, String password, String totpCode) {
        Map<String, String> body = totpCode == null
                ? Map.of("email", email, "password", password)
                : Map.of("email", email, "password", password, "totp_code", totpCode);
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/auth/login");
    }

    private static JsonPath loggedIn(String email) {
        return login(email, PASSWORD, null).then().statusCode(200).extract().jsonPath();
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", refreshToken))
                .when()
                .post("/api/v1/auth/refresh");
    }

    private static String bearer(JsonPath tokens) {
        return "Bearer " + tokens.getString("access_token");
    }

    private static String storedPasswordHash(String userId) throws Exception {
        Map<String, String> devstack = Devstack.addresses();
        try (Connection connection = DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
                PreparedStatement query = connection.prepareStatement(
                        "select password_hash from users.users where id = ?")) {
            query.setObject(1, UUID.fromString(userId));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void shouldIssueRotateAndRevokeTokensWhenRegisteringLoggingInRefreshingAndLoggingOut() {
        // given
        String email = uniqueEmail();
        String registered = register(email, PASSWORD);

        // when
        JsonPath tokens = loggedIn(email);
        JsonPath refreshed = refresh(tokens.getString("refresh_token")).then().statusCode(200).extract().jsonPath();
        given().header("Authorization", bearer(refreshed))
                .when()
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);

        // then
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getLong("expires_in")).isEqualTo(300);
        assertThat(tokens.getLong("refresh_expires_in")).isEqualTo(30L * 24 * 3600);
        assertThat(refreshed.getString("refresh_token")).isNotEqualTo(tokens.getString("refresh_token"));
        given().header("Authorization", bearer(refreshed))
                .when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(registered))
                .body("email", equalTo(email))
                .body("last_login", notNullValue());
        refresh(refreshed.getString("refresh_token")).then()
                .statusCode(401)
                .body("error", equalTo("invalid_refresh_token"))
                .body("code", equalTo(401));
    }

    @Test
    void shouldRevokeTheWholeSessionWhenARotatedRefreshTokenIsReused() {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);
        String first = loggedIn(email).getString("refresh_token");
        String second = refresh(first).then().statusCode(200).extract().path("refresh_token");

        // when
        Response reuse = refresh(first);

        // then
        reuse.then().statusCode(401).body("error", equalTo("invalid_refresh_token"));
        refresh(second).then().statusCode(401).body("error", equalTo("invalid_refresh_token"));
    }

    @Test
    void shouldAnswerIdenticallyWhenEmailIsUnknownOrPasswordIsWrong() {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);

        // when
        Response wrongPassword = login(email, "not the password at all", null);
        Response unknownEmail = login(uniqueEmail(), PASSWORD, null);

        // then
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.jsonPath().getMap("$")).isEqualTo(unknownEmail.jsonPath().getMap("$"));
        assertThat(wrongPassword.jsonPath().getString("error")).isEqualTo("invalid_credentials");
    }

    @Test
    void shouldAnswerAKnownAddressAsANewOneAndEmailItsOwnerWhenRegistering() {
        // given: a confirmed account, registered with an address in another case and spaces
        String email = uniqueEmail();
        register("  " + email.toUpperCase() + " ", PASSWORD);
        Map<String, String> again = Map.of("email", email, "password", "another long password", "first_name", "A",
                "last_name", "B");
        Map<String, String> fresh = Map.of("email", uniqueEmail(), "password", PASSWORD, "first_name", "A",
                "last_name", "B");

        // when
        Response known = Registrations.register(again, null);
        Response unknown = Registrations.register(fresh, null);

        // then: the same answer, the owner told, the account unchanged
        known.then().statusCode(202);
        unknown.then().statusCode(202);
        assertThat(known.asString()).isEqualTo(unknown.asString());
        assertThat(Mailbox.awaitMail(email, "Someone tried to create a Stride account").text())
                .doesNotContain("token=");
        login(email.toUpperCase(), PASSWORD, null).then().statusCode(200);
        login(email, "another long password", null).then().statusCode(401)
                .body("error", equalTo("invalid_credentials"));
    }

    @Test
    void shouldRefuseLoginUntilTheAddressIsConfirmedWhenRegistered() {
        // given
        String email = uniqueEmail();
        Registrations.register(Map.of("email", email, "password", PASSWORD, "first_name", "A", "last_name", "B"),
                null).then().statusCode(202);

        // when / then: only the password's owner learns that the account waits for confirmation
        login(email, "not the password", null).then().statusCode(401).body("error", equalTo("invalid_credentials"));
        login(email, PASSWORD, null).then().statusCode(403).body("error", equalTo("email_not_verified"));
        String token = Mailbox.awaitVerificationToken(email);
        given().queryParam("token", token).when().get("/api/v1/users/verification")
                .then().statusCode(200).body("status", equalTo("verified"));
        login(email, PASSWORD, null).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post("/api/v1/users/verification")
                .then().statusCode(400).body("error", equalTo("invalid_verification_token"));
    }

    @Test
    void shouldEmailANewLinkWhenAnUnconfirmedAddressRegistersAgain() {
        // given: the first email was lost
        String email = uniqueEmail();
        Map<String, String> body = Map.of("email", email, "password", PASSWORD, "first_name", "A", "last_name", "B");
        Registrations.register(body, null).then().statusCode(202);
        String first = Mailbox.awaitVerificationToken(email);

        // when
        Registrations.register(body, null).then().statusCode(202);

        // then: a second link, which confirms the account
        await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Mailbox.of(email).stream()
                        .filter(mail -> mail.subject().contains("Confirm your Stride account")).count() == 2);
        assertThat(Mailbox.awaitVerificationToken(email)).isNotEqualTo(first);
        Registrations.confirm(email, null);
        login(email, PASSWORD, null).then().statusCode(200);
    }

    @Test
    void shouldRefuseRegistrationWhenPasswordIsTooShortOrEmailInvalid() {
        // given
        Map<String, String> body = Map.of("email", "not-an-email", "password", "short", "first_name", "A",
                "last_name", "B");

        // when
        Response response = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/users");

        // then
        response.then()
                .statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("details.violations", hasSize(2));
    }

    @Test
    void shouldStoreArgon2idHashWithOwaspParametersWhenRegistering() throws Exception {
        // given
        String email = uniqueEmail();

        // when
        String userId = register(email, PASSWORD);

        // then
        assertThat(storedPasswordHash(userId))
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain(PASSWORD);
    }

    @Test
    void shouldRequireTotpAndRefuseReplayedCodeWhenTwoFactorIsEnabled() {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);
        JsonPath tokens = loggedIn(email);
        JsonPath enrolment = enrolTotp(tokens);
        byte[] secret = Base32.decode(enrolment.getString("secret"));
        long step = Totp.step(Instant.now());
        assertThat(confirmTotp(tokens, secret, step)).hasSize(10);
        String nextCode = Totp.code(secret, step + 1, 6, Totp.Algorithm.SHA1);

        // when
        Response withoutCode = login(email, PASSWORD, null);
        Response withCode = login(email, PASSWORD, nextCode);
        Response replayed = login(email, PASSWORD, nextCode);

        // then
        assertThat(enrolment.getString("provisioning_uri"))
                .startsWith("otpauth://totp/Stride:")
                .contains("secret=" + enrolment.getString("secret"));
        withoutCode.then().statusCode(401).body("error", equalTo("totp_required"));
        withCode.then().statusCode(200).body("access_token", notNullValue());
        replayed.then().statusCode(401).body("error", equalTo("invalid_totp_code"));
    }

    @Test
    void shouldAcceptRecoveryCodeOnlyOnceWhenTwoFactorIsEnabled() {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);
        JsonPath tokens = loggedIn(email);
        byte[] secret = Base32.decode(enrolTotp(tokens).getString("secret"));
        List<String> recoveryCodes = confirmTotp(tokens, secret, Totp.step(Instant.now()));

        // when
        Response first = login(email, PASSWORD, recoveryCodes.get(3).toUpperCase());
        Response again = login(email, PASSWORD, recoveryCodes.get(3));

        // then
        first.then().statusCode(200);
        again.then().statusCode(401).body("error", equalTo("invalid_totp_code"));
    }

    @Test
    void shouldRevokeOtherSessionsWhenPasswordChanges() {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);
        JsonPath current = loggedIn(email);
        JsonPath other = loggedIn(email);
        String newPassword = "an even better passphrase";

        // when
        given().header("Authorization", bearer(current))
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", PASSWORD, "new_password", newPassword))
                .when()
                .put("/api/v1/users/me/password")
                .then()
                .statusCode(204);

        // then
        refresh(other.getString("refresh_token")).then().statusCode(401);
        refresh(current.getString("refresh_token")).then().statusCode(200);
        login(email, PASSWORD, null).then().statusCode(401).body("error", equalTo("invalid_credentials"));
        login(email, newPassword, null).then().statusCode(200);
    }

    @Test
    void shouldRefuseChangeWhenCurrentPasswordIsWrong() {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);
        JsonPath tokens = loggedIn(email);

        // when
        Response response = given().header("Authorization", bearer(tokens))
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", "wrong wrong wrong", "new_password", "another passphrase"))
                .when()
                .put("/api/v1/users/me/password");

        // then
        response.then().statusCode(403).body("error", equalTo("wrong_password"));
        login(email, PASSWORD, null).then().statusCode(200);
    }

    @Test
    void shouldRefuseNonPatchableFieldsWhenPatchingProfile() {
        // given
        String email = uniqueEmail();
        String registered = register(email, PASSWORD);
        JsonPath tokens = loggedIn(email);
        String createdAt = given().header("Authorization", bearer(tokens)).get("/api/v1/users/me")
                .then().statusCode(200).extract().path("created_at");

        // when
        Response massAssignment = given().header("Authorization", bearer(tokens))
                .contentType(ContentType.JSON)
                .body(Map.of("first_name", "Eve", "id", UUID.randomUUID().toString(), "email", "eve@example.com",
                        "created_at", "2000-01-01T00:00:00Z"))
                .when()
                .patch("/api/v1/users/me");

        // then
        massAssignment.then()
                .statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("details.violations.field", equalTo(List.of("created_at", "email", "id")));
        given().header("Authorization", bearer(tokens))
                .when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(registered))
                .body("email", equalTo(email))
                .body("first_name", equalTo("Ann"))
                .body("created_at", equalTo(createdAt));
    }

    @Test
    void shouldChangeOnlyNamesWhenPatchingProfile() {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);
        JsonPath tokens = loggedIn(email);

        // when
        Response patched = given().header("Authorization", bearer(tokens))
                .contentType(ContentType.JSON)
                .body(Map.of("last_name", "Sprinter"))
                .when()
                .patch("/api/v1/users/me");

        // then
        patched.then()
                .statusCode(200)
                .body("first_name", equalTo("Ann"))
                .body("last_name", equalTo("Sprinter"))
                .body("email", equalTo(email));
    }

    @Test
    void shouldAnswer401InPlatformFormatWhenProfileIsReadWithoutToken() {
        // given / when / then
        given().when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(401)
                .header("X-Correlation-Id", notNullValue())
                .body("error", equalTo("unauthenticated"))
                .body("code", equalTo(401));
    }

    @Test
    void shouldPublishJwksThatVerifiesAccessTokensWhenAsked() throws Exception {
        // given
        String email = uniqueEmail();
        register(email, PASSWORD);
        String accessToken = loggedIn(email).getString("access_token");
        String[] parts = accessToken.split("\\.");
        Base64.Decoder b64 = Base64.getUrlDecoder();
        JsonPath header = JsonPath.from(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
        JsonPath claims = JsonPath.from(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));

        // when
        JsonPath jwks = given().when().get("/api/v1/auth/jwks").then().statusCode(200).extract().jsonPath();

        // then
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("kid")).isEqualTo(jwks.getString("keys[0].kid"));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64.decode(jwks.getString("keys[0].n"))),
                new BigInteger(1, b64.decode(jwks.getString("keys[0].e")))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(b64.decode(parts[2]))).isTrue();
        assertThat(claims.getString("iss")).isEqualTo("https://stride.io/users");
        assertThat(claims.getString("aud")).isEqualTo("stride-api");
        assertThat(claims.getList("groups")).containsExactly("athlete");
        assertThat(claims.getString("jti")).isNotBlank();
        assertThat(claims.getString("sid")).isNotBlank();
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(300);
    }

    @Test
    void shouldVerifyAccessTokenWithSmallryeJwtWhenAnotherAppUsesThePublishedJwks() throws Exception {
        // given
        String email = uniqueEmail();
        String userId = register(email, PASSWORD);
        String accessToken = loggedIn(email).getString("access_token");
        String jwks = given().when().get("/api/v1/auth/jwks").then().statusCode(200).extract().asString();
        JWTAuthContextInfo verification = new JWTAuthContextInfo();
        verification.setPublicKeyContent(jwks);
        verification.setIssuedBy("https://stride.io/users");
        verification.setExpectedAudience(Set.of("stride-api"));
        verification.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));

        // when
        JsonWebToken verified = new DefaultJWTParser(verification).parse(accessToken);

        // then
        assertThat(verified.getSubject()).isEqualTo(userId);
        assertThat(verified.getGroups()).containsExactly("athlete");
    }

    /** Starts TOTP enrolment: {@code secret} and {@code provisioning_uri}. */
    private static JsonPath enrolTotp(JsonPath tokens) {
        return given().header("Authorization", bearer(tokens))
                .when()
                .post("/api/v1/users/me/totp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Confirms the enrolment with the code of {@code step}; the recovery codes. */
    private static List<String> confirmTotp(JsonPath tokens, byte[] secret, long step) {
        return given().header("Authorization", bearer(tokens))
                .contentType(ContentType.JSON)
                .body(Map.of("code", Totp.code(secret, step, 6, Totp.Algorithm.SHA1)))
                .when()
                .post("/api/v1/users/me/totp/confirm")
                .then()
                .statusCode(200)
                .extract()
                .path("recovery_codes");
    }
}
