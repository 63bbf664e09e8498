package io.stride.queries.workouthistory.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.UserKeyring;

/**
 * Seals what MongoDB keeps of an athlete (figures, free text, positions) with the athlete's telemetry key (ADR 0010,
 * AES-256-GCM, bound to the athlete and the document), so that erasing the athlete shreds it wherever a copy survives
 * the deletion: MongoDB's replication log (the oplog, kept for its window on real MongoDB and by the local stand-in)
 * and backups hold ciphertext only. Only what queries filter and sort on stays in clear (ids, sport, status, times).
 *
 * <p>Never blocks: it uses the keys already held in memory ({@link UserKeyring#find}); the projection has waited for
 * the key when it opened the athlete's sealed event. An athlete without a key (records written before keys existed)
 * is stored in clear, marked as such, as {@code SealedSerde} does on Kafka.
 */
public final class FieldSealing {

    private static final byte PLAIN = 0;
    private static final byte SEALED = 1;

    private final Function<String, Optional<Aead>> keys;

    private FieldSealing(Function<String, Optional<Aead>> keys) {
        this.keys = keys;
    }

    /** Sealing with the athletes' telemetry keys held in {@code keyring}. */
    public static FieldSealing with(UserKeyring keyring) {
        return new FieldSealing(keyring::find);
    }

    /** Sealing with the keys a function gives (tests). */
    public static FieldSealing with(Function<String, Optional<Aead>> keys) {
        return new FieldSealing(keys);
    }

    /** Bytes of the athlete's document {@code context}, sealed when the athlete has a key. */
    byte[] seal(String userId, String context, byte[] plain) {
        Optional<Aead> key = keys.apply(userId);
        if (key.isEmpty()) {
            return prefixed(PLAIN, plain);
        }
        try {
            return prefixed(SEALED, key.get().encrypt(plain, associatedData(userId, context)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a document of user " + userId, e);
        }
    }

    /**
     * The plain bytes.
     *
     * @throws KeyUnavailable the athlete's key is not held (not read yet, or shredded by an erasure)
     */
    byte[] open(String userId, String context, byte[] stored) {
        byte[] body = Arrays.copyOfRange(stored, 1, stored.length);
        if (stored[0] == PLAIN) {
            return body;
        }
        Aead key = keys.apply(userId).orElseThrow(() -> new KeyUnavailable(userId));
        try {
            return key.decrypt(body, associatedData(userId, context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a document of user " + userId + " does not open with their key", e);
        }
    }

    private static byte[] prefixed(byte marker, byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = marker;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    private static byte[] associatedData(String userId, String context) {
        return ("stride.workout-history/" + userId + "/" + context).getBytes(StandardCharsets.UTF_8);
    }

    /** The athlete's telemetry key is not held now: the read is retried later (503) or the athlete was erased. */
    public static final class KeyUnavailable extends RuntimeException {

        KeyUnavailable(String userId) {
            super("the telemetry key of user " + userId + " is not held");
        }
    }
}
