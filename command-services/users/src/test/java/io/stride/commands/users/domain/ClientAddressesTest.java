package io.stride.commands.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    @Test
    void shouldIgnoreForwardedForWhenThePeerIsNotATrustedProxy() {
        // given / when
        String ip = ClientAddresses.resolve("203.0.113.9", "198.51.100.7", PROXIES);

        // then
        assertThat(ip).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldTakeTheRightMostUntrustedAddressWhenThePeerIsATrustedProxy() {
        // given: the client forged the left-most entry; two proxies appended the rest
        String header = "1.2.3.4, 198.51.100.7, 10.0.0.2";

        // when
        String ip = ClientAddresses.resolve("10.0.0.1", header, PROXIES);

        // then
        assertThat(ip).isEqualTo("198.51.100.7");
    }

    @Test
    void shouldKeepThePeerWhenForwardedForHoldsSomethingElseThanAnAddress() {
        // given / when
        String ip = ClientAddresses.resolve("10.0.0.1", "198.51.100.7, evil\nlog line", PROXIES);

        // then
        assertThat(ip).isEqualTo("10.0.0.1");
    }

    @Test
    void shouldAcceptIpv6WhenForwardedByATrustedProxy() {
        // given / when
        String ip = ClientAddresses.resolve("10.0.0.1", "2001:db8::1", PROXIES);

        // then
        assertThat(ip).isEqualTo("2001:db8::1");
    }

    @Test
    void shouldUseThePeerWhenNoHeaderIsSent() {
        // given / when
        String ip = ClientAddresses.resolve("10.0.0.1", "", PROXIES);

        // then
        assertThat(ip).isEqualTo("10.0.0.1");
    }
}
