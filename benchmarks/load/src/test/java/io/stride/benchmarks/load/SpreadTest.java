package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void shouldTakeTheMiddleValueWhenTheCountIsOdd() {
        // when
        Spread spread = Spread.of(List.of(42.1, 28.0, 38.5));

        // then
        assertThat(spread.median()).isEqualTo(38.5);
        assertThat(spread.min()).isEqualTo(28.0);
        assertThat(spread.max()).isEqualTo(42.1);
        assertThat(spread.count()).isEqualTo(3);
    }

    @Test
    void shouldAverageTheTwoMiddleValuesWhenTheCountIsEven() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void shouldGiveHalfTheRangeInPercentOfTheMedian() {
        // 90..110 around 100: a pass lies within ±10 % of the median
        assertThat(Spread.of(List.of(110.0, 90.0, 100.0)).halfRangePercent()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void shouldRefuseNoValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Spread.of(List.of()));
    }
}
