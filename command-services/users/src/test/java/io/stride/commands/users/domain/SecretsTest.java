package io.stride.commands.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretsTest {

    private final Secrets secrets = new Secrets(new SecureRandom());

    @Test
    void shouldMatchKnownDigestWhenHashingToken() {
        // given
        String token = "abc";

        // when
        String hash = Secrets.sha256Hex(token);

        // then: FIPS 180-2 test vector
        assertThat(hash).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldIssueUnguessableRefreshTokensWhenAsked() {
        // given / when
        String first = secrets.refreshToken();
        String second = secrets.refreshToken();

        // then: 256 bits, base64url without padding
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldIssueTenDistinctRecoveryCodesWhenAsked() {
        // given / when
        List<String> codes = secrets.recoveryCodes();

        // then
        assertThat(codes).hasSize(10).allMatch(code -> code.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(new HashSet<>(codes)).hasSize(10);
    }

    @Test
    void shouldIgnoreCaseAndDashesWhenHashingTypedRecoveryCode() {
        // given
        String issued = "abcde-fghij";

        // when / then
        assertThat(Secrets.recoveryCodeHash(" ABCDE FGHIJ")).isEqualTo(Secrets.recoveryCodeHash(issued));
        assertThat(Secrets.recoveryCodeHash("abcdefghij")).isEqualTo(Secrets.recoveryCodeHash(issued));
    }

    @Test
    void shouldTrimAndLowerCaseWhenNormalisingEmail() {
        // given / when / then
        assertThat(Emails.normalise("  Ann.Smith@Example.COM ")).isEqualTo("ann.smith@example.com");
    }
}
