package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class RedisCacheTest {

    @Test
    void shouldTakeAStartAsBusyWhenTheJdkReportsTextFileBusyInEitherOfItsWordings() {
        // given: the JDK's message when it forks itself, when it launches through jspawnhelper, and another failure
        IOException forked = new IOException("Cannot run program \"redis-server\": error=26, Text file busy");
        IOException spawned = new IOException(
                "Cannot run program \"redis-server\": Exec failed, error: 26 (Text file busy)");
        IOException missing = new IOException(
                "Cannot run program \"redis-server\": error=2, No such file or directory");

        // when / then
        assertThat(RedisCache.busy(forked)).isTrue();
        assertThat(RedisCache.busy(spawned)).isTrue();
        assertThat(RedisCache.busy(missing)).isFalse();
    }
}
