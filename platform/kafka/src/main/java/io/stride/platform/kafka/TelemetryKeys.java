package io.stride.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.stride.schemas.Topics;

/**
 * Per-user telemetry keys (ADR 0010): each user has a Tink AES-256-GCM keyset that seals the user's records on the
 * 90-day topics ({@link SealedSerde}). The users service makes it and publishes it on {@link Topics#TELEMETRY_KEYS},
 * wrapped by the platform's key-encryption key (KEK, a Tink JSON keyset from a mounted secret); erasing the user
 * publishes a tombstone, and once the topic is compacted every sealed record of the user is unreadable.
 */
public final class TelemetryKeys {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TelemetryKeys() {
    }

    /** Reads the key-encryption key (a cleartext Tink JSON keyset file). */
    public static Aead readKek(Path path) {
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(path),
                    InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the telemetry key-encryption key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the telemetry key-encryption key " + path + " is no AEAD keyset", e);
        }
    }

    /** A new key for the user, wrapped by the KEK and bound to the user id (as {@code TelemetryKey.wrappedKeyset}). */
    public static byte[] newWrappedKey(String userId, Aead kek) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), kek, associatedData(userId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a telemetry key for user " + userId, e);
        }
    }

    /** Opens a wrapped key; fails when it was not wrapped by this KEK for this user. */
    public static Aead unwrap(String userId, byte[] wrapped, Aead kek) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek, associatedData(userId))
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /**
     * Fills the keyring from {@link Topics#TELEMETRY_KEYS} and keeps following it; close the reader to stop. A record
     * that cannot be read or opened goes to the dead-letter topic and its user's key is forgotten (fail closed).
     */
    public static CompactedTopicReader follow(UserKeyring keyring, Aead kek, String bootstrapServers,
            String registryUrl) {
        Deserializer<GenericRecord> values = RegistrySerdes.genericDeserializer(registryUrl);
        CompactedTopicReader reader = new CompactedTopicReader(Topics.TELEMETRY_KEYS, bootstrapServers,
                record -> apply(keyring, kek, values, record));
        keyring.followedBy(reader);
        return reader.start();
    }

    private static void apply(UserKeyring keyring, Aead kek, Deserializer<GenericRecord> values,
            ConsumerRecord<String, byte[]> record) throws GeneralSecurityException {
        String userId = record.key();
        if (record.value() == null) {
            keyring.shred(userId);
            return;
        }
        try {
            GenericRecord value = values.deserialize(record.topic(), record.headers(), record.value());
            if (!userId.equals(String.valueOf(value.get("userId")))) {
                throw new IllegalArgumentException("userId differs from the record key");
            }
            ByteBuffer wrapped = (ByteBuffer) value.get("wrappedKeyset");
            byte[] bytes = new byte[wrapped.remaining()];
            wrapped.duplicate().get(bytes);
            keyring.put(userId, unwrap(userId, bytes, kek));
        } catch (RuntimeException | GeneralSecurityException e) {
            keyring.forget(userId);
            throw e;
        }
    }

    static byte[] associatedData(String userId) {
        return ("stride.telemetry-key/" + userId).getBytes(StandardCharsets.UTF_8);
    }
}
