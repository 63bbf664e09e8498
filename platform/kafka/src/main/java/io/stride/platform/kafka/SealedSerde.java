package io.stride.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

import com.google.crypto.tink.Aead;

import io.micrometer.core.instrument.Metrics;

/**
 * Seals each value with its user's telemetry key (ADR 0010): the inner serde's bytes are encrypted with AES-256-GCM,
 * bound to the user, and the user id travels in the {@link #SEALED_FOR_HEADER} header. Erasing the user shreds the
 * key, so the records stay on their 90-day topics as ciphertext nobody can open.
 *
 * <p>Reading: a sealed value is opened with the key of the user its header names ({@link UserKeyring#keyOf}); a
 * shredded key fails with {@link UserKeyring.ShreddedKey}, which {@link DeadLetterHandler} counts and skips, any other
 * failure goes to the dead-letter topic. A value without the header is read as it is: records written before
 * sealing. Writing: a value whose user has no key at all (not erased: registered before keys existed and not given
 * one yet) is written unsealed and counted in {@value #UNSEALED_METRIC}{topic}; a value whose user's key was
 * shredded fails with {@link UserKeyring.ShreddedKey}, which {@link DeadLetterHandler} skips.
 */
public final class SealedSerde<T> implements Serde<T> {

    /** The user whose key sealed the value. */
    public static final String SEALED_FOR_HEADER = "stride.sealed-for";
    /** Records written unsealed because their user had no key, by topic. */
    public static final String UNSEALED_METRIC = "kafka.unsealed-records";

    private static final Logger LOG = Logger.getLogger(SealedSerde.class);

    private final Serde<T> inner;
    private final UserKeyring keyring;
    private final Function<T, String> userOf;

    /**
     * @param inner   the value's own serde
     * @param keyring the users' keys
     * @param userOf  the user a value belongs to
     */
    public SealedSerde(Serde<T> inner, UserKeyring keyring, Function<T, String> userOf) {
        this.inner = inner;
        this.keyring = keyring;
        this.userOf = userOf;
    }

    @Override
    public Serializer<T> serializer() {
        return sealing(inner.serializer(), keyring, userOf);
    }

    /**
     * The user an event names in its envelope's {@code data.userId}, as every Workout event does: how Workout events
     * are sealed and opened, wherever they are read or written.
     */
    public static String userOfEnvelope(SpecificRecord event) {
        SpecificRecord data = (SpecificRecord) event.get(event.getSchema().getField("data").pos());
        return data.get(data.getSchema().getField("userId").pos()).toString();
    }

    /** A serializer that seals what {@code plain} writes, for a producer that never reads. */
    public static <T> Serializer<T> sealing(Serializer<T> plain, UserKeyring keyring, Function<T, String> userOf) {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                throw new UnsupportedOperationException("a sealed value needs the record's headers");
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                if (data == null) {
                    return null;
                }
                byte[] bytes = plain.serialize(topic, headers, data);
                String userId = userOf.apply(data);
                headers.remove(SEALED_FOR_HEADER);
                Aead key;
                try {
                    key = keyring.keyOf(userId);
                } catch (UserKeyring.UnknownKey e) {
                    // A user without a key (registered before keys existed and not given one yet): as before sealing.
                    Metrics.counter(UNSEALED_METRIC, "topic", topic).increment();
                    LOG.debugf("no telemetry key for user %s: record written unsealed topic=%s", userId, topic);
                    return bytes;
                }
                headers.add(SEALED_FOR_HEADER, userId.getBytes(StandardCharsets.UTF_8));
                return seal(key, userId, bytes);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> plain = inner.deserializer();
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                return plain.deserialize(topic, data);
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                Header sealedFor = headers == null ? null : headers.lastHeader(SEALED_FOR_HEADER);
                if (data == null || sealedFor == null) {
                    return plain.deserialize(topic, headers, data);
                }
                String userId = new String(sealedFor.value(), StandardCharsets.UTF_8);
                return plain.deserialize(topic, headers, open(keyring.keyOf(userId), userId, data));
            }
        };
    }

    /** Encrypts a value's bytes for the user. */
    public static byte[] seal(Aead key, String userId, byte[] plain) {
        try {
            return key.encrypt(plain, associatedData(userId));
        } catch (GeneralSecurityException e) {
            throw new SerializationException("cannot seal a value of user " + userId, e);
        }
    }

    /** Decrypts a value sealed for the user; fails when it was not sealed with this key for this user. */
    public static byte[] open(Aead key, String userId, byte[] sealed) {
        try {
            return key.decrypt(sealed, associatedData(userId));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the value does not open with the telemetry key of user " + userId, e);
        }
    }

    private static byte[] associatedData(String userId) {
        return ("stride.sealed/" + userId).getBytes(StandardCharsets.UTF_8);
    }
}
