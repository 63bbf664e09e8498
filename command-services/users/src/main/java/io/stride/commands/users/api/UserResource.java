package io.stride.commands.users.api;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.application.AuditLog;
import io.stride.commands.users.application.RateLimiter;
import io.stride.commands.users.application.TotpService;
import io.stride.commands.users.application.UserAccountService;
import io.stride.commands.users.domain.AthleteMetrics;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.EmailAlreadyRegistered;
import io.stride.commands.users.domain.Emails;
import io.stride.commands.users.domain.InvalidTotpCode;
import io.stride.commands.users.domain.RateLimitedAction;
import io.stride.commands.users.domain.Registration;
import io.stride.commands.users.messaging.AccountMails;
import io.stride.platform.http.ApiException;

/** Registration, the caller's profile, password and two-factor authentication. */
@Path("/api/v1/users")
public class UserResource {

    /** The only profile fields a user may change; id, email, created_at, roles... are not patchable. */
    static final Set<String> PATCHABLE = Set.of("first_name", "last_name", "weight_kg", "height_cm",
            "max_heart_rate_bpm", "resting_heart_rate_bpm", "birth_year", "time_zone", "display_name",
            "hidden_from_leaderboards");

    private final UserAccountService accounts;
    private final TotpService totp;
    private final PasswordHashing hashing;
    private final JsonWebToken jwt;
    private final RateLimiter limiter;
    private final AccountMails mails;
    private final AuditLog audit;
    private final Clock clock;

    public UserResource(UserAccountService accounts, TotpService totp, PasswordHashing hashing, JsonWebToken jwt,
            RateLimiter limiter, AccountMails mails, AuditLog audit, Clock clock) {
        this.mails = mails;
        this.clock = clock;
        this.accounts = accounts;
        this.totp = totp;
        this.hashing = hashing;
        this.jwt = jwt;
        this.limiter = limiter;
        this.audit = audit;
    }

    /**
     * Registers an address: 202 with the same answer whether it is new or already has an account (no enumeration,
     * OWASP). A new account is unusable until the address is confirmed through the link emailed to it; a known
     * address gets a notice instead (or a new link, while its account is unconfirmed).
     */
    @POST
    @PermitAll
    public Uni<Response> register(@Valid @NotNull Requests.Register request) {
        String email = Emails.normalise(request.email());
        return limiter.acquireForEmail(RateLimitedAction.REGISTRATION, email)
                .chain(() -> hashing.hash(request.password()))
                .chain(hash -> accounts.register(email, hash, request.firstName().strip(),
                        request.lastName().strip()))
                .onFailure(EmailAlreadyRegistered.class)
                .recoverWithItem(() -> new Registration.Known(email, null))
                .call(mails::send)
                .map(registration -> Response.accepted(Responses.RegistrationAccepted.INSTANCE).build());
    }

    /** Confirms an address with the token emailed at registration (the link of the email opens this). */
    @GET
    @Path("/verification")
    @PermitAll
    public Uni<Responses.Verified> verifyByLink(@QueryParam("token") @NotBlank @Size(max = 128) String token) {
        return accounts.verifyEmail(token).replaceWith(Responses.Verified.INSTANCE);
    }

    /** Confirms an address with the token emailed at registration, for apps that take the token themselves. */
    @POST
    @Path("/verification")
    @PermitAll
    public Uni<Responses.Verified> verify(@Valid @NotNull Requests.Verify request) {
        return accounts.verifyEmail(request.token()).replaceWith(Responses.Verified.INSTANCE);
    }

    @GET
    @Path("/me")
    @Authenticated
    public Uni<Responses.Profile> profile() {
        return accounts.profile(userId())
                .map(Responses.Profile::of);
    }

    /**
     * Changes {@code first_name}, {@code last_name}, {@code display_name} (null clears it),
     * {@code hidden_from_leaderboards} and the athlete's metrics ({@code weight_kg}, {@code height_cm},
     * {@code max_heart_rate_bpm}, {@code resting_heart_rate_bpm}, {@code birth_year}, {@code time_zone}; null clears
     * a metric). Any other field (id, email, created_at, ...) is refused with 400 rather than silently ignored, so that a
     * client never believes it changed something it did not; so is a value of the wrong type or out of range, and a
     * resting heart rate not below the maximum one (the stored one when the patch does not give it).
     */
    @PATCH
    @Path("/me")
    @Authenticated
    public Uni<Responses.Profile> patchProfile(Map<String, Object> patch) {
        if (patch == null || patch.isEmpty()) {
            throw ApiException.validation("The patch is empty", Map.of("violations",
                    List.of(Map.of("field", "", "message", "give at least one of " + String.join(", ",
                            PATCHABLE.stream().sorted().toList())))));
        }
        List<Map<String, String>> violations = new ArrayList<>();
        patch.keySet().stream()
                .filter(field -> !PATCHABLE.contains(field))
                .sorted()
                .forEach(field -> violations.add(Map.of("field", field, "message", "is not patchable")));
        Optional<String> firstName = name(patch, "first_name", violations);
        Optional<String> lastName = name(patch, "last_name", violations);
        Optional<Optional<String>> displayName = displayName(patch, violations);
        Optional<Boolean> hidden = flag(patch, "hidden_from_leaderboards", violations);
        Map<AthleteMetrics.Field, Object> metrics = metrics(patch, Year.now(clock).getValue(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.validation("The patch has fields that cannot be changed or invalid values",
                    Map.of("violations", violations));
        }
        return accounts.patchProfile(userId(), firstName, lastName, displayName, hidden, metrics)
                .map(Responses.Profile::of);
    }

    /**
     * Changes the password after checking the current one; every other session of the user is revoked.
     */
    @PUT
    @Path("/me/password")
    @Authenticated
    public Uni<Response> changePassword(@Valid @NotNull Requests.ChangePassword request) {
        UUID userId = userId();
        UUID sessionId = AccessTokens.sessionOf(jwt);
        return accounts.passwordHash(userId)
                .chain(stored -> hashing.verify(stored, request.currentPassword()))
                .invoke(matches -> {
                    if (!matches) {
                        throw new ApiException(403, "wrong_password", "The current password is wrong", Map.of());
                    }
                })
                .chain(ignored -> hashing.hash(request.newPassword()))
                .chain(hash -> accounts.changePassword(userId, hash, sessionId))
                .map(ignored -> Response.noContent().build());
    }

    /** Starts a TOTP enrolment: the secret and the otpauth:// URI for the authenticator app. */
    @POST
    @Path("/me/totp")
    @Authenticated
    public Uni<Responses.TotpEnrolment> enrolTotp() {
        return totp.enrol(userId())
                .map(enrolment -> new Responses.TotpEnrolment(enrolment.secret(), enrolment.provisioningUri()));
    }

    /** Confirms the enrolment with a current code; answers the 10 recovery codes, once. */
    @POST
    @Path("/me/totp/confirm")
    @Authenticated
    public Uni<Responses.RecoveryCodes> confirmTotp(@Valid @NotNull Requests.TotpCode request) {
        UUID userId = userId();
        return limiter.acquireForUser(RateLimitedAction.TOTP, userId)
                .chain(() -> totp.confirm(userId, request.code().strip()))
                .onFailure(InvalidTotpCode.class)
                .call(e -> audit.record(AuditEventType.TOTP_VERIFICATION_FAILED, userId,
                        Map.of("during", "enrolment")))
                .map(Responses.RecoveryCodes::new);
    }

    private UUID userId() {
        return UUID.fromString(jwt.getSubject());
    }

    /** The metrics the patch gives (null values clear), each checked alone; what is wrong goes to violations. */
    private static Map<AthleteMetrics.Field, Object> metrics(Map<String, Object> patch, int currentYear,
            List<Map<String, String>> violations) {
        Map<AthleteMetrics.Field, Object> metrics = new EnumMap<>(AthleteMetrics.Field.class);
        for (AthleteMetrics.Field field : AthleteMetrics.Field.values()) {
            if (!patch.containsKey(field.wireName())) {
                continue;
            }
            Object value = patch.get(field.wireName());
            String violation = AthleteMetrics.check(field, value, currentYear);
            if (violation == null) {
                metrics.put(field, value);
            } else {
                violations.add(Map.of("field", field.wireName(), "message", violation));
            }
        }
        return metrics;
    }

    private static Optional<String> name(Map<String, Object> patch, String field,
            List<Map<String, String>> violations) {
        if (!patch.containsKey(field)) {
            return Optional.empty();
        }
        if (!(patch.get(field) instanceof String value) || value.isBlank()
                || value.strip().length() > Requests.NAME_MAX) {
            violations.add(Map.of("field", field,
                    "message", "must be a non-blank string of at most " + Requests.NAME_MAX + " characters"));
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    private static Optional<Boolean> flag(Map<String, Object> patch, String field,
            List<Map<String, String>> violations) {
        if (!patch.containsKey(field)) {
            return Optional.empty();
        }
        if (!(patch.get(field) instanceof Boolean value)) {
            violations.add(Map.of("field", field, "message", "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The display name the patch gives: absent, a name (1 to 40 characters once trimmed) or empty (null clears it). */
    private static Optional<Optional<String>> displayName(Map<String, Object> patch,
            List<Map<String, String>> violations) {
        if (!patch.containsKey("display_name")) {
            return Optional.empty();
        }
        Object value = patch.get("display_name");
        if (value == null) {
            return Optional.of(Optional.empty());
        }
        if (!(value instanceof String name) || name.isBlank() || name.strip().length() > Requests.DISPLAY_NAME_MAX
                || name.chars().anyMatch(Character::isISOControl)) {
            violations.add(Map.of("field", "display_name", "message", "must be null or a non-blank string of at most "
                    + Requests.DISPLAY_NAME_MAX + " characters without control characters"));
            return Optional.empty();
        }
        return Optional.of(Optional.of(name.strip()));
    }
}
