package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stride.benchmarks.load.MachineLoad.Measured;
import io.stride.benchmarks.load.MachineLoad.Usage;
import io.stride.benchmarks.load.WorkoutsBenchmark.Level;

class WorkoutsReportTest {

    private static final Usage IDLE = new Usage(1, 2, 0, 0, 0, 0, 0, 0, Map.of());

    @Test
    void shouldTakeThePeakAndTheCeilingFromTheMediansOfEachLevel() {
        // given: at 4 clients the command API's median is 3,000/s (one run at 9,000 does not make it the peak), at 16
        // clients 4,000/s; pgbench's best median is 10,000 tx/s at 16 clients
        Level four = level(4, List.of(2_000.0, 3_000.0, 9_000.0), List.of(8_000.0, 8_500.0, 9_000.0));
        Level sixteen = level(16, List.of(4_000.0, 4_100.0, 3_900.0), List.of(10_000.0, 9_000.0, 11_000.0));

        // when
        Level peak = WorkoutsReport.peak(List.of(four, sixteen));
        double ceiling = WorkoutsReport.ceiling(List.of(four, sixteen));

        // then
        assertThat(peak.concurrency()).isEqualTo(16);
        assertThat(WorkoutsReport.commands(peak, CommandLoad::perSecond).median()).isEqualTo(4_000);
        assertThat(ceiling).isEqualTo(10_000);
    }

    @Test
    void shouldNeverPassAFigureTakenBelowTheTargetsLoadAsAVerdictOnIt() {
        assertThat(WorkoutsReport.verdict(true, true)).isEqualTo("met");
        assertThat(WorkoutsReport.verdict(false, true)).isEqualTo("**missed**");
        assertThat(WorkoutsReport.verdict(true, false)).isEqualTo("met (*not at the target's load*)");
    }

    @Test
    void shouldWriteMillisecondsWithThePrecisionOfTheTargets() {
        assertThat(WorkoutsReport.millis(1.234)).isEqualTo("1.23 ms");
        assertThat(WorkoutsReport.millis(19.96)).isEqualTo("20.0 ms");
        assertThat(WorkoutsReport.millis(1_234.4)).isEqualTo("1,234 ms");
        assertThat(WorkoutsReport.millis(Double.NaN)).isEqualTo("–");
    }

    private static Level level(int concurrency, List<Double> commandRates, List<Double> pgbenchRates) {
        return new Level(concurrency,
                pgbenchRates.stream().map(rate -> new Measured<>(new Pgbench(concurrency, rate,
                        LatencySummary.ofMicros(List.of(1_000L))), IDLE, 0)).toList(),
                commandRates.stream().map(rate -> new Measured<>(new CommandLoad(concurrency, 10, (long) (rate * 10),
                        0, Map.of(), LatencySummary.ofMicros(List.of(1_000L)), List.of()), IDLE, 0)).toList());
    }
}
