package io.stride.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs access tokens as the users service does (RS256, its issuer and audience, {@code sub} = user id,
 * {@code groups} = roles) with a key pair generated for this test JVM, so nothing secret is in the repository. As a
 * test resource it writes the public key under {@code target/} and points {@code mp.jwt.verify.publickey.location}
 * at it instead of the users service's JWKS.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
 * ... given().header("Authorization", TestIssuer.bearer(userId, Roles.ATHLETE)) ...
 * </pre>
 *
 * Needs {@code io.smallrye:smallrye-jwt-build} on the test classpath (e.g. {@code quarkus-smallrye-jwt-build}, test
 * scope).
 */
public final class TestIssuer implements QuarkusTestResourceLifecycleManager {

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair STRANGER = generate();
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token of {@code userId} with these roles, valid for 5 minutes. */
    public static String token(UUID userId, String... roles) {
        return sign(userId, Set.of(roles), TRUSTED.getPrivate(), LIFETIME);
    }

    /** {@code Bearer <token>}. */
    public static String bearer(UUID userId, String... roles) {
        return "Bearer " + token(userId, roles);
    }

    /** {@code Bearer <token>} of a token that expires after {@code lifetime}. */
    public static String bearerExpiringIn(Duration lifetime, UUID userId, String... roles) {
        return "Bearer " + sign(userId, Set.of(roles), TRUSTED.getPrivate(), lifetime);
    }

    /** The trusted signing key, for tests of the verification itself (other issuers, audiences, expiries). */
    public static PrivateKey trustedKey() {
        return TRUSTED.getPrivate();
    }

    /** A key the app does not trust. */
    public static PrivateKey foreignKey() {
        return STRANGER.getPrivate();
    }

    /** A well-formed token signed by a key the app does not trust. */
    public static String foreignToken(UUID userId, String... roles) {
        return sign(userId, Set.of(roles), STRANGER.getPrivate(), LIFETIME);
    }

    private static String sign(UUID userId, Set<String> roles, PrivateKey key, Duration lifetime) {
        Instant now = Instant.now();
        return Jwt.issuer("https://stride.io/users")
                .audience("stride-api")
                .subject(userId.toString())
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws()
                .sign(key);
    }

    /**
     * The trusted public key as PEM, written under {@code target/}: what an app verifies these tokens with
     * ({@code mp.jwt.verify.publickey.location}), in this JVM or in an app process a test starts.
     */
    public static synchronized Path publicKeyFile() {
        try {
            Path file = Path.of("target", "test-issuer", "public.pem").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(TRUSTED.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile().toUri().toString());
    }

    @Override
    public void stop() {
    }
}
