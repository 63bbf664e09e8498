package io.stride.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;

/**
 * The users' telemetry keys an app holds in memory, open, by user id (ADR 0010): filled from
 * {@code users.telemetry-keys} by {@link TelemetryKeys#follow}, or directly in tests. A key removed by a tombstone
 * is remembered as shredded, so that a record of an erased user can be told from one whose key has not arrived.
 */
public final class UserKeyring {

    /** How long {@link #keyOf} waits for a key that may have just been published. */
    static final Duration LATEST_WAIT = Duration.ofSeconds(5);
    /** How long a user found without a key is not waited for again. */
    static final Duration UNKNOWN_FOR = Duration.ofMinutes(1);
    /** How long {@link #keyOf} waits for the keys topic to be read at start before failing as a dependency. */
    static final Duration START_WAIT = Duration.ofMinutes(2);

    private final Map<String, Aead> keys = new ConcurrentHashMap<>();
    private final Set<String> shredded = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();
    private volatile CompactedTopicReader source;

    /** Holds the user's open key. */
    public void put(String userId, Aead key) {
        keys.put(userId, key);
        shredded.remove(userId);
        unknownUntil.remove(userId);
    }

    /** The user was erased: the key is gone for good. */
    public void shred(String userId) {
        keys.remove(userId);
        shredded.add(userId);
    }

    /** The key record could not be read: the key is not usable, but the user is not known to be erased. */
    public void forget(String userId) {
        keys.remove(userId);
    }

    /** The user's key if held now, without waiting. */
    public Optional<Aead> find(String userId) {
        return Optional.ofNullable(keys.get(userId));
    }

    /**
     * The user's key. Waits for the keys topic to be read once at start, and briefly for a key not held yet (it may
     * have just been published); a user found without a key is not waited for again for {@link #UNKNOWN_FOR}.
     *
     * @throws ShreddedKey the user was erased
     * @throws UnknownKey  no key for the user
     * @throws UncheckedIOException the keys topic could not be read in time (a dependency failure, not the record's)
     */
    public Aead keyOf(String userId) {
        Aead key = keys.get(userId);
        if (key != null) {
            return key;
        }
        CompactedTopicReader reader = source;
        if (reader != null && !reader.caughtUp() && !reader.awaitCaughtUp(START_WAIT)) {
            throw new UncheckedIOException(new IOException("the telemetry keys were not read within " + START_WAIT));
        }
        long now = System.nanoTime();
        Long until = unknownUntil.get(userId);
        if (!shredded.contains(userId) && reader != null && (until == null || now - until > 0)) {
            reader.awaitLatest(LATEST_WAIT);
        }
        key = keys.get(userId);
        if (key != null) {
            return key;
        }
        if (shredded.contains(userId)) {
            throw new ShreddedKey(userId);
        }
        unknownUntil.put(userId, now + UNKNOWN_FOR.toNanos());
        throw new UnknownKey(userId);
    }

    /** Keys held. */
    public int size() {
        return keys.size();
    }

    void followedBy(CompactedTopicReader reader) {
        this.source = reader;
    }

    /** The user's key was shredded: the user was erased and the record is unreadable for good. */
    public static final class ShreddedKey extends RuntimeException {

        public ShreddedKey(String userId) {
            super("the telemetry key of user " + userId + " was shredded (the user was erased)");
        }
    }

    /** No key for the user (never published, or its record was unreadable). */
    public static final class UnknownKey extends RuntimeException {

        public UnknownKey(String userId) {
            super("no telemetry key for user " + userId);
        }
    }
}
