package io.stride.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.stride.benchmarks.simulator.DemoAccounts;
import io.stride.benchmarks.simulator.DemoMailbox;

/**
 * The workouts benchmark's athletes, signed in as a user is: registered through the users service, the confirmation
 * link emailed to them followed (the devstack's mail relay stand-in), then logged in; the simulator's
 * {@link DemoAccounts}. Access tokens last minutes, so every phase signs in again ({@link #signIn()}). One more
 * account is the admin that starts a rebuild: an operator grants the role in the users database ({@link Postgres}).
 */
final class Athletes {

    /** An athlete and a fresh access token. */
    record Athlete(int number, UUID userId, String token) {
    }

    /** The demo account number of the admin (athletes are 1…N). */
    static final int ADMIN_NUMBER = 9000;

    /** Access tokens last 5 minutes (users.jwt.access-token-ttl): one is used for at most 2 minutes after it was issued. */
    static final Duration REUSE = Duration.ofMinutes(2);
    static final Duration FRESH = Duration.ofMinutes(3);

    private final DemoAccounts accounts;
    private final int count;
    private List<Athlete> signedIn = List.of();
    private long signedInAt;

    Athletes(Platform platform, String usersUrl, int count) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.accounts = new DemoAccounts(http, usersUrl, new DemoMailbox(platform.address("MAIL_SMTP_HOST"),
                Integer.parseInt(platform.address("MAIL_IMAP_PORT"))));
        this.count = count;
    }

    /**
     * Every athlete with a token good for {@link #FRESH} more at least (registering them on first use); tokens signed in
     * less than {@link #REUSE} ago are reused: logins are rate-limited per account (users service README).
     */
    List<Athlete> signIn() throws IOException, InterruptedException {
        if (!signedIn.isEmpty() && System.nanoTime() - signedInAt < REUSE.toNanos()) {
            return signedIn;
        }
        List<Athlete> athletes = new ArrayList<>(count);
        long at = System.nanoTime();
        for (int number = 1; number <= count; number++) {
            String token = accounts.accessToken(number);
            athletes.add(new Athlete(number, DemoAccounts.userId(token), token));
        }
        signedIn = List.copyOf(athletes);
        signedInAt = at;
        return signedIn;
    }

    /** The admin's fresh token; the role is granted in the users database on first use. */
    String admin(Postgres postgres) throws IOException, InterruptedException {
        String token = accounts.accessToken(ADMIN_NUMBER);
        if (!payloadHasAdmin(token)) {
            postgres.psql("update users.users set roles = 'admin' where id = '" + DemoAccounts.userId(token) + "'");
            token = accounts.accessToken(ADMIN_NUMBER);
        }
        if (!payloadHasAdmin(token)) {
            throw new IllegalStateException("the admin account's token has no admin role after it was granted");
        }
        return token;
    }

    private static boolean payloadHasAdmin(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return payload.contains("\"admin\"");
    }
}
