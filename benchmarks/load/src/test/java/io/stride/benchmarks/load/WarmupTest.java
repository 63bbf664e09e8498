package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stride.benchmarks.load.MachineLoad.Measured;

class WarmupTest {

    private final Warmup warmup = new Warmup(1, 4, 10);

    @Test
    void shouldRunTheMinimumAndThenOneMoreToCompareWith() {
        assertThat(warmup.another(List.of())).isTrue();
        assertThat(warmup.another(List.of(pass(60_000, 100_000)))).isTrue();
    }

    @Test
    void shouldStopOnceTheLastTwoPassesAgreeWithinTheTolerance() {
        // given: end to end 9 % and processor alone 4 % apart
        List<Pass> done = List.of(pass(50_000, 90_000), pass(66_000, 120_000), pass(72_000, 125_000));

        // then
        assertThat(warmup.steady(done)).isTrue();
        assertThat(warmup.another(done)).isFalse();
    }

    @Test
    void shouldGoOnWhileEitherRateStillClimbs() {
        assertThat(warmup.another(List.of(pass(66_000, 90_000), pass(67_000, 120_000)))).isTrue();
        assertThat(warmup.another(List.of(pass(50_000, 120_000), pass(66_000, 121_000)))).isTrue();
    }

    @Test
    void shouldStopAtTheMaximumWhenTheRatesNeverSettle() {
        // given
        List<Pass> done = List.of(pass(20_000, 40_000), pass(30_000, 60_000), pass(40_000, 80_000),
                pass(50_000, 100_000));

        // then
        assertThat(warmup.steady(done)).isFalse();
        assertThat(warmup.another(done)).isFalse();
    }

    @Test
    void shouldRunNoneWhenTheMinimumIsZero() {
        assertThat(new Warmup(0, 4, 10).another(List.of())).isFalse();
    }

    @Test
    void shouldCompareTheEndToEndRateAloneWhenTheProcessorAloneIsSkipped() {
        assertThat(warmup.steady(List.of(pass(66_000, 0), pass(70_000, 0)))).isTrue();
    }

    /** A pass with the given end-to-end and processor-alone rates (samples/s; 0: the processor alone skipped). */
    private static Pass pass(double endToEnd, double processorAlone) {
        Optional<Measured<ProcessorAlone>> alone = processorAlone == 0 ? Optional.empty()
                : Optional.of(new Measured<>(new ProcessorAlone(600_000, processorAlone * 2, processorAlone), null, 0));
        return new Pass(null, new Measured<>(new EndToEnd(1_200_000, endToEnd, endToEnd, 0), null, 0), null,
                Optional.empty(), alone, null, List.of());
    }
}
