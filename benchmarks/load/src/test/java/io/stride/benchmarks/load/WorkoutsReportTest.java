package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

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

    @Test
    void shouldWriteEveryPhaseOfARunWithItsVerdicts() {
        // given: a run with refusals, the projection alone and a rebuild, and one without the optional phases (the
        // projection alone failed)
        Usage usage = new Usage(10, 2, 90, 1, 0, 1.2, 0.3, 0.05, Map.of("workouts", 0.5, "postgres", 0.2));
        Level level = new Level(16, List.of(new Measured<>(new Pgbench(16, 12_000, summary(900, 4_000)), usage, 1)),
                List.of(new Measured<>(new CommandLoad(16, 10, 60_000, 3, Map.of(409, 3L), summary(2_000, 15_000),
                        List.of()), usage, 2)));
        ProjectionLag lag = new ProjectionLag(5_000, 4_990, 31, 150_000, 2, Map.of(0, 2L), summary(3_000, 9_000),
                summary(200_000, 800_000), summary(210_000, 820_000), 0);
        WorkoutsBenchmark.Results full = new WorkoutsBenchmark.Results(List.of(level),
                List.of(new Measured<>(level.commands().getFirst().value(), usage, 0)), measured(lag, usage),
                Optional.of(measured(lag, usage)), Optional.empty(),
                measured(new StoredWorkouts(1_000_000, 4.2), usage),
                measured(new HistoryReads.Run(0, 80, 2_000, 0, Map.of(), summary(20_000, 45_000)), usage),
                measured(new HistoryReads.Run(5_000, 4_999, 135_000, 1, Map.of(-2, 1L), summary(800, 4_000)), usage),
                Optional.of(measured(new RebuildRun("bench_rebuild_1", 450_000, 449_000, 30), usage)),
                Optional.empty(), usage,
                List.of("0.01 cores: pid 1 `init`"));
        WorkoutsBenchmark.Results bare = new WorkoutsBenchmark.Results(List.of(level), List.of(),
                measured(lag, usage), Optional.empty(), Optional.of("the history did not project in time"),
                measured(new StoredWorkouts(10_000, 0.4), usage),
                measured(new HistoryReads.Run(0, 80, 2_000, 0, Map.of(), summary(20_000, 45_000)), usage),
                measured(new HistoryReads.Run(500, 500, 4_000, 0, Map.of(), summary(800, 4_000)), usage),
                Optional.empty(), Optional.of("the rebuild failed: 503"), usage, List.of());
        Platform platform = new Platform("http://127.0.0.1:8085", "127.0.0.1:9092", "http://registry", Path.of("kek"),
                Map.of("commit", "abc1234", "command", "./stride bench workouts"), Map.of("workouts", 1L),
                new Properties());
        MachineLoad machine = new MachineLoad(Map.of());

        // when
        String report = WorkoutsReport.markdown(WorkoutsOptions.parse(), platform, machine, full);
        String smaller = WorkoutsReport.markdown(WorkoutsOptions.parse("--workouts", "10000", "--rebuild", "false",
                "--direct-events-rate", "0"), platform, machine, bare);

        // then: 6,000 commands/s is half of pgbench's 12,000 (met), its p99 15 ms (met); the lag p99 800 ms at 4,839
        // events/s (within 5 % of the target's load); the summaries' p99 is within target but one was not sent
        // (missed); every section is there
        assertThat(report)
                .contains("Reproduce: `./stride bench workouts`")
                .contains("| command API, peak (16 clients) | 6,000 commands/s | ≥ 5,000 | met |")
                .contains("| command API p99 at the peak | 15.0 ms | ≤ 20 ms | met |")
                .contains("| 50.0 % | ≥ 50 % | met |")
                .contains("at 4,839 events/s appended (5,000 offered) | 800 ms | ≤ 1,000 ms at 5,000 events/s | met |")
                .contains("| GetWorkoutStats p99 over 1,000,000 stored workouts | 45.0 ms | ≤ 50 ms | met |")
                .contains("| 4.00 ms | ≤ 5 ms at 5,000/s | **missed** |")
                .contains("15,000 events/s (450,000 events in 30.0 s)")
                .contains("Refused answers by status (0: no answer), first run with any: {409=3}.")
                .contains("**The projection alone.**")
                .contains("| workouts | 0.08 |")
                .contains("| projection alone |");
        assertThat(smaller)
                .doesNotContain("**The projection alone.**").contains("no run of the projection alone")
                .contains("**The projection alone** was not measured: the history did not project in time.")
                .doesNotContain("rebuild throughput")
                .contains("The rebuild was not measured: the rebuild failed: 503.")
                .contains("over 10,000 stored workouts | 45.0 ms | ≤ 50 ms | met (*not at the target's load*) |");
    }

    private static LatencySummary summary(long p50Micros, long p99Micros) {
        List<Long> micros = new java.util.ArrayList<>();
        for (int i = 0; i < 98; i++) {
            micros.add(p50Micros);
        }
        micros.add(p99Micros);
        micros.add(p99Micros);
        return LatencySummary.ofMicros(micros);
    }

    private static <T> Measured<T> measured(T value, Usage usage) {
        return new Measured<>(value, usage, 1);
    }

    private static Level level(int concurrency, List<Double> commandRates, List<Double> pgbenchRates) {
        return new Level(concurrency,
                pgbenchRates.stream().map(rate -> new Measured<>(new Pgbench(concurrency, rate,
                        LatencySummary.ofMicros(List.of(1_000L))), IDLE, 0)).toList(),
                commandRates.stream().map(rate -> new Measured<>(new CommandLoad(concurrency, 10, (long) (rate * 10),
                        0, Map.of(), LatencySummary.ofMicros(List.of(1_000L)), List.of()), IDLE, 0)).toList());
    }
}
