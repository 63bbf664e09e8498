package io.stride.ingest.telemetrygateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void shouldRefuseWithoutReservingWhenABatchWouldExceedTheLimit() {
        // given
        InFlightLimit limit = new InFlightLimit(100);
        assertThat(limit.tryAcquire(80)).isTrue();

        // when
        boolean admitted = limit.tryAcquire(21);

        // then
        assertThat(admitted).isFalse();
        assertThat(limit.inFlight()).isEqualTo(80);
        assertThat(limit.tryAcquire(20)).isTrue();
    }

    @Test
    void shouldAdmitAgainWhenKafkaAcknowledged() {
        // given
        InFlightLimit limit = new InFlightLimit(100);
        limit.tryAcquire(100);

        // when
        limit.release(60);

        // then
        assertThat(limit.inFlight()).isEqualTo(40);
        assertThat(limit.tryAcquire(60)).isTrue();
        assertThat(limit.tryAcquire(1)).isFalse();
    }

    @Test
    void shouldNeverExceedTheLimitWhenManyThreadsAcquireAtOnce() throws InterruptedException {
        // given
        InFlightLimit limit = new InFlightLimit(1_000);
        Thread[] threads = new Thread[8];

        // when: 8 threads try 500 reservations of 1 sample each
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) {
                    limit.tryAcquire(1);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // then
        assertThat(limit.inFlight()).isEqualTo(1_000);
    }

    @Test
    void shouldRejectANonPositiveLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InFlightLimit(0));
    }
}
