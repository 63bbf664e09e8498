package io.stride.commands.users.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.Credentials;
import io.stride.commands.users.domain.EmailAlreadyRegistered;
import io.stride.commands.users.domain.UserProfile;
import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;
import io.stride.schemas.Topics;

/** Use cases on an account: register, read and patch the profile, change the password. */
@ApplicationScoped
public class UserAccountService {

    static final String SESSION_REVOKED_BY_PASSWORD_CHANGE = "password_changed";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final DataKeyRepository dataKeys;
    private final PiiCrypto crypto;
    private final TelemetryKeyMaker telemetryKeys;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UserAccountService(UserRepository users, SessionRepository sessions, DataKeyRepository dataKeys,
            PiiCrypto crypto, TelemetryKeyMaker telemetryKeys, Outbox outbox, AuditLog audit, Clock clock) {
        this.users = users;
        this.telemetryKeys = telemetryKeys;
        this.outbox = outbox;
        this.audit = audit;
        this.sessions = sessions;
        this.dataKeys = dataKeys;
        this.crypto = crypto;
        this.clock = clock;
    }

    /**
     * Creates an athlete account; {@code email} is normalised, {@code passwordHash} a PHC string. Email and names are
     * stored encrypted under a new data key of the user; the email's blind index keeps it unique. The user's new
     * telemetry key is stored and appended to the outbox for {@link Topics#TELEMETRY_KEYS}.
     */
    @WithTransaction
    @WithSpan("UserAccountService.register")
    public Uni<UserProfile> register(String email, String passwordHash, String firstName, String lastName) {
        Instant now = clock.instant();
        UUID userId = UUID.randomUUID();
        DataKey key = dataKeys.generate(userId);
        byte[] telemetryKey = telemetryKeys.newWrappedKey(userId);
        byte[] emailIndex = crypto.emailIndex(email);
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
        return users.emailTaken(emailIndex)
                .invoke(taken -> {
                    if (taken) {
                        throw new EmailAlreadyRegistered();
                    }
                })
                .chain(ignored -> users.persistAndFlush(user))
                .chain(saved -> dataKeys.store(key, telemetryKey, now))
                .call(stored -> dataKeys.flush())
                .onFailure(ConstraintViolationException.class)
                .transform(e -> new EmailAlreadyRegistered())
                .call(stored -> outbox.append(Topics.TELEMETRY_KEYS, userId.toString(),
                        TelemetryKeyMaker.record(userId, telemetryKey, now)))
                .call(stored -> audit.record(AuditEventType.USER_REGISTERED, userId))
                .invoke(stored -> Log.infof("user registered userId=%s", userId))
                .map(stored -> toProfile(user, key));
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
                .transform(e -> ApiException.notFound("user", userId.toString()));
    }

    /** Changes only the given names; nothing else of the account is patchable. */
    @WithTransaction
    @WithSpan("UserAccountService.patchProfile")
    public Uni<UserProfile> patchProfile(UUID userId, Optional<String> firstName, Optional<String> lastName) {
        return existing(userId)
                .chain(user -> dataKeys.keyOf(userId)
                        .map(key -> {
                            firstName.ifPresent(name -> user.setFirstNameEncrypted(
                                    key.encrypt(PiiField.FIRST_NAME, name)));
                            lastName.ifPresent(name -> user.setLastNameEncrypted(
                                    key.encrypt(PiiField.LAST_NAME, name)));
                            Log.infof("profile updated userId=%s", userId);
                            return toProfile(user, key);
                        }));
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
                .failWith(() -> ApiException.notFound("user", userId.toString()));
    }

    /** The profile with its personal fields decrypted by the user's data key. */
    static UserProfile toProfile(UserEntity user, DataKey key) {
        return new UserProfile(user.getId(), key.decrypt(PiiField.EMAIL, user.getEmailEncrypted()),
                key.decrypt(PiiField.FIRST_NAME, user.getFirstNameEncrypted()),
                key.decrypt(PiiField.LAST_NAME, user.getLastNameEncrypted()),
                user.getCreatedAt(), user.getLastLogin(), user.isTotpEnabled());
    }
}
