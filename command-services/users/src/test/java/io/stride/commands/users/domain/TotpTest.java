package io.stride.commands.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    private static byte[] seed(Totp.Algorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
    }

    /** RFC 6238, Appendix B: the 18 test vectors (8 digits). */
    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({
            "59, SHA1, 94287082",
            "59, SHA256, 46119246",
            "59, SHA512, 90693936",
            "1111111109, SHA1, 07081804",
            "1111111109, SHA256, 68084774",
            "1111111109, SHA512, 25091201",
            "1111111111, SHA1, 14050471",
            "1111111111, SHA256, 67062674",
            "1111111111, SHA512, 99943326",
            "1234567890, SHA1, 89005924",
            "1234567890, SHA256, 91819424",
            "1234567890, SHA512, 93441116",
            "2000000000, SHA1, 69279037",
            "2000000000, SHA256, 90698825",
            "2000000000, SHA512, 38618901",
            "20000000000, SHA1, 65353130",
            "20000000000, SHA256, 77737706",
            "20000000000, SHA512, 47863826"
    })
    void shouldMatchRfc6238VectorWhenComputingCode(long unixSeconds, Totp.Algorithm algorithm, String expected) {
        // given
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        // when
        String code = Totp.code(seed(algorithm), step, 8, algorithm);

        // then
        assertThat(code).isEqualTo(expected);
    }

    @Test
    void shouldAcceptCodeWhenWithinOneStepOfDrift() {
        // given
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long step = Totp.step(now);
        String previous = Totp.code(SEED_SHA1, step - 1, 6, Totp.Algorithm.SHA1);
        String next = Totp.code(SEED_SHA1, step + 1, 6, Totp.Algorithm.SHA1);

        // when
        OptionalLong acceptedPrevious = Totp.verify(SEED_SHA1, previous, now, Long.MIN_VALUE);
        OptionalLong acceptedNext = Totp.verify(SEED_SHA1, next, now, Long.MIN_VALUE);

        // then
        assertThat(acceptedPrevious).hasValue(step - 1);
        assertThat(acceptedNext).hasValue(step + 1);
    }

    @Test
    void shouldRefuseCodeWhenTwoStepsAway() {
        // given
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        String old = Totp.code(SEED_SHA1, Totp.step(now) - 2, 6, Totp.Algorithm.SHA1);

        // when
        OptionalLong accepted = Totp.verify(SEED_SHA1, old, now, Long.MIN_VALUE);

        // then
        assertThat(accepted).isEmpty();
    }

    @Test
    void shouldRefuseCodeWhenItsStepWasAlreadyUsed() {
        // given
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long step = Totp.step(now);
        String code = Totp.code(SEED_SHA1, step, 6, Totp.Algorithm.SHA1);

        // when
        OptionalLong replayed = Totp.verify(SEED_SHA1, code, now, step);

        // then
        assertThat(replayed).isEmpty();
    }

    @Test
    void shouldRefuseCodeWhenNotSixDigits() {
        // given
        Instant now = Instant.ofEpochSecond(59);

        // when / then
        assertThat(Totp.verify(SEED_SHA1, "94287082", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, "abcdef", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, null, now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void shouldBuildGoogleAuthenticatorUriWhenEnrolling() {
        // given
        byte[] secret = SEED_SHA1;

        // when
        TotpEnrolment enrolment = TotpEnrolment.of("Stride", "ann@example.com", secret);

        // then
        assertThat(enrolment.secret()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(enrolment.provisioningUri()).isEqualTo("otpauth://totp/Stride:ann%40example.com"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Stride&algorithm=SHA1&digits=6&period=30");
    }
}
