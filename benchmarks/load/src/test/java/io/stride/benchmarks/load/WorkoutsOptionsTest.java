package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class WorkoutsOptionsTest {

    @Test
    void shouldMeasureAtTheTargetsLoadsWhenNothingIsGiven() {
        // when
        WorkoutsOptions options = WorkoutsOptions.parse();

        // then: issue 12's sizes and rates
        assertThat(options.concurrency()).containsExactly(1, 4, 16, 64);
        assertThat(options.highestConcurrency()).isEqualTo(64);
        assertThat(options.eventsRate()).isEqualTo(5_000);
        assertThat(options.directEventsRate()).isEqualTo(5_000);
        assertThat(options.summaryRate()).isEqualTo(5_000);
        assertThat(options.workouts()).isEqualTo(1_000_000);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.rebuild()).isTrue();
        assertThat(options.out().toString()).startsWith("benchmarks/results/").contains("-workouts");
    }

    @Test
    void shouldTakeASmokeRunsSizes() {
        // when
        WorkoutsOptions options = WorkoutsOptions.parse("--workouts", "10000", "--seconds", "5", "--concurrency",
                "2,8", "--rebuild", "false", "--direct-events-rate", "0", "--out", "/tmp/smoke.md");

        // then
        assertThat(options.workouts()).isEqualTo(10_000);
        assertThat(options.seconds()).isEqualTo(5);
        assertThat(options.concurrency()).isEqualTo(List.of(2, 8));
        assertThat(options.rebuild()).isFalse();
        assertThat(options.directEventsRate()).isZero();
        assertThat(options.out()).hasToString("/tmp/smoke.md");
    }

    @Test
    void shouldRefuseWhatCannotBeMeasured() {
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--concurrency", "16,4"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--concurrency", "0,4"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--summary-seconds", "3"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--rebuild", "yes"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--generation", "Bad-Name"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--samples", "10"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--events-rate"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--steady-percent", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkoutsOptions.parse("--max-warmup-windows", "0"));
    }

    @Test
    void shouldCallThePlatformWarmWhenTheLastTwoWarmUpWindowsAgreeWithinTheTolerance() {
        // given: within 5 % by default
        WorkoutsOptions options = WorkoutsOptions.parse();

        // then: it takes two windows to tell; the last two count
        assertThat(options.steady(List.of())).isFalse();
        assertThat(options.steady(List.of(150.0))).isFalse();
        assertThat(options.steady(List.of(95.0, 133.0))).isFalse();
        assertThat(options.steady(List.of(95.0, 133.0, 140.0))).isTrue();
        assertThat(options.steady(List.of(140.0, 133.0))).isTrue();
        assertThat(options.steady(List.of(140.0, 132.0))).isFalse();
        assertThat(WorkoutsOptions.parse("--steady-percent", "10").steady(List.of(140.0, 130.0))).isTrue();
        assertThat(options.maxWarmupWindows()).isEqualTo(10);
    }
}
