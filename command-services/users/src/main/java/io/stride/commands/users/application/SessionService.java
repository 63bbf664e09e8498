package io.stride.commands.users.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.AuthFailure;
import io.stride.commands.users.domain.AuthOutcome;
import io.stride.commands.users.domain.Base32;
import io.stride.commands.users.domain.IssuedTokens;
import io.stride.commands.users.domain.Secrets;
import io.stride.commands.users.domain.Totp;
import io.stride.commands.users.persistence.DataKeyRepository;
import io.stride.commands.users.persistence.RecoveryCodeRepository;
import io.stride.commands.users.persistence.RefreshTokenEntity;
import io.stride.commands.users.persistence.RefreshTokenRepository;
import io.stride.commands.users.persistence.SessionEntity;
import io.stride.commands.users.persistence.SessionRepository;
import io.stride.commands.users.persistence.UserEntity;
import io.stride.commands.users.persistence.UserRepository;

/**
 * Login sessions and their rotating refresh tokens. A session is one login; each refresh uses up its token and
 * issues the next one of the same family. A token used twice means it leaked (or a client misbehaves): the whole
 * family is revoked, so neither the thief nor the user can continue without logging in again.
 */
@ApplicationScoped
public class SessionService {

    static final String REVOKED_BY_LOGOUT = "logout";
    static final String REVOKED_BY_REUSE = "refresh_token_reused";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final RecoveryCodeRepository recoveryCodes;
    private final DataKeyRepository dataKeys;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration refreshTtl;
    private final AuditLog audit;

    public SessionService(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
            RecoveryCodeRepository recoveryCodes, DataKeyRepository dataKeys, Secrets secrets, AuditLog audit,
            Clock clock, UsersConfig config) {
        this.users = users;
        this.audit = audit;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.recoveryCodes = recoveryCodes;
        this.dataKeys = dataKeys;
        this.secrets = secrets;
        this.clock = clock;
        this.refreshTtl = config.jwt().refreshTokenTtl();
    }

    /**
     * Second half of a login, once the password matched: checks the TOTP or recovery code when the account has
     * TOTP, then opens a session.
     */
    @WithTransaction
    @WithSpan("SessionService.login")
    public Uni<AuthOutcome> login(UUID userId, String secondFactor) {
        Instant now = clock.instant();
        return users.findById(userId)
                .chain(user -> {
                    if (user == null) {
                        return refused(new AuthFailure.InvalidCredentials());
                    }
                    if (user.getEmailVerifiedAt() == null) {
                        return refused(new AuthFailure.EmailNotVerified());
                    }
                    if (!user.isTotpEnabled()) {
                        return open(user, now);
                    }
                    if (secondFactor == null || secondFactor.isBlank()) {
                        return refused(new AuthFailure.TotpRequired());
                    }
                    return secondFactorAccepted(user, secondFactor.strip(), now)
                            .chain(accepted -> accepted ? open(user, now) : refused(new AuthFailure.InvalidTotpCode()));
                });
    }

    /** Uses up a refresh token and issues the next one of its family. */
    @WithTransaction
    @WithSpan("SessionService.refresh")
    public Uni<AuthOutcome> refresh(String refreshToken) {
        Instant now = clock.instant();
        String hash = Secrets.sha256Hex(refreshToken);
        return refreshTokens.findById(hash)
                .chain(token -> {
                    if (token == null) {
                        return refused(new AuthFailure.InvalidRefreshToken());
                    }
                    return sessions.findById(token.getSessionId())
                            .chain(session -> rotate(token, session, now));
                });
    }

    /** Revokes the user's session (logout); unknown or foreign sessions are ignored. */
    @WithTransaction
    @WithSpan("SessionService.logout")
    public Uni<Void> logout(UUID userId, UUID sessionId) {
        return sessions.findById(sessionId)
                .chain(session -> {
                    if (session == null || !session.getUserId().equals(userId)) {
                        return Uni.createFrom().voidItem();
                    }
                    return sessions.revoke(sessionId, clock.instant(), REVOKED_BY_LOGOUT)
                            .call(() -> audit.record(AuditEventType.LOGGED_OUT, userId,
                                    Map.of("session_id", sessionId.toString())))
                            .invoke(() -> Log.infof("logged out userId=%s sessionId=%s", userId, sessionId))
                            .replaceWithVoid();
                });
    }

    private Uni<AuthOutcome> rotate(RefreshTokenEntity token, SessionEntity session, Instant now) {
        if (token.getUsedAt() != null) {
            return revokeFamily(session, now);
        }
        if (!session.isActiveAt(now) || !now.isBefore(token.getExpiresAt())) {
            return refused(new AuthFailure.InvalidRefreshToken());
        }
        return refreshTokens.markUsed(token.getTokenHash(), now)
                .chain(first -> {
                    if (!first) {
                        return revokeFamily(session, now);
                    }
                    return users.findById(session.getUserId())
                            .chain(user -> issue(user, session, now));
                });
    }

    private Uni<AuthOutcome> revokeFamily(SessionEntity session, Instant now) {
        Log.warnf("refresh token reused, session revoked userId=%s sessionId=%s", session.getUserId(), session.getId());
        return sessions.revoke(session.getId(), now, REVOKED_BY_REUSE)
                .call(() -> audit.record(AuditEventType.REFRESH_TOKEN_REUSED, session.getUserId(),
                        Map.of("session_id", session.getId().toString())))
                .chain(ignored -> refused(new AuthFailure.InvalidRefreshToken()));
    }

    private Uni<Boolean> secondFactorAccepted(UserEntity user, String code, Instant now) {
        if (code.length() == Totp.DIGITS && code.chars().allMatch(Character::isDigit)) {
            long lastStep = user.getTotpLastStep() == null ? Long.MIN_VALUE : user.getTotpLastStep();
            return dataKeys.keyOf(user.getId())
                    .map(key -> Totp.verify(Base32.decode(TotpService.secretOf(user, key)), code, now, lastStep))
                    .chain(step -> {
                        if (step.isEmpty()) {
                            return Uni.createFrom().item(false);
                        }
                        // Atomic in the database: of two logins racing with the same code, one wins.
                        return users.advanceTotpStep(user.getId(), step.getAsLong())
                                .invoke(advanced -> {
                                    if (advanced) {
                                        user.setTotpLastStep(step.getAsLong());
                                    }
                                });
                    });
        }
        return recoveryCodes.use(user.getId(), Secrets.recoveryCodeHash(code), now)
                .invoke(used -> {
                    if (used) {
                        Log.infof("recovery code used userId=%s", user.getId());
                    }
                });
    }

    private Uni<AuthOutcome> open(UserEntity user, Instant now) {
        user.setLastLogin(now);
        SessionEntity session = new SessionEntity();
        session.setId(UUID.randomUUID());
        session.setUserId(user.getId());
        session.setCreatedAt(now);
        session.setExpiresAt(now.plus(refreshTtl));
        return sessions.persist(session)
                .chain(saved -> issue(user, saved, now))
                .call(() -> audit.record(AuditEventType.LOGIN_SUCCEEDED, user.getId(),
                        Map.of("session_id", session.getId().toString())))
                .invoke(() -> Log.infof("logged in userId=%s sessionId=%s", user.getId(), session.getId()));
    }

    private Uni<AuthOutcome> issue(UserEntity user, SessionEntity session, Instant now) {
        String plain = secrets.refreshToken();
        RefreshTokenEntity token = new RefreshTokenEntity();
        token.setTokenHash(Secrets.sha256Hex(plain));
        token.setSessionId(session.getId());
        token.setIssuedAt(now);
        token.setExpiresAt(now.plus(refreshTtl));
        session.setExpiresAt(now.plus(refreshTtl));
        return refreshTokens.persist(token)
                .map(saved -> new AuthOutcome.Granted(
                        new IssuedTokens(user.getId(), session.getId(), roles(user), plain)));
    }

    static Set<String> roles(UserEntity user) {
        return new LinkedHashSet<>(Arrays.asList(user.getRoles().split(",")));
    }

    private static Uni<AuthOutcome> refused(AuthFailure failure) {
        return Uni.createFrom().item(new AuthOutcome.Refused(failure));
    }
}
