package io.stride.platform.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The headers of the command services' mutating calls: {@code Idempotency-Key} (a retry with the same key changes
 * nothing twice) and {@code If-Match} (the version the caller decided on, as the resource's ETag gave it).
 */
public final class CommandHeaders {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";
    public static final String REPLAYED = "Idempotency-Replayed";

    /** Visible ASCII, as in the IETF draft's examples (UUIDs, random strings); 255 at most. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** {@code "3"}, {@code W/"3"} or {@code 3}: the resource's version, as its ETag says. */
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,9})\"?");

    private CommandHeaders() {
    }

    /** The key, or 400 when missing or malformed. */
    public static String idempotencyKey(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(400, "idempotency_key_required", "Every command needs an Idempotency-Key header "
                    + "(a new random value per command, the same on its retries)", Map.of("header", IDEMPOTENCY_KEY));
        }
        String key = header.strip();
        if (!KEY.matcher(key).matches()) {
            throw ApiException.validation("The Idempotency-Key must be 1 to 255 visible ASCII characters",
                    Map.of("violations", List.of(Map.of("field", IDEMPOTENCY_KEY,
                            "message", "1 to 255 visible ASCII characters"))));
        }
        return key;
    }

    /** The expected version, null when absent or {@code *}; 400 when malformed. */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher version = VERSION.matcher(header.strip());
        if (!version.matches()) {
            throw ApiException.validation("If-Match must be the ETag (the version) this API gave, e.g. \"3\"",
                    Map.of("violations", List.of(Map.of("field", IF_MATCH,
                            "message", "the ETag (the version) this API gave, e.g. \"3\""))));
        }
        return Long.parseLong(version.group(1));
    }

    /** The ETag of a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** SHA-256 (hex) of what identifies a request: method, path and body. */
    public static String requestHash(String method, String path, String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
