package io.stride.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/** Values sealed per user: readable with the user's key only, unreadable once it is shredded. */
class SealedSerdeTest {

    private static final String TOPIC = "telemetry.sample-batches";

    private final UserKeyring keyring = new UserKeyring();
    /** Values are "<user id>|<text>"; the user is the part before the bar. */
    private final Serde<String> serde = new SealedSerde<>(Serdes.String(), keyring,
            value -> value.substring(0, value.indexOf('|')));

    private static Aead newKey() throws Exception {
        AeadConfig.register();
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Test
    void shouldReadBackOnlyWithTheUsersKeyWhenSealed() throws Exception {
        // given
        keyring.put("ann", newKey());
        Headers headers = new RecordHeaders();

        // when
        byte[] sealed = serde.serializer().serialize(TOPIC, headers, "ann|55.7558,37.6173");

        // then
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("55.7558");
        assertThat(headers.lastHeader(SealedSerde.SEALED_FOR_HEADER).value()).asString(StandardCharsets.UTF_8)
                .isEqualTo("ann");
        assertThat(serde.deserializer().deserialize(TOPIC, headers, sealed)).isEqualTo("ann|55.7558,37.6173");
    }

    @Test
    void shouldRefuseToOpenWhenTheHeaderNamesAnotherUser() throws Exception {
        // given: bob's key cannot open ann's record, even with its own id in the header
        keyring.put("ann", newKey());
        keyring.put("bob", newKey());
        Headers headers = new RecordHeaders();
        byte[] sealed = serde.serializer().serialize(TOPIC, headers, "ann|secret");
        headers.remove(SealedSerde.SEALED_FOR_HEADER);
        headers.add(SealedSerde.SEALED_FOR_HEADER, "bob".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, headers, sealed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFailAsShreddedWhenTheUsersKeyIsShredded() throws Exception {
        // given
        keyring.put("ann", newKey());
        Headers headers = new RecordHeaders();
        byte[] sealed = serde.serializer().serialize(TOPIC, headers, "ann|secret");

        // when
        keyring.shred("ann");

        // then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, headers, sealed))
                .isInstanceOf(UserKeyring.ShreddedKey.class);
        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, new RecordHeaders(), "ann|more"))
                .isInstanceOf(UserKeyring.ShreddedKey.class);
        assertThat(DeadLetterHandler.isShreddedKey(new RuntimeException(new UserKeyring.ShreddedKey("ann"))))
                .isTrue();
    }

    @Test
    void shouldPassUnsealedValuesThroughWhenTheyCarryNoHeaderOrTheUserHasNoKey() {
        // given: a record written before sealing; a user with no key at all
        Headers legacy = new RecordHeaders();
        Headers keyless = new RecordHeaders();

        // when
        String read = serde.deserializer().deserialize(TOPIC, legacy, "carl|old".getBytes(StandardCharsets.UTF_8));
        byte[] written = serde.serializer().serialize(TOPIC, keyless, "dora|new");

        // then
        assertThat(read).isEqualTo("carl|old");
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("dora|new");
        assertThat(keyless.lastHeader(SealedSerde.SEALED_FOR_HEADER)).isNull();
    }
}
