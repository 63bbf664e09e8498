package io.stride.commands.users.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.OWASP_MINIMUM, new SecureRandom());

    @Test
    void shouldProducePhcArgon2idStringWithOwaspParametersWhenHashing() {
        // given
        String password = "correct horse battery staple";

        // when
        String phc = hasher.hash(password);

        // then
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHasher.paramsOf(phc)).isEqualTo(new PasswordHasher.Params(19_456, 2, 1));
    }

    @Test
    void shouldVerifyWhenPasswordMatchesAndRefuseWhenNot() {
        // given
        String phc = hasher.hash("correct horse battery staple");

        // when / then
        assertThat(hasher.verify(phc, "correct horse battery staple")).isTrue();
        assertThat(hasher.verify(phc, "correct horse battery stapl")).isFalse();
    }

    @Test
    void shouldUseFreshSaltWhenHashingSamePasswordTwice() {
        // given
        String password = "same password twice";

        // when
        String first = hasher.hash(password);
        String second = hasher.hash(password);

        // then
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify(second, password)).isTrue();
    }

    @Test
    void shouldVerifyReferenceHashWhenMadeByAnotherImplementation() {
        // given: made by the reference implementation's CLI (Debian argon2):
        // echo -n password | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -l 32 -e
        String phc = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA"
                + "$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE";

        // when / then
        assertThat(hasher.verify(phc, "password")).isTrue();
        assertThat(hasher.needsRehash(phc)).isFalse();
    }

    @Test
    void shouldRefuseWhenStringIsMalformedOrAnotherAlgorithm() {
        // given / when / then
        assertThat(hasher.verify("not a hash", "password")).isFalse();
        assertThat(hasher.verify("$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA", "password")).isFalse();
        assertThat(hasher.verify(null, "password")).isFalse();
        assertThat(hasher.verifyAgainstDummy("password")).isFalse();
    }

    @Test
    void shouldRefuseParametersWhenBelowOwaspMinimum() {
        // given / when / then
        assertThatThrownBy(() -> new PasswordHasher.Params(4096, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher.Params(19_456, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
