package io.stride.commands.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stride.testing.Devstack;
import io.stride.testing.Mailbox;

/** Registers accounts the way their owners do: the registration, then the link of the confirmation email. */
public final class Registrations {

    private Registrations() {
    }

    /** Posts a registration (from {@code ip} when not null); every registration is answered 202. */
    public static Response register(Map<String, String> body, String ip) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (ip != null) {
            request.header("X-Forwarded-For", ip);
        }
        return request.when().post("/api/v1/users");
    }

    /** Registers a new account and confirms its address: the account's id. */
    public static UUID registerConfirmed(Map<String, String> body, String ip) {
        register(body, ip).then().statusCode(202).body("status", equalTo("confirmation_sent"));
        return confirm(body.get("email"), ip);
    }

    /**
     * Confirms the address with the token of the newest confirmation email it received (read from the devstack's mail
     * relay stand-in), from {@code ip} when not null: the account's id.
     */
    public static UUID confirm(String email, String ip) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        String token = Mailbox.awaitVerificationToken(address);
        UUID userId = pendingAccountOf(token);
        RequestSpecification request = given().contentType(ContentType.JSON).body(Map.of("token", token));
        if (ip != null) {
            request.header("X-Forwarded-For", ip);
        }
        request.when().post("/api/v1/users/verification")
                .then().statusCode(200).body("status", equalTo("verified"));
        return userId;
    }

    /** The account a confirmation token was sent for (only the token's SHA-256 is stored). */
    private static UUID pendingAccountOf(String token) {
        Map<String, String> devstack = Devstack.addresses();
        try (Connection connection = DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
                PreparedStatement query = connection.prepareStatement(
                        "select user_id from users.email_verifications where token_sha256 = ?")) {
            query.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no pending confirmation for the emailed token");
                }
                return row.getObject(1, UUID.class);
            }
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
