package io.stride.commands.users.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.domain.Credentials;
import io.stride.commands.users.domain.EmailAlreadyRegistered;
import io.stride.commands.users.domain.UserProfile;
import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;

/** Use cases on an account: register, read and patch the profile, change the password. */
@ApplicationScoped
public class UserAccountService {

    static final String SESSION_REVOKED_BY_PASSWORD_CHANGE = "password_changed";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final Clock clock;

    public UserAccountService(UserRepository users, SessionRepository sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Creates an athlete account; {@code email} is normalised, {@code passwordHash} a PHC string. */
    @WithTransaction
    @WithSpan("UserAccountService.register")
    public Uni<UserProfile> register(String email, String passwordHash, String firstName, String lastName) {
        Instant now = clock.instant();
        UserEntity user = new UserEntity();
        user.setId(UUID.randomUUID());
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPasswordHash(passwordHash);
        user.setRoles(Roles.ATHLETE);
        user.setCreatedAt(now);
        user.setPasswordChangedAt(now);
        return users.emailTaken(email)
                .invoke(taken -> {
                    if (taken) {
                        throw new EmailAlreadyRegistered();
                    }
                })
                .chain(ignored -> users.persistAndFlush(user))
                .onFailure(ConstraintViolationException.class)
                .transform(e -> new EmailAlreadyRegistered())
                .invoke(saved -> Log.infof("user registered userId=%s", saved.getId()))
                .map(UserAccountService::toProfile);
    }

    /** The credentials of the account with this normalised email, or null. */
    @WithSession
    @WithSpan("UserAccountService.credentials")
    public Uni<Credentials> credentials(String email) {
        return users.findByEmail(email)
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
        return existing(userId).map(UserAccountService::toProfile);
    }

    /** Changes only the given names; nothing else of the account is patchable. */
    @WithTransaction
    @WithSpan("UserAccountService.patchProfile")
    public Uni<UserProfile> patchProfile(UUID userId, Optional<String> firstName, Optional<String> lastName) {
        return existing(userId)
                .invoke(user -> {
                    firstName.ifPresent(user::setFirstName);
                    lastName.ifPresent(user::setLastName);
                })
                .invoke(user -> Log.infof("profile updated userId=%s", userId))
                .map(UserAccountService::toProfile);
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
                .invoke(revoked -> Log.infof("password changed userId=%s revokedSessions=%d", userId, revoked))
                .replaceWithVoid();
    }

    private Uni<UserEntity> existing(UUID userId) {
        return users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("user", userId.toString()));
    }

    static UserProfile toProfile(UserEntity user) {
        return new UserProfile(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(),
                user.getCreatedAt(), user.getLastLogin(), user.isTotpEnabled());
    }
}
