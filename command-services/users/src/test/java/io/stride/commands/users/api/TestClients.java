package io.stride.commands.users.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stride.commands.users.Registrations;
import io.stride.testing.Devstack;

/** Accounts, logins and database reads for the users API tests. */
final class TestClients {

    static final String PASSWORD = "correct horse battery staple";

    private TestClients() {
    }

    static String uniqueEmail() {
        return "athlete-" + UUID.randomUUID() + "@example.com";
    }

    /** A random client address (TEST-NET-like private range), so that tests never share a per-IP budget. */
    static String uniqueIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static Map<String, String> registration(String email) {
        return Map.of("email", email, "password", PASSWORD, "first_name", "Ann", "last_name", "Runner");
    }

    /** Posts a registration (answered 202 whether the address is new or known). */
    static Response register(String email, String ip) {
        return Registrations.register(registration(email), ip);
    }

    /** Registers an account and confirms its address through the emailed link: its id. */
    static UUID registerConfirmed(String email, String ip) {
        return Registrations.registerConfirmed(registration(email), ip);
    }

    static Response login(String email, String password, String ip) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", ip)
                .body(Map.of("email", email, "password", password))
                .when()
                .post("/api/v1/auth/login");
    }

    /** Registers an account and logs in: answers {@code Bearer <access token>}. */
    static Account newAccount() {
        String email = uniqueEmail();
        String ip = uniqueIp();
        UUID userId = registerConfirmed(email, ip);
        String token = login(email, PASSWORD, ip).then().statusCode(200).extract().path("access_token");
        return new Account(userId, email, "Bearer " + token);
    }

    /** Rows of a query against the devstack's PostgreSQL, each as column label to value. */
    static List<Map<String, Object>> query(String sql, Object... parameters) {
        Map<String, String> devstack = Devstack.addresses();
        try (Connection connection = DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        row.put(rows.getMetaData().getColumnLabel(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertNoRawEmail(String text, String email) {
        assertThat(text).doesNotContain(email);
    }

    /** The account's owner patches their profile ({@code PATCH /api/v1/users/me}). */
    static Response patchProfile(Account account, Object body) {
        return given().header("Authorization", account.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/v1/users/me");
    }

    /** The account's owner erases it (right to erasure), with their password: 204. */
    static void erase(Account account) {
        given().header("Authorization", account.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("password", PASSWORD))
                .when()
                .delete("/api/v1/users/me")
                .then()
                .statusCode(204);
    }

    record Account(UUID userId, String email, String bearer) {
    }
}
