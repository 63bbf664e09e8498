package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldSummariseMicrosecondsInMilliseconds() {
        // given: 1..1000 µs
        List<Long> micros = new ArrayList<>();
        for (long i = 1000; i >= 1; i--) {
            micros.add(i);
        }

        // when
        LatencySummary summary = LatencySummary.ofMicros(micros);

        // then
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isEqualTo(0.5);
        assertThat(summary.p99()).isEqualTo(0.99);
        assertThat(summary.max()).isEqualTo(1.0);
    }

    @Test
    void shouldSayNothingWasMeasuredRatherThanZero() {
        LatencySummary summary = LatencySummary.ofMicros(List.of());

        assertThat(summary.count()).isZero();
        assertThat(summary.p99()).isNaN();
        assertThat(WorkoutsReport.millis(summary.p99())).isEqualTo("–");
    }

    @Test
    void shouldRecordFromTheGivenStartNotFromWhenItIsCalled() {
        // given
        LatencySummary.Recorder recorder = new LatencySummary.Recorder();

        // when: due at 0, answered at 7 ms; a clock that went backwards counts 0
        recorder.record(0, 7_000_000);
        recorder.record(10, 5);

        // then
        LatencySummary summary = recorder.summary();
        assertThat(summary.max()).isEqualTo(7.0);
        assertThat(summary.p50()).isEqualTo(0.0);
    }
}
