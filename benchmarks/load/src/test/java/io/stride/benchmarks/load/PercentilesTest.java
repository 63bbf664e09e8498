package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeTheNearestRankWhenComputingPercentiles() {
        // given: 1..100 shuffled
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = (i * 37) % 100 + 1;
        }

        // when
        Percentiles percentiles = new Percentiles(values);

        // then
        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(100)).isEqualTo(100);
        assertThat(percentiles.max()).isEqualTo(100);
        assertThat(percentiles.count()).isEqualTo(100);
    }

    @Test
    void shouldReturnTheOnlyValueWhenThereIsOne() {
        assertThat(new Percentiles(new long[] {7}).at(99)).isEqualTo(7);
        assertThat(new Percentiles(new long[] {7}).at(1)).isEqualTo(7);
    }

    @Test
    void shouldRefuseAnEmptySet() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Percentiles(new long[0]));
    }
}
