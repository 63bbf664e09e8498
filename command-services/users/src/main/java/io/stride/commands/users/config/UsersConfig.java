package io.stride.commands.users.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the users service. */
@ConfigMapping(prefix = "users")
public interface UsersConfig {

    /** Access and refresh tokens. */
    Jwt jwt();

    /** Two-factor authentication. */
    TotpSettings totp();

    /** Access token (JWT) and refresh token settings. */
    interface Jwt {

        /** {@code iss} of access tokens; must equal what the other apps verify ({@code mp.jwt.verify.issuer}). */
        String issuer();

        /** {@code aud} of access tokens; must be one of {@code mp.jwt.verify.audiences}. */
        String audience();

        /** PEM (PKCS#8) file of the RSA private signing key. */
        String privateKeyLocation();

        /** PEM (X.509 SubjectPublicKeyInfo) file of the matching public key, published as JWKS. */
        String publicKeyLocation();

        /** Generate a 2048-bit RSA key pair into the two locations when both files are missing (dev and test). */
        @WithDefault("false")
        boolean generateMissingKeys();

        /** Lifetime of an access token. */
        @WithDefault("PT5M")
        Duration accessTokenTtl();

        /** Lifetime of a login session and of each refresh token. */
        @WithDefault("P30D")
        Duration refreshTokenTtl();

        /** Key id ({@code kid}) of the signing key; derived from the public key when absent. */
        Optional<String> keyId();
    }

    /** TOTP settings. */
    interface TotpSettings {

        /** Issuer shown by authenticator apps (otpauth:// label and {@code issuer} parameter). */
        @WithDefault("Stride")
        String issuer();
    }
}
