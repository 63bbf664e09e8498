package io.stride.systemtests;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stride.testing.UserAccounts;

/**
 * The users service as a packaged app, with a signing key pair generated into its work directory, and accounts
 * registered and logged in through its real API. Browser pages served from any loopback port may call it (CORS).
 */
final class UsersApp implements AutoCloseable {

    /** Password of every account a system test registers (12+ characters, as the service requires). */
    static final String PASSWORD = "correct horse battery staple";

    private final AppProcess app;

    private UsersApp(AppProcess app) {
        this.app = app;
    }

    static UsersApp start(Path root, Path workDir) throws IOException {
        Path keys = workDir.resolve("users-keys");
        return new UsersApp(AppProcess.start(root, "command-services/users", List.of(
                "-Dusers.jwt.private-key-location=" + keys.resolve("users-jwt-private.pem"),
                "-Dusers.jwt.public-key-location=" + keys.resolve("users-jwt-public.pem"),
                "-Dusers.jwt.generate-missing-keys=true",
                "-Dusers.pii.master-keyset-location=" + keys.resolve("users-pii-master.json"),
                "-Dusers.pii.index-keyset-location=" + keys.resolve("users-pii-index.json"),
                "-Dusers.pii.generate-missing-keys=true",
                // the confirmation links of its emails point at this app (its port is known only in the process)
                "-Dusers.public-url=http://127.0.0.1:${quarkus.http.port}",
                // every request of a system test comes from 127.0.0.1, whose per-address budgets live in the shared
                // Redis: raised here, as the users service's own tests do
                "-Dusers.rate-limit.registration-per-ip=100000",
                "-Dusers.rate-limit.login-per-ip=100000",
                "-Dusers.rate-limit.refresh-per-ip=100000",
                "-Dquarkus.http.cors.enabled=true",
                "-Dquarkus.http.cors.origins=/http://127\\.0\\.0\\.1:[0-9]+/"), workDir));
    }

    String baseUrl() {
        return app.baseUrl();
    }

    /** The service's console output (JSON lines). */
    Path log() {
        return app.log();
    }

    /** Where apps verify this service's tokens: {@code -Dmp.jwt.verify.publickey.location=<JWKS URL>}. */
    String jwksProperty() {
        return "-Dmp.jwt.verify.publickey.location=" + baseUrl() + "/api/v1/auth/jwks";
    }

    /** A newly registered athlete, whose address is confirmed through the emailed link. */
    Account register() {
        String email = "live-" + UUID.randomUUID() + "@example.test";
        return new Account(registerConfirmed(Map.of("email", email, "password", PASSWORD, "first_name", "Test",
                "last_name", "Athlete")), email);
    }

    /**
     * Registers an account (202), confirms it with the token of the email the devstack's mail relay stand-in received,
     * logs in once and answers the account's id.
     */
    UUID registerConfirmed(Map<String, String> registration) {
        return UserAccounts.registerAndLogIn(baseUrl(), registration).userId();
    }

    /** An account, and its access token from a real login (renewed when it is about to expire). */
    final class Account {
        final UUID id;
        final String email;
        private String accessToken;
        private Instant renewAt = Instant.MIN;

        private Account(UUID id, String email) {
            this.id = id;
            this.email = email;
        }

        /** {@code Bearer <access token>}. */
        synchronized String authorization() {
            if (Instant.now().isAfter(renewAt)) {
                JsonPath tokens = given().contentType(ContentType.JSON)
                        .body(Map.of("email", email, "password", PASSWORD))
                        .post(baseUrl() + "/api/v1/auth/login")
                        .then().statusCode(200)
                        .extract().jsonPath();
                accessToken = tokens.getString("access_token");
                renewAt = Instant.now().plus(Duration.ofSeconds(tokens.getLong("expires_in"))).minusSeconds(60);
            }
            return "Bearer " + accessToken;
        }
    }

    @Override
    public void close() throws InterruptedException {
        app.close();
    }
}
