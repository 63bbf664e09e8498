package io.stride.ingest.telemetrygateway.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs access tokens as the users service does (RS256, its issuer and audience) with a key pair generated for this
 * test JVM, and points the gateway's verification at the public key instead of the users service's JWKS.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    private static final KeyPair ISSUER = generate();

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid access token of {@code user} with {@code roles}. */
    static String accessToken(UUID user, String... roles) {
        return Jwt.issuer("https://stride.io/users")
                .audience("stride-api")
                .subject(user.toString())
                .groups(Set.of(roles))
                .expiresIn(300)
                .jws()
                .sign(ISSUER.getPrivate());
    }

    @Override
    public Map<String, String> start() {
        try {
            Path file = Path.of("target", "gateway-test-keys", "public.pem").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(ISSUER.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return Map.of("mp.jwt.verify.publickey.location", file.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
