package io.stride.commands.users.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * High-entropy secrets handed to clients once and stored only as SHA-256 hashes: refresh tokens (256 random bits,
 * base64url) and TOTP recovery codes (10 base32 characters, shown as {@code xxxxx-xxxxx}). A fast hash is enough
 * for random secrets of this size (no dictionary to attack), unlike passwords.
 */
public final class Secrets {

    /** Recovery codes issued when TOTP is confirmed. */
    public static final int RECOVERY_CODE_COUNT = 10;

    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = random;
    }

    /** A new opaque refresh token. */
    public String refreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new one-time address confirmation token (256 random bits, base64url), sent by email only. */
    public String verificationToken() {
        return refreshToken();
    }

    /** A new device credential secret: 256 random bits, base64url without padding (ADR 0006). */
    public String deviceSecret() {
        return refreshToken();
    }

    /** A new TOTP secret: 160 bits, as RFC 4226 recommends. */
    public byte[] totpSecret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@link #RECOVERY_CODE_COUNT} new recovery codes, {@code xxxxx-xxxxx}, lower-case base32. */
    public List<String> recoveryCodes() {
        List<String> codes = new ArrayList<>(RECOVERY_CODE_COUNT);
        for (int i = 0; i < RECOVERY_CODE_COUNT; i++) {
            byte[] bytes = new byte[7];
            random.nextBytes(bytes);
            String code = Base32.encode(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** Lower-case hex SHA-256 of a token as given. */
    public static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hash of a recovery code as a user may type it: case, spaces and dashes do not matter. */
    public static String recoveryCodeHash(String typed) {
        return sha256Hex(typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT));
    }
}
