package io.stride.commands.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    /** RFC 4648 section 10, without padding. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void shouldMatchRfc4648VectorWhenEncodingAndDecoding(String plain, String encoded) {
        // given
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        // when
        String actual = Base32.encode(bytes);
        byte[] decoded = Base32.decode(encoded.toLowerCase());

        // then
        assertThat(actual).isEqualTo(encoded);
        assertThat(decoded).isEqualTo(bytes);
    }
}
