package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldMeasureThreePassesAtTenPercentOfTheCeilingWhenNothingIsGiven() {
        // when
        Options options = Options.parse();

        // then
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.warmup()).isEqualTo(new Warmup(1, 4, 10));
        assertThat(options.latencyPercent()).isEqualTo(10.0);
        assertThat(options.latencyRate()).isEqualTo(20_000);
        assertThat(options.context()).isEmpty();
        assertThat(options.jfr()).isEmpty();
        assertThat(options.out().toString()).startsWith("benchmarks/results/").contains("-live-tracking");
    }

    @Test
    void shouldTakeEachGivenValueWhenOptionsArePassed() {
        // when
        Options options = Options.parse("--runs", "1", "--samples", "60000", "--latency-percent", "5",
                "--direct-samples", "0", "--out", "/tmp/x.md");

        // then
        assertThat(options.runs()).isEqualTo(1);
        assertThat(options.samples()).isEqualTo(60_000);
        assertThat(options.latencyPercent()).isEqualTo(5.0);
        assertThat(options.directSamples()).isZero();
        assertThat(options.out()).isEqualTo(Path.of("/tmp/x.md"));
    }

    @Test
    void shouldRefuseAnUnknownOrIncompleteOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--sample", "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--runs"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--runs", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--warmup-passes", "5"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--steady-percent", "0"));
    }
}
