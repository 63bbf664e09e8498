package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class RawCeilingTest {

    @Test
    void shouldTakeTheLastSummaryLineWhenProducerPerformancePrintsProgressFirst() {
        // given
        String output = """
                741345 records sent, 148269.0 records/sec (31.11 MB/sec), 170.2 ms avg latency, 512.0 ms max latency.
                1000000 records sent, 170213.4 records/sec (35.71 MB/sec), 152.30 ms avg latency, 512.00 ms max \
                latency, 140 ms 50th, 380 ms 95th, 480 ms 99th, 510 ms 99.9th.
                """;

        // when
        RawCeiling ceiling = RawCeiling.parse(output);

        // then
        assertThat(ceiling.records()).isEqualTo(1_000_000);
        assertThat(ceiling.recordsPerSecond()).isEqualTo(170213.4);
        assertThat(ceiling.megabytesPerSecond()).isEqualTo(35.71);
        assertThat(ceiling.avgLatencyMillis()).isEqualTo(152.30);
    }

    @Test
    void shouldFailWhenThereIsNoSummary() {
        assertThatIllegalStateException().isThrownBy(() -> RawCeiling.parse("Exception in thread main"));
    }
}
