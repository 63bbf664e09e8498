package io.stride.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Surefire names the fixture addresses file in STRIDE_DEVSTACK_FILE (see the pom), as ./stride test does. */
class DevstackResourceTest {

    @Test
    void shouldHandTheAddressesFileToQuarkusWhenStrideDevstackFileIsSet() {
        // given
        DevstackResource resource = new DevstackResource();

        // when
        var config = resource.start();
        resource.stop();

        // then
        assertThat(config).containsExactlyEntriesOf(
                Devstack.read(Path.of("src/test/resources/devstack-fixture.properties")));
        assertThat(config.keySet()).containsExactlyElementsOf(Devstack.KEYS);
        assertThat(Devstack.addresses()).isSameAs(config);
    }
}
