package io.stride.commands.users.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 on top of HOTP, RFC 4226): 30-second steps from the Unix epoch, dynamic
 * truncation, {@code digits} decimal digits. Pure functions; the caller stores the last accepted step.
 */
public final class Totp {

    /** Seconds per time step (RFC 6238's X). */
    public static final long STEP_SECONDS = 30;
    /** Digits of the codes this platform issues. */
    public static final int DIGITS = 6;
    /** Steps accepted before and after the current one (clock drift between phone and server). */
    public static final int DRIFT_STEPS = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The HMAC of RFC 6238: SHA-1 is what authenticator apps use by default. */
    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String mac;

        Algorithm(String mac) {
            this.mac = mac;
        }
    }

    private Totp() {
    }

    /** The time step containing {@code time}. */
    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one step, zero-padded to {@code digits}. */
    public static String code(byte[] key, long step, int digits, Algorithm algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1..8");
        }
        byte[] hash = hmac(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array(), algorithm);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step whose 6-digit SHA-1 code equals {@code candidate}, looking {@link #DRIFT_STEPS} around {@code now},
     * considering only steps after {@code lastUsedStep} (a code is never accepted twice). Every candidate step is
     * compared in constant time.
     */
    public static OptionalLong verify(byte[] key, String candidate, Instant now, long lastUsedStep) {
        if (candidate == null || candidate.length() != DIGITS || !candidate.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        byte[] given = candidate.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = -1;
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            byte[] expected = code(key, step, DIGITS, Algorithm.SHA1).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && step > lastUsedStep && matched < 0) {
                matched = step;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private static byte[] hmac(byte[] key, byte[] message, Algorithm algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm.mac);
            mac.init(new SecretKeySpec(key, algorithm.mac));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable: " + algorithm, e);
        }
    }
}
