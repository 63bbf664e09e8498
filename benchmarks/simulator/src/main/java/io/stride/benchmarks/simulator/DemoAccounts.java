package io.stride.benchmarks.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets each simulated wearable a real credential the way a user does, through the users service: log the demo athlete
 * in (the first time, registering the account and following the confirmation link emailed to it), revoke the simulator's earlier devices of that athlete, register a new
 * device and keep its credential ({@code <device_id>.<secret>}, shown only once).
 *
 * <p>Demo accounts only: {@code athlete<N>@demo.stride.local} with one shared, published demo password. The workouts
 * benchmark ({@code benchmarks/load}) signs its athletes in the same way ({@link #accessToken(int)}).
 */
public final class DemoAccounts {

    /** The demo athletes' password: public by design, 12+ characters as the users service requires. */
    static final String DEMO_PASSWORD = "stride-demo-athlete";
    /** The model the simulator registers its devices under; earlier ones with it are revoked on start. */
    static final String DEVICE_MODEL = "Stride simulator watch";

    private static final Pattern DEVICE = Pattern.compile("\\{[^{}]*}");

    /**
     * A demo athlete with a device ready to stream.
     *
     * @param email      the athlete's login
     * @param userId     the athlete's user id (the token's subject)
     * @param deviceId   the registered device's id
     * @param credential {@code <device_id>.<secret>}
     */
    record DemoAthlete(String email, UUID userId, String deviceId, String credential) {

        String authorization() {
            return "Device " + credential;
        }
    }

    /** The users service answered something the simulator cannot go on with. */
    public static final class UsersServiceRefused extends RuntimeException {
        UsersServiceRefused(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final URI users;
    private final DemoMailbox mailbox;

    public DemoAccounts(HttpClient http, String usersBaseUrl, DemoMailbox mailbox) {
        this.http = http;
        this.mailbox = mailbox;
        this.users = URI.create(usersBaseUrl.endsWith("/") ? usersBaseUrl : usersBaseUrl + "/");
    }

    public static String email(int number) {
        return "athlete" + number + "@demo.stride.local";
    }

    /**
     * Logs demo athlete {@code number} in, registering the account first when it does not exist yet (registrations
     * are rate-limited per address and per account: a restarted simulator must not spend them), then registers a new
     * device of theirs.
     */
    DemoAthlete prepare(int number) throws IOException, InterruptedException {
        String email = email(number);
        String accessToken = accessToken(number);
        UUID userId = userId(accessToken);
        HttpResponse<String> profile = send("PATCH", "api/v1/users/me", accessToken, metrics(number));
        if (profile.statusCode() != 200) {
            throw refused("setting the metrics of demo athlete " + number, profile);
        }
        revokeEarlierDevices(accessToken);
        HttpResponse<String> device = send("POST", "api/v1/users/me/devices", accessToken, """
                {"model":"%s"}""".formatted(DEVICE_MODEL));
        if (device.statusCode() != 201) {
            throw refused("registering a device of demo athlete " + number, device);
        }
        String credential = field(device.body(), "credential");
        return new DemoAthlete(email, userId, field(device.body(), "device_id"), credential);
    }

    /** Home time zones of the demo athletes, in turn: their days and weeks on the boards are their own. */
    static final List<String> TIME_ZONES = List.of("Europe/Lisbon", "Asia/Tokyo", "America/New_York",
            "Europe/Berlin", "Australia/Sydney");

    /** Names the demo athletes show on leaderboards, in turn (a number follows from the sixth athlete on). */
    static final List<String> DISPLAY_NAMES = List.of("Ana Lima", "Kenji Mori", "Maya Reed", "Jonas Weber",
            "Chloe Sun");

    /**
     * Demo athlete {@code number}'s body metrics, home zone and the name boards show, as an athlete sets them in the app
     * (a profile patch): the same for a number every time, so a restarted simulator changes nothing (and the users
     * service publishes nothing).
     */
    static String metrics(int number) {
        int i = Math.max(0, number - 1);
        String name = DISPLAY_NAMES.get(i % DISPLAY_NAMES.size())
                + (i < DISPLAY_NAMES.size() ? "" : " " + (i / DISPLAY_NAMES.size() + 1));
        return """
                {"weight_kg":%d,"height_cm":%d,"max_heart_rate_bpm":%d,"resting_heart_rate_bpm":%d,\
                "birth_year":%d,"time_zone":"%s","display_name":"%s"}""".formatted(58 + 7 * (i % 5), 164 + 5 * (i % 6),
                178 + 3 * (i % 5), 46 + 3 * (i % 4), 1978 + 4 * (i % 6), TIME_ZONES.get(i % TIME_ZONES.size()), name);
    }

    /**
     * Logs demo athlete {@code number} in, registering the account first when it does not exist yet (and following the
     * confirmation link emailed to it): a fresh access token (it lasts minutes, see the users service's README).
     */
    public String accessToken(int number) throws IOException, InterruptedException {
        String email = email(number);
        HttpResponse<String> login = login(email);
        if (login.statusCode() == 401 || login.statusCode() == 403) {
            // not registered yet, or registered without confirming: (re)register and follow the emailed link
            int earlierLinks = mailbox.tokens(email).size();
            HttpResponse<String> registered = send("POST", "api/v1/users", null, """
                    {"email":"%s","password":"%s","first_name":"Demo","last_name":"Athlete %d"}"""
                    .formatted(email, DEMO_PASSWORD, number));
            if (registered.statusCode() != 202) {
                throw refused("registering demo athlete " + number, registered);
            }
            confirm(email, earlierLinks);
            login = login(email);
        }
        if (login.statusCode() != 200) {
            throw refused("logging demo athlete " + number + " in", login);
        }
        return field(login.body(), "access_token");
    }

    /** The user id of an access token (its subject; read, not verified). */
    public static UUID userId(String accessToken) {
        return UUID.fromString(field(payload(accessToken), "sub"));
    }

    /** Prepares athlete {@code number}, retrying while the users service starts (up to {@code patience}). */
    DemoAthlete prepareWhenUp(int number, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            try {
                return prepare(number);
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new UsersServiceRefused("users service unreachable at " + users + " (" + e.getMessage()
                            + ")");
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Follows the confirmation link emailed after the {@code earlierLinks} ones the address already had. */
    private void confirm(String email, int earlierLinks) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> tokens = mailbox.tokens(email);
        while (tokens.size() <= earlierLinks) {
            if (Instant.now().isAfter(deadline)) {
                throw new UsersServiceRefused("no confirmation email reached " + email + " within 30 s");
            }
            Thread.sleep(200);
            tokens = mailbox.tokens(email);
        }
        HttpResponse<String> verified = send("POST", "api/v1/users/verification", null, """
                {"token":"%s"}""".formatted(tokens.getLast()));
        if (verified.statusCode() != 200) {
            throw refused("confirming demo athlete " + email, verified);
        }
    }

    private HttpResponse<String> login(String email) throws IOException, InterruptedException {
        return send("POST", "api/v1/auth/login", null, """
                {"email":"%s","password":"%s"}""".formatted(email, DEMO_PASSWORD));
    }

    private void revokeEarlierDevices(String accessToken) throws IOException, InterruptedException {
        HttpResponse<String> list = send("GET", "api/v1/users/me/devices", accessToken, null);
        if (list.statusCode() != 200) {
            throw refused("listing the devices of a demo athlete", list);
        }
        for (String id : activeSimulatorDevices(list.body())) {
            HttpResponse<String> revoked = send("DELETE", "api/v1/users/me/devices/" + id, accessToken, null);
            if (revoked.statusCode() != 204 && revoked.statusCode() != 404) {
                throw refused("revoking an earlier simulator device", revoked);
            }
        }
    }

    /** Ids of the not yet revoked devices registered by the simulator, in a device list answer. */
    static List<String> activeSimulatorDevices(String listBody) {
        List<String> ids = new ArrayList<>();
        Matcher device = DEVICE.matcher(listBody);
        while (device.find()) {
            String json = device.group();
            if (json.contains("\"model\":\"" + DEVICE_MODEL + "\"") && !hasValue(json, "revoked_at")) {
                ids.add(field(json, "device_id"));
            }
        }
        return ids;
    }

    private HttpResponse<String> send(String method, String path, String accessToken, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(users.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .header("X-Caller-Service", "wearable-simulator")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A string field of a flat JSON object (the values read here never hold quotes or escapes). */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new UsersServiceRefused("no " + name + " in the users service's answer");
        }
        return matcher.group(1);
    }

    private static boolean hasValue(String json, String name) {
        return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"").matcher(json).find();
    }

    /** The payload of a JWT, decoded (not verified: the simulator only needs its own user id). */
    private static String payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new UsersServiceRefused("the access token is not a JWT");
        }
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    /** The error code only: the body may echo what was sent. */
    private static UsersServiceRefused refused(String step, HttpResponse<String> response) {
        String error;
        try {
            error = field(response.body(), "error");
        } catch (UsersServiceRefused e) {
            error = "no error code";
        }
        return new UsersServiceRefused(step + ": users service answered " + response.statusCode() + " " + error);
    }
}
