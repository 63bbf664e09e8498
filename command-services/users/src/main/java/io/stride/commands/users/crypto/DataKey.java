package io.stride.commands.users.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;

/**
 * One user's data key (a Tink AES-256-GCM keyset), open in memory, with its wrapped form as stored. Every
 * ciphertext is bound to the user's id and the field by the associated data
 * {@code stride.users/<user id>/<field>}: a ciphertext copied into another user's row, or into another field, does
 * not decrypt.
 */
public final class DataKey {

    private final UUID userId;
    private final Aead aead;
    private final byte[] wrapped;

    DataKey(UUID userId, Aead aead, byte[] wrapped) {
        this.userId = userId;
        this.aead = aead;
        this.wrapped = wrapped;
    }

    public UUID userId() {
        return userId;
    }

    /** The keyset encrypted by the master key (associated data: the user id), as stored in the database. */
    public byte[] wrapped() {
        return wrapped.clone();
    }

    /** Encrypts a field's value; null stays null. */
    public byte[] encrypt(PiiField field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return aead.encrypt(value.getBytes(StandardCharsets.UTF_8), associatedData(field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt field=" + field + " userId=" + userId, e);
        }
    }

    /** Decrypts a field's value; null stays null; a ciphertext not made for this user and field fails. */
    public String decrypt(PiiField field, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(aead.decrypt(ciphertext, associatedData(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new DataKeyUnavailable("ciphertext does not open field=" + field + " userId=" + userId, e);
        }
    }

    private byte[] associatedData(PiiField field) {
        return ("stride.users/" + userId + "/" + field.label()).getBytes(StandardCharsets.UTF_8);
    }
}
