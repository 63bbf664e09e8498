package io.stride.commands.users.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

/**
 * Envelope encryption of personal data (ADR 0007). Each user has a data key (Tink AES-256-GCM keyset) that encrypts
 * their personal fields; the data key is stored only wrapped by the master key (the key encryption key), with the
 * user id as associated data. Deleting the wrapped data key shreds every ciphertext of the user. Emails are found by
 * a blind index: HMAC-SHA-256 of the normalised address under a separate index key.
 */
public final class PiiCrypto {

    /** Length of the blind index in bytes (the full HMAC-SHA-256 output). */
    public static final int INDEX_BYTES = 32;

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead masterKey;
    private final PrfSet indexKey;

    /** {@code masterKey} wraps data keys; {@code indexKey} computes the blind index of emails. */
    public PiiCrypto(Aead masterKey, PrfSet indexKey) {
        this.masterKey = masterKey;
        this.indexKey = indexKey;
    }

    /** Makes Tink's key types known before keysets are parsed or generated elsewhere. */
    static void registerKeyTypes() {
        // The static initialiser does the work.
    }

    /** A new data key for a user, open and wrapped. */
    public DataKey newDataKey(UUID userId) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey, associatedData(userId));
            return new DataKey(userId, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a data key userId=" + userId, e);
        }
    }

    /** Opens a user's wrapped data key; fails when it is not this user's or the master key is another one. */
    public DataKey open(UUID userId, byte[] wrapped) {
        try {
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, masterKey,
                    associatedData(userId));
            return new DataKey(userId, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped.clone());
        } catch (GeneralSecurityException e) {
            throw new DataKeyUnavailable("data key does not open userId=" + userId, e);
        }
    }

    /** The blind index of a normalised email: deterministic, reveals equality only, useless without the key. */
    public byte[] emailIndex(String normalisedEmail) {
        try {
            return indexKey.computePrimary(normalisedEmail.getBytes(StandardCharsets.UTF_8), INDEX_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the email index", e);
        }
    }

    private static byte[] associatedData(UUID userId) {
        return ("stride.users/data-key/" + userId).getBytes(StandardCharsets.UTF_8);
    }
}
