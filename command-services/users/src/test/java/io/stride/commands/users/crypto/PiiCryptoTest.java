package io.stride.commands.users.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;

class PiiCryptoTest {

    private static final String EMAIL = "ann.runner@example.com";

    private static PiiCrypto crypto(Path dir) {
        KeysetHandle master = PiiKeys.load(dir.resolve("master.json"), PredefinedAeadParameters.AES256_GCM, true);
        KeysetHandle index = PiiKeys.load(dir.resolve("index.json"), PredefinedPrfParameters.HMAC_SHA256_PRF, true);
        try {
            return new PiiCrypto(master.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    index.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldDecryptOwnCiphertextWhenKeyIsReopenedFromItsWrappedForm(@TempDir Path dir) {
        // given
        PiiCrypto crypto = crypto(dir);
        UUID userId = UUID.randomUUID();
        DataKey key = crypto.newDataKey(userId);
        byte[] ciphertext = key.encrypt(PiiField.EMAIL, EMAIL);

        // when
        DataKey reopened = crypto.open(userId, key.wrapped());

        // then
        assertThat(reopened.decrypt(PiiField.EMAIL, ciphertext)).isEqualTo(EMAIL);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(EMAIL);
        assertThat(new String(key.wrapped(), StandardCharsets.ISO_8859_1)).doesNotContain(EMAIL);
    }

    @Test
    void shouldRefuseCiphertextWhenSwappedBetweenUsersOrFields(@TempDir Path dir) {
        // given
        PiiCrypto crypto = crypto(dir);
        DataKey ann = crypto.newDataKey(UUID.randomUUID());
        DataKey bob = crypto.newDataKey(UUID.randomUUID());
        byte[] bobsEmail = bob.encrypt(PiiField.EMAIL, "bob@example.com");
        byte[] annsFirstName = ann.encrypt(PiiField.FIRST_NAME, "Ann");

        // when / then
        assertThatThrownBy(() -> ann.decrypt(PiiField.EMAIL, bobsEmail)).isInstanceOf(DataKeyUnavailable.class);
        assertThatThrownBy(() -> ann.decrypt(PiiField.LAST_NAME, annsFirstName))
                .isInstanceOf(DataKeyUnavailable.class);
    }

    @Test
    void shouldRefuseWrappedKeyWhenItIsPresentedForAnotherUser(@TempDir Path dir) {
        // given
        PiiCrypto crypto = crypto(dir);
        DataKey bob = crypto.newDataKey(UUID.randomUUID());

        // when / then
        assertThatThrownBy(() -> crypto.open(UUID.randomUUID(), bob.wrapped()))
                .isInstanceOf(DataKeyUnavailable.class);
    }

    @Test
    void shouldNotDecryptWhenDataKeyIsShreddedEvenWithAnotherKeyOfTheSameUser(@TempDir Path dir) {
        // given: a ciphertext kept somewhere (a backup, an export) and its data key deleted
        PiiCrypto crypto = crypto(dir);
        UUID userId = UUID.randomUUID();
        byte[] ciphertext = crypto.newDataKey(userId).encrypt(PiiField.EMAIL, EMAIL);

        // when: the only keys left are new ones (the master key itself cannot open data, it only wraps keys)
        DataKey replacement = crypto.newDataKey(userId);

        // then
        assertThatThrownBy(() -> replacement.decrypt(PiiField.EMAIL, ciphertext))
                .isInstanceOf(DataKeyUnavailable.class);
    }

    @Test
    void shouldComputeSameBlindIndexWhenEmailRepeatsAndDifferentOneUnderAnotherKey(@TempDir Path dir)
            throws Exception {
        // given
        PiiCrypto crypto = crypto(dir.resolve("a"));
        PiiCrypto other = crypto(dir.resolve("b"));

        // when
        byte[] first = crypto.emailIndex(EMAIL);
        byte[] second = crypto.emailIndex(EMAIL);

        // then
        assertThat(first).hasSize(PiiCrypto.INDEX_BYTES).isEqualTo(second);
        assertThat(crypto.emailIndex("bob@example.com")).isNotEqualTo(first);
        assertThat(other.emailIndex(EMAIL)).isNotEqualTo(first);
        assertThat(Files.readString(dir.resolve("a").resolve("index.json"))).doesNotContain(EMAIL);
    }

    @Test
    void shouldReadSameKeysetWhenFileExists(@TempDir Path dir) {
        // given
        PiiCrypto first = crypto(dir);

        // when
        PiiCrypto again = crypto(dir);

        // then
        assertThat(again.emailIndex(EMAIL)).isEqualTo(first.emailIndex(EMAIL));
        UUID userId = UUID.randomUUID();
        DataKey key = first.newDataKey(userId);
        assertThat(again.open(userId, key.wrapped()).decrypt(PiiField.EMAIL, key.encrypt(PiiField.EMAIL, EMAIL)))
                .isEqualTo(EMAIL);
    }

    @Test
    void shouldRefuseToStartWhenKeysetIsMissingAndGenerationIsOff(@TempDir Path dir) {
        // given: production, where keysets come from mounted secrets
        Path missing = dir.resolve("users-pii-master.json");

        // when / then
        assertThatThrownBy(() -> PiiKeys.load(missing, PredefinedAeadParameters.AES256_GCM, false))
                .hasMessageContaining(missing.toString());
        assertThat(missing).doesNotExist();
    }
}
