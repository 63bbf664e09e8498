package io.stride.commands.users.config;

import java.time.Duration;
import java.util.List;
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

    /** Keys that protect personal data (ADR 0007). */
    Pii pii();

    /**
     * Where users reach this service (the confirmation links of registration emails point here).
     */
    @WithDefault("http://127.0.0.1:8084")
    String publicUrl();

    /**
     * The platform's telemetry key-encryption key (a Tink JSON keyset file), which wraps each user's telemetry key
     * (ADR 0010).
     */
    String telemetryKekLocation();

    /** Devices registered by users. */
    Devices devices();

    /** Limits on login, registration, refresh and TOTP attempts, shared by every instance through Redis. */
    RateLimits rateLimit();

    /** How the client's IP address is determined. */
    ClientIp clientIp();

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

    /** Master key and blind index key of the envelope encryption of personal data (ADR 0007). */
    interface Pii {

        /**
         * Tink JSON keyset file of the master key (AES-256-GCM) that wraps every user's data key; in prod a mounted
         * secret. Losing it makes every user's personal data unreadable.
         */
        String masterKeysetLocation();

        /** Tink JSON keyset file of the blind index key (HMAC-SHA-256 PRF) that finds accounts by email. */
        String indexKeysetLocation();

        /** Generate a keyset into each missing location (dev and test only). */
        @WithDefault("false")
        boolean generateMissingKeys();
    }

    /** Device settings. */
    interface Devices {

        /** Most devices a user may have registered and not revoked at a time; one more is refused with 409. */
        @WithDefault("20")
        int maxActivePerUser();
    }

    /** One limit per action; each has a per-client-IP and a per-account budget in a fixed window. */
    interface RateLimits {

        /** Set false to switch rate limiting off (never in production). */
        @WithDefault("true")
        boolean enabled();

        /** {@code POST /api/v1/auth/login}: per account = per email (hashed). */
        @WithDefault("10")
        int loginPerAccount();

        /** {@code POST /api/v1/auth/login} per client IP. */
        @WithDefault("50")
        int loginPerIp();

        /** Window of the login limits. */
        @WithDefault("PT1M")
        Duration loginWindow();

        /** {@code POST /api/v1/users}: per email (hashed). */
        @WithDefault("5")
        int registrationPerAccount();

        /** {@code POST /api/v1/users} per client IP. */
        @WithDefault("20")
        int registrationPerIp();

        /** Window of the registration limits. */
        @WithDefault("PT1H")
        Duration registrationWindow();

        /** {@code POST /api/v1/auth/refresh} per client IP (a refresh token names no account before it is checked). */
        @WithDefault("60")
        int refreshPerIp();

        /** Window of the refresh limit. */
        @WithDefault("PT1M")
        Duration refreshWindow();

        /** {@code POST /api/v1/users/me/totp/confirm}: per user. */
        @WithDefault("5")
        int totpPerAccount();

        /** {@code POST /api/v1/users/me/totp/confirm} per client IP. */
        @WithDefault("50")
        int totpPerIp();

        /** Window of the TOTP limits. */
        @WithDefault("PT1M")
        Duration totpWindow();
    }

    /** Client address settings. */
    interface ClientIp {

        /**
         * Addresses of reverse proxies (exact IPs, IPv4 or IPv6) whose {@code X-Forwarded-For} is believed. The client
         * IP is the right-most address of that header that is not a trusted proxy; with no trusted proxy (the default)
         * the header is ignored and the TCP peer is the client.
         */
        Optional<List<String>> trustedProxies();
    }
}
