package io.stride.commands.users.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.stride.commands.users.config.SigningKeys;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.domain.IssuedTokens;
import io.stride.platform.http.ApiException;

/** Signs short-lived access tokens (RS256) for issued sessions. */
@ApplicationScoped
public class AccessTokens {

    /** Claim naming the session (refresh token family) an access token belongs to; used by logout. */
    static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration accessTtl;
    private final Duration refreshTtl;

    public AccessTokens(SigningKeys keys, Clock clock, UsersConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = config.jwt().issuer();
        this.audience = config.jwt().audience();
        this.accessTtl = config.jwt().accessTokenTtl();
        this.refreshTtl = config.jwt().refreshTokenTtl();
    }

    /** The session an access token belongs to. */
    static UUID sessionOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim(SESSION_CLAIM);
        if (claim instanceof JsonString string) {
            return UUID.fromString(string.getString());
        }
        if (claim instanceof String string) {
            return UUID.fromString(string);
        }
        throw ApiException.unauthenticated("The access token names no session");
    }

    Responses.Tokens tokens(IssuedTokens issued) {
        Instant now = clock.instant();
        String access = Jwt.issuer(issuer)
                .audience(audience)
                .subject(issued.userId().toString())
                .groups(issued.roles())
                .claim(Claims.jti.name(), UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, issued.sessionId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(accessTtl))
                .jws()
                .keyId(keys.keyId())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
        return new Responses.Tokens(access, "Bearer", accessTtl.toSeconds(), issued.refreshToken(),
                refreshTtl.toSeconds());
    }
}
