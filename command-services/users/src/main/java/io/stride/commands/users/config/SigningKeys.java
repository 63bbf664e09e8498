package io.stride.commands.users.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The RSA key pair that signs access tokens, read from PEM files at startup. In dev and test
 * ({@code users.jwt.generate-missing-keys=true}) a missing pair is generated into the configured, git-ignored
 * locations; in prod the files come from a mounted secret and a missing file stops the app.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    public SigningKeys(UsersConfig config) {
        Path privatePath = Path.of(config.jwt().privateKeyLocation());
        Path publicPath = Path.of(config.jwt().publicKeyLocation());
        if (config.jwt().generateMissingKeys() && Files.notExists(privatePath) && Files.notExists(publicPath)) {
            generate(privatePath, publicPath);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privatePath)));
            this.publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(publicPath)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid JWT signing keys in " + privatePath + " / " + publicPath, e);
        }
        this.keyId = config.jwt().keyId().orElseGet(() -> thumbprint(publicKey));
        Log.infof("jwt signing key loaded kid=%s publicKey=%s", keyId, publicPath);
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as a JWKS document (RFC 7517), for every app that verifies access tokens. */
    public Map<String, Object> jwks() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("use", "sig");
        key.put("alg", "RS256");
        key.put("kid", keyId);
        key.put("n", base64Url(publicKey.getModulus()));
        key.put("e", base64Url(publicKey.getPublicExponent()));
        return Map.of("keys", List.of(key));
    }

    private static void generate(Path privatePath, Path publicPath) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            createParent(privatePath);
            createParent(publicPath);
            Files.writeString(privatePath, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privatePath, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                Log.debugf("no POSIX permissions for %s", privatePath);
            }
            Files.writeString(publicPath, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Log.infof("jwt signing key pair generated privateKey=%s publicKey=%s", privatePath, publicPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated JWT keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createParent(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pem(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII);
            String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWT key " + path, e);
        }
    }

    /** RFC 7638 thumbprint of the public key, base64url: a stable kid. */
    private static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
