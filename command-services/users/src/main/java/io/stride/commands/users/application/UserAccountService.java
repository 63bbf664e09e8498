package io.stride.commands.users.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.exception.ConstraintViolationException;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.crypto.DataKey;
import io.stride.commands.users.crypto.DataKeyShredded;
import io.stride.commands.users.crypto.PiiCrypto;
import io.stride.commands.users.crypto.PiiField;
import io.stride.commands.users.crypto.TelemetryKeyMaker;
import io.stride.commands.users.domain.AthleteMetrics;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.Credentials;
import io.stride.commands.users.domain.EmailAlreadyRegistered;
import io.stride.commands.users.domain.InvalidAthleteMetrics;
import io.stride.commands.users.domain.InvalidVerificationToken;
import io.stride.commands.users.domain.Registration;
import io.stride.commands.users.domain.Secrets;
import io.stride.commands.users.domain.UserNotFound;
import io.stride.commands.users.domain.UserProfile;
import io.stride.commands.users.persistence.DataKeyRepository;
import io.stride.commands.users.persistence.EmailVerificationEntity;
import io.stride.commands.users.persistence.EmailVerificationRepository;
import io.stride.commands.users.persistence.SessionRepository;
import io.stride.commands.users.persistence.UserEntity;
import io.stride.commands.users.persistence.UserRepository;
import io.stride.platform.outbox.Outbox;
import io.stride.platform.security.Roles;
import io.stride.schemas.Topics;
import io.stride.schemas.users.PublicProfile;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.users.UserMetricsUpdatedData;

/** Use cases on an account: register, read and patch the profile, change the password. */
@ApplicationScoped
public class UserAccountService {

    static final String SESSION_REVOKED_BY_PASSWORD_CHANGE = "password_changed";
    /** How long a confirmation link works. */
    static final Duration VERIFICATION_TTL = Duration.ofHours(24);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final DataKeyRepository dataKeys;
    private final PiiCrypto crypto;
    private final TelemetryKeyMaker telemetryKeys;
    private final Outbox outbox;
    private final EmailVerificationRepository verifications;
    private final Secrets secrets;
    private final AuditLog audit;
    private final Clock clock;

    public UserAccountService(UserRepository users, SessionRepository sessions, DataKeyRepository dataKeys,
            PiiCrypto crypto, TelemetryKeyMaker telemetryKeys, Outbox outbox, EmailVerificationRepository verifications,
            Secrets secrets, AuditLog audit, Clock clock) {
        this.users = users;
        this.verifications = verifications;
        this.secrets = secrets;
        this.telemetryKeys = telemetryKeys;
        this.outbox = outbox;
        this.audit = audit;
        this.sessions = sessions;
        this.dataKeys = dataKeys;
        this.crypto = crypto;
        this.clock = clock;
    }

    /**
     * Registers an address: a new athlete account, unconfirmed, with a confirmation token to email; or, when the
     * address has an account, nothing (a new token when that account is still unconfirmed). Email and names are
     * stored encrypted under a new data key of the user; the email's blind index keeps it unique. The user's new
     * telemetry key is stored and appended to the outbox for {@link Topics#TELEMETRY_KEYS}.
     */
    @WithTransaction
    @WithSpan("UserAccountService.register")
    public Uni<Registration> register(String email, String passwordHash, String firstName, String lastName) {
        Instant now = clock.instant();
        byte[] emailIndex = crypto.emailIndex(email);
        return users.findByEmailIndex(emailIndex)
                .chain(existing -> existing != null ? known(existing, email, now)
                        : create(email, emailIndex, passwordHash, firstName, lastName, now));
    }

    private Uni<Registration> known(UserEntity existing, String email, Instant now) {
        if (existing.getEmailVerifiedAt() != null) {
            return Uni.createFrom().item(new Registration.Known(email, null));
        }
        return newVerification(existing.getId(), now)
                .map(token -> new Registration.Known(email, token));
    }

    private Uni<Registration> create(String email, byte[] emailIndex, String passwordHash, String firstName,
            String lastName, Instant now) {
        UUID userId = UUID.randomUUID();
        DataKey key = dataKeys.generate(userId);
        byte[] telemetryKey = telemetryKeys.newWrappedKey(userId);
        UserEntity user = new UserEntity();
        user.setId(userId);
        user.setEmailIndex(emailIndex);
        user.setEmailEncrypted(key.encrypt(PiiField.EMAIL, email));
        user.setFirstNameEncrypted(key.encrypt(PiiField.FIRST_NAME, firstName));
        user.setLastNameEncrypted(key.encrypt(PiiField.LAST_NAME, lastName));
        user.setPasswordHash(passwordHash);
        user.setRoles(Roles.ATHLETE);
        user.setCreatedAt(now);
        user.setPasswordChangedAt(now);
        return users.persistAndFlush(user)
                .chain(saved -> dataKeys.store(key, telemetryKey, now))
                .call(stored -> dataKeys.flush())
                .onFailure(ConstraintViolationException.class)
                .transform(e -> new EmailAlreadyRegistered())
                .call(stored -> outbox.append(Topics.TELEMETRY_KEYS, userId.toString(),
                        TelemetryKeyMaker.record(userId, telemetryKey, now)))
                .call(stored -> audit.record(AuditEventType.USER_REGISTERED, userId))
                .chain(stored -> newVerification(userId, now))
                .invoke(token -> Log.infof("user registered userId=%s", userId))
                .map(token -> new Registration.Created(userId, email, token));
    }

    /** A new confirmation token of the account, valid for {@link #VERIFICATION_TTL}; only its SHA-256 is stored. */
    private Uni<String> newVerification(UUID userId, Instant now) {
        String token = secrets.verificationToken();
        EmailVerificationEntity row = new EmailVerificationEntity();
        row.setTokenSha256(Secrets.sha256Hex(token));
        row.setUserId(userId);
        row.setExpiresAt(now.plus(VERIFICATION_TTL));
        return verifications.persist(row).replaceWith(token);
    }

    /**
     * Confirms the address of the account the token was sent for; the account can log in from then on. A token
     * works once, within {@link #VERIFICATION_TTL}; an unknown, used or expired token is refused with 400.
     */
    @WithTransaction
    @WithSpan("UserAccountService.verifyEmail")
    public Uni<Void> verifyEmail(String token) {
        Instant now = clock.instant();
        return verifications.findById(Secrets.sha256Hex(token))
                .chain(row -> {
                    if (row == null || !row.getExpiresAt().isAfter(now)) {
                        return Uni.createFrom().failure(new InvalidVerificationToken());
                    }
                    UUID userId = row.getUserId();
                    return users.findById(userId)
                            .invoke(user -> {
                                if (user.getEmailVerifiedAt() == null) {
                                    user.setEmailVerifiedAt(now);
                                }
                            })
                            .chain(user -> verifications.delete("userId", userId))
                            .call(deleted -> audit.record(AuditEventType.EMAIL_VERIFIED, userId))
                            .invoke(deleted -> Log.infof("email verified userId=%s", userId))
                            .replaceWithVoid();
                });
    }

    /** The credentials of the account with this normalised email, or null. */
    @WithSession
    @WithSpan("UserAccountService.credentials")
    public Uni<Credentials> credentials(String email) {
        return users.findByEmailIndex(crypto.emailIndex(email))
                .map(user -> user == null ? null : new Credentials(user.getId(), user.getPasswordHash()));
    }

    /** The password hash of an account (404 when it no longer exists). */
    @WithSession
    @WithSpan("UserAccountService.passwordHash")
    public Uni<String> passwordHash(UUID userId) {
        return existing(userId).map(UserEntity::getPasswordHash);
    }

    @WithSession
    @WithSpan("UserAccountService.profile")
    public Uni<UserProfile> profile(UUID userId) {
        return existing(userId)
                .chain(user -> dataKeys.keyOf(userId)
                        .map(key -> toProfile(user, key)))
                .onFailure(DataKeyShredded.class)
                .transform(e -> new UserNotFound(userId));
    }

    /**
     * Changes the given names, the display name, the choice to hide from public leaderboards and the metrics (a
     * metric or display name given as null is cleared); nothing else of the account is patchable. When the metrics
     * differ from the stored ones afterwards, the full new set is appended to the outbox as one
     * {@code UserMetricsUpdated} for {@link Topics#USER_METRICS} (keyed by user id) in the same transaction; a patch
     * that changes none of them appends nothing. Likewise, when what others see changes (the shown display name, the
     * choice), the new {@code PublicProfile} is appended for {@link Topics#PUBLIC_PROFILES}.
     * {@link InvalidAthleteMetrics} (nothing changed) when the result breaks a rule between metrics.
     */
    @WithTransaction
    @WithSpan("UserAccountService.patchProfile")
    public Uni<UserProfile> patchProfile(UUID userId, Optional<String> firstName, Optional<String> lastName,
            Optional<Optional<String>> displayName, Optional<Boolean> hidden,
            Map<AthleteMetrics.Field, Object> metricChanges) {
        Instant now = clock.instant();
        // locked: two patches of one athlete run one after the other, each event compared with the one before
        return users.findById(userId, LockModeType.PESSIMISTIC_WRITE)
                .onItem()
                .ifNull()
                .failWith(() -> new UserNotFound(userId))
                .chain(user -> dataKeys.keyOf(userId)
                        .chain(key -> {
                            AthleteMetrics before = metricsOf(user, key);
                            AthleteMetrics after = before.with(metricChanges);
                            List<AthleteMetrics.Violation> violations = after.violations();
                            if (!violations.isEmpty()) {
                                return Uni.createFrom().failure(new InvalidAthleteMetrics(violations));
                            }
                            PublicProfile shownBefore = publicProfile(userId, displayNameOf(user, key),
                                    user.isHiddenFromLeaderboards(), now);
                            firstName.ifPresent(name -> user.setFirstNameEncrypted(
                                    key.encrypt(PiiField.FIRST_NAME, name)));
                            lastName.ifPresent(name -> user.setLastNameEncrypted(
                                    key.encrypt(PiiField.LAST_NAME, name)));
                            displayName.ifPresent(name -> user.setDisplayNameEncrypted(name
                                    .map(chosen -> key.encrypt(PiiField.DISPLAY_NAME, chosen))
                                    .orElse(null)));
                            hidden.ifPresent(user::setHiddenFromLeaderboards);
                            PublicProfile shown = publicProfile(userId, displayNameOf(user, key),
                                    user.isHiddenFromLeaderboards(), now);
                            boolean metricsChanged = !after.equals(before);
                            boolean shownChanged = !Objects.equals(shown.getDisplayName(),
                                    shownBefore.getDisplayName())
                                    || shown.getHiddenFromLeaderboards() != shownBefore.getHiddenFromLeaderboards();
                            Uni<Void> published = Uni.createFrom().voidItem();
                            if (metricsChanged) {
                                user.setMetricsEncrypted(after.isEmpty() ? null
                                        : key.encrypt(PiiField.METRICS, after.encode()));
                                user.setMetricsUpdatedAt(now);
                                published = outbox.append(Topics.USER_METRICS, userId.toString(),
                                        metricsUpdated(userId, after, now));
                            }
                            if (shownChanged) {
                                published = published.chain(() -> outbox.append(Topics.PUBLIC_PROFILES,
                                        userId.toString(), shown));
                            }
                            return published
                                    .invoke(() -> Log.infof("profile updated userId=%s metricsChanged=%s "
                                            + "publicProfileChanged=%s", userId, metricsChanged, shownChanged))
                                    .map(ignored -> toProfile(user, key));
                        }));
    }

    /**
     * What other athletes may see of the athlete, as published on {@link Topics#PUBLIC_PROFILES}: the display name
     * they chose, none while they hide from public boards.
     */
    static PublicProfile publicProfile(UUID userId, String displayName, boolean hidden, Instant at) {
        return PublicProfile.newBuilder()
                .setUserId(userId)
                .setDisplayName(hidden ? null : displayName)
                .setHiddenFromLeaderboards(hidden)
                .setUpdatedAt(at)
                .build();
    }

    /** The full current metrics of the athlete as the event that says they changed at {@code at}. */
    static UserMetricsUpdated metricsUpdated(UUID userId, AthleteMetrics metrics, Instant at) {
        return UserMetricsUpdated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(at)
                .setData(UserMetricsUpdatedData.newBuilder()
                        .setUserId(userId)
                        .setWeightKg(metrics.weightKg())
                        .setHeightCm(metrics.heightCm())
                        .setMaxHeartRateBpm(metrics.maxHeartRateBpm())
                        .setRestingHeartRateBpm(metrics.restingHeartRateBpm())
                        .setBirthYear(metrics.birthYear())
                        .setTimeZone(metrics.timeZone())
                        .build())
                .build();
    }

    /**
     * Replaces the password hash and revokes every other session of the user (their refresh tokens stop working;
     * their access tokens expire within their short lifetime). The session that asked keeps working.
     */
    @WithTransaction
    @WithSpan("UserAccountService.changePassword")
    public Uni<Void> changePassword(UUID userId, String newPasswordHash, UUID currentSessionId) {
        Instant now = clock.instant();
        return existing(userId)
                .invoke(user -> {
                    user.setPasswordHash(newPasswordHash);
                    user.setPasswordChangedAt(now);
                })
                .chain(user -> sessions.revokeAllOf(userId, currentSessionId, now, SESSION_REVOKED_BY_PASSWORD_CHANGE))
                .call(revoked -> audit.record(AuditEventType.PASSWORD_CHANGED, userId,
                        Map.of("revoked_sessions", revoked)))
                .invoke(revoked -> Log.infof("password changed userId=%s revokedSessions=%d", userId, revoked))
                .replaceWithVoid();
    }

    private Uni<UserEntity> existing(UUID userId) {
        return users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> new UserNotFound(userId));
    }

    /** The profile with its personal fields decrypted by the user's data key. */
    static UserProfile toProfile(UserEntity user, DataKey key) {
        return new UserProfile(user.getId(), key.decrypt(PiiField.EMAIL, user.getEmailEncrypted()),
                key.decrypt(PiiField.FIRST_NAME, user.getFirstNameEncrypted()),
                key.decrypt(PiiField.LAST_NAME, user.getLastNameEncrypted()),
                user.getCreatedAt(), user.getLastLogin(), user.isTotpEnabled(), metricsOf(user, key),
                displayNameOf(user, key), user.isHiddenFromLeaderboards());
    }

    /** The display name the athlete chose, decrypted (null: none chosen). */
    public static String displayNameOf(UserEntity user, DataKey key) {
        return user.getDisplayNameEncrypted() == null ? null
                : key.decrypt(PiiField.DISPLAY_NAME, user.getDisplayNameEncrypted());
    }

    /** The athlete's metrics decrypted by the user's data key ({@link AthleteMetrics#NONE} while none is set). */
    public static AthleteMetrics metricsOf(UserEntity user, DataKey key) {
        return user.getMetricsEncrypted() == null ? AthleteMetrics.NONE
                : AthleteMetrics.decode(key.decrypt(PiiField.METRICS, user.getMetricsEncrypted()));
    }
}
