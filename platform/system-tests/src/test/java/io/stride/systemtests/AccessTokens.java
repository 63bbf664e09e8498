package io.stride.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access tokens for system tests, shaped as the users service issues them (RS256, issuer
 * {@code https://stride.io/users}, audience {@code stride-api}, {@code sub} = user id, {@code groups} = roles), signed
 * with a key pair generated for this test JVM. Apps started with {@link #verificationProperty()} verify them against
 * its public key instead of the users service's JWKS.
 */
final class AccessTokens {

    private static final KeyPair ISSUER = generate();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static Path publicKeyFile;

    private AccessTokens() {
    }

    /** {@code -Dmp.jwt.verify.publickey.location=…} for {@link AppProcess#start}: the apps trust these tokens. */
    static synchronized String verificationProperty() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("stride-system-test-issuer", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(ISSUER.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "-Dmp.jwt.verify.publickey.location=" + publicKeyFile.toUri();
    }

    /** A token of {@code user} with the athlete role, valid for five minutes. */
    static String athlete(UUID user) {
        return token(user, List.of("athlete"));
    }

    /** A token of {@code user} with {@code roles}, valid for five minutes. */
    static String token(UUID user, List<String> roles) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"https://stride.io/users\",\"aud\":\"stride-api\",\"sub\":\"" + user
                + "\",\"upn\":\"" + user + "\",\"groups\":"
                + roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",", "[", "]"))
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(Duration.ofMinutes(5)).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(ISSUER.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
