package io.stride.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Registers and logs in users the way their owners do, against a running users service (a packaged app a test started,
 * or {@code ./stride up}'s): the registration, the link of the confirmation email (read from the devstack's mail relay
 * stand-in, {@link Mailbox}), a login, and the account's id from {@code GET /api/v1/users/me}. For any test that needs a
 * real user and a real access token (system tests, apps verifying the users service's tokens).
 *
 * <pre>
 * UserAccounts.Account ada = UserAccounts.registerAndLogIn(usersBaseUrl);
 * given().header("Authorization", ada.bearer()) ...
 * </pre>
 */
public final class UserAccounts {

    /** The password of the accounts {@link #registerAndLogIn(String)} makes. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private UserAccounts() {
    }

    /**
     * A registered, confirmed and logged-in user.
     *
     * @param userId      the account's id (the tokens' subject)
     * @param email       its address
     * @param password    its password
     * @param accessToken a fresh access token (5 minutes)
     */
    public record Account(UUID userId, String email, String password, String accessToken) {

        /** {@code Bearer <access token>}. */
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    /** A new athlete with a unique address and {@link #PASSWORD}. */
    public static Account registerAndLogIn(String usersBaseUrl) {
        Map<String, String> registration = new LinkedHashMap<>();
        registration.put("email", "athlete-" + UUID.randomUUID() + "@example.test");
        registration.put("password", PASSWORD);
        registration.put("first_name", "Test");
        registration.put("last_name", "Athlete");
        return registerAndLogIn(usersBaseUrl, registration);
    }

    /**
     * Registers {@code registration} ({@code email}, {@code password}, {@code first_name}, {@code last_name}; 202),
     * confirms the address with the emailed token (200), logs in (200) and reads the account's id.
     */
    public static Account registerAndLogIn(String usersBaseUrl, Map<String, String> registration) {
        String email = registration.get("email");
        String password = registration.get("password");
        expect(202, post(usersBaseUrl + "/api/v1/users", json(registration), null));
        expect(200, post(usersBaseUrl + "/api/v1/users/verification",
                json(Map.of("token", Mailbox.awaitVerificationToken(email))), null));
        String accessToken = logIn(usersBaseUrl, email, password);
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(usersBaseUrl + "/api/v1/users/me"))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build());
        expect(200, me);
        return new Account(UUID.fromString(group(ID, me.body(), "id")), email, password, accessToken);
    }

    /** Logs in: a fresh access token. */
    public static String logIn(String usersBaseUrl, String email, String password) {
        HttpResponse<String> login = post(usersBaseUrl + "/api/v1/auth/login",
                json(Map.of("email", email, "password", password)), null);
        expect(200, login);
        return group(ACCESS_TOKEN, login.body(), "access_token");
    }

    private static HttpResponse<String> post(String url, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the users service did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " instead of " + status + ": " + response.body());
        }
    }

    private static String group(Pattern pattern, String body, String field) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in " + body);
        }
        return matcher.group(1);
    }

    /** A flat JSON object of strings. */
    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> quote(field.getKey()) + ":" + quote(field.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
