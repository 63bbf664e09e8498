package io.stride.commands.users.api;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.application.AuditLog;
import io.stride.commands.users.application.RateLimiter;
import io.stride.commands.users.application.SessionService;
import io.stride.commands.users.application.UserAccountService;
import io.stride.commands.users.config.SigningKeys;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.AuthFailure;
import io.stride.commands.users.domain.AuthOutcome;
import io.stride.commands.users.domain.Emails;
import io.stride.commands.users.domain.RateLimitedAction;

/** Login, token refresh, logout and the public keys that verify access tokens. */
@Path("/api/v1/auth")
public class AuthResource {

    private final UserAccountService accounts;
    private final SessionService sessions;
    private final PasswordHashing hashing;
    private final AccessTokens accessTokens;
    private final SigningKeys keys;
    private final JsonWebToken jwt;
    private final RateLimiter limiter;
    private final AuditLog audit;

    public AuthResource(UserAccountService accounts, SessionService sessions, PasswordHashing hashing,
            AccessTokens accessTokens, SigningKeys keys, JsonWebToken jwt, RateLimiter limiter, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hashing = hashing;
        this.accessTokens = accessTokens;
        this.keys = keys;
        this.jwt = jwt;
        this.limiter = limiter;
        this.audit = audit;
    }

    /**
     * Email and password, plus {@code totp_code} when the account has two-factor authentication. An unknown email
     * costs the same Argon2id work and gets the same answer as a wrong password.
     */
    @POST
    @Path("/login")
    @PermitAll
    public Uni<Responses.Tokens> login(@Valid @NotNull Requests.Login request) {
        String email = Emails.normalise(request.email());
        return limiter.acquireForEmail(RateLimitedAction.LOGIN, email)
                .chain(() -> accounts.credentials(email))
                .chain(credentials -> hashing.verify(credentials == null ? null : credentials.passwordHash(),
                                request.password())
                        .chain(matches -> matches
                                ? sessions.login(credentials.userId(), request.totpCode())
                                : Uni.createFrom().<AuthOutcome>item(
                                        new AuthOutcome.Refused(new AuthFailure.InvalidCredentials())))
                        .call(outcome -> auditRefusal(outcome, credentials == null ? null : credentials.userId())))
                .map(this::tokensOrFail);
    }

    /** Exchanges a refresh token (used up) for new tokens of the same session. */
    @POST
    @Path("/refresh")
    @PermitAll
    public Uni<Responses.Tokens> refresh(@Valid @NotNull Requests.Refresh request) {
        return limiter.acquireForClient(RateLimitedAction.REFRESH)
                .chain(() -> sessions.refresh(request.refreshToken()))
                .map(this::tokensOrFail);
    }

    /** Revokes the caller's session: its refresh tokens stop working. */
    @POST
    @Path("/logout")
    @Authenticated
    public Uni<Response> logout() {
        UUID userId = UUID.fromString(jwt.getSubject());
        UUID sessionId = AccessTokens.sessionOf(jwt);
        return sessions.logout(userId, sessionId)
                .map(ignored -> Response.noContent().build());
    }

    /** The JWKS (RFC 7517) other apps verify access tokens with. */
    @GET
    @Path("/jwks")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    /** A refused login is audited in its own transaction (the login's, if any, has nothing to keep). */
    private Uni<Void> auditRefusal(AuthOutcome outcome, UUID userId) {
        if (!(outcome instanceof AuthOutcome.Refused refused)) {
            return Uni.createFrom().voidItem();
        }
        String reason = AuthErrors.of(refused.failure()).error();
        Uni<Void> loginFailed = audit.record(AuditEventType.LOGIN_FAILED, userId, Map.of("reason", reason));
        if (refused.failure() instanceof AuthFailure.InvalidTotpCode) {
            return loginFailed.chain(() -> audit.record(AuditEventType.TOTP_VERIFICATION_FAILED, userId,
                    Map.of("during", "login")));
        }
        return loginFailed;
    }

    private Responses.Tokens tokensOrFail(AuthOutcome outcome) {
        return switch (outcome) {
            case AuthOutcome.Granted granted -> accessTokens.tokens(granted.tokens());
            case AuthOutcome.Refused refused -> {
                Log.infof("authentication refused reason=%s", refused.failure().getClass().getSimpleName());
                throw AuthErrors.of(refused.failure());
            }
        };
    }
}
