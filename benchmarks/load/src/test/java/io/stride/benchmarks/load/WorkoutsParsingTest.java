package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the workouts driver reads from the programs and services it measures. */
class WorkoutsParsingTest {

    @Test
    void shouldReadPgbenchsRateAndTransactionLog() {
        // given: pgbench 17's summary and a line of its -l log (client, transaction, µs, script, epoch s, µs)
        String output = """
                number of failed transactions: 0 (0.000%)
                latency average = 1.234 ms
                initial connection time = 12.345 ms
                tps = 6483.218877 (without initial connection time)
                """;

        // then
        assertThat(Pgbench.tps(output)).isEqualTo(6483.218877);
        assertThat(Pgbench.transactionMicros("3 1207 1534 0 1733550000 123456")).isEqualTo(1534);
        assertThatIllegalStateException().isThrownBy(() -> Pgbench.tps("connection to server failed"));
    }

    @Test
    void shouldReadTheVersionOfAnETagAndOfASummary() {
        assertThat(WorkoutsApi.version("\"3\"")).isEqualTo(3);
        assertThat(WorkoutsApi.version("W/\"12\"")).isEqualTo(12);
        assertThat(WorkoutsApi.version("\"\"")).isEqualTo(-1);
        assertThat(ProjectionLag.summaryVersion("{\"workout_id\":\"x\",\"tags\":[\"bench\"],\"has_route\":false,"
                + "\"version\":5}")).isEqualTo(5);
        assertThat(ProjectionLag.summaryVersion(null)).isEqualTo(-1);
        assertThat(ProjectionLag.summaryVersion("erased")).isEqualTo(-1);
    }

    @Test
    void shouldWalkAWorkoutsLifeInOrder() {
        // given
        WorkoutsApi.Lifecycle workout = new WorkoutsApi.Lifecycle(new Athletes.Athlete(1, null, "t"));

        // then: start, pause, resume, tag, complete, each applied at the next version, then over
        assertThat(workout.step).isEqualTo(WorkoutsApi.Step.START);
        assertThat(workout.advance(1)).isTrue();
        assertThat(workout.step).isEqualTo(WorkoutsApi.Step.PAUSE);
        assertThat(workout.advance(2)).isTrue();
        assertThat(workout.advance(3)).isTrue();
        assertThat(workout.step).isEqualTo(WorkoutsApi.Step.TAG);
        assertThat(workout.advance(4)).isTrue();
        assertThat(workout.step).isEqualTo(WorkoutsApi.Step.COMPLETE);
        assertThat(workout.version).isEqualTo(4);
        assertThat(workout.advance(5)).isFalse();
    }

    @Test
    void shouldAskEveryStatisticsVariantOnceBeforeRepeating() {
        // given: 3 athletes
        int athletes = 3;
        long variants = HistoryReads.statsVariants(athletes);
        Set<String> seen = new HashSet<>();

        // when / then: athlete i mod 3, every weeks 1…104 and sport (all first) once, then the first again
        for (long i = 0; i < variants; i++) {
            assertThat(seen.add(i % athletes + " " + HistoryReads.statsPath(i, athletes))).isTrue();
        }
        assertThat(variants).isEqualTo(3 * 104 * 6);
        assertThat(HistoryReads.statsPath(0, athletes)).isEqualTo("api/v1/workouts/stats?weeks=1");
        assertThat(HistoryReads.statsPath(3 * 104, athletes)).isEqualTo("api/v1/workouts/stats?weeks=1&sport=RUNNING");
        assertThat(seen).contains(variants % athletes + " " + HistoryReads.statsPath(variants, athletes));
    }

    @Test
    void shouldReadTheTotalOfAStatisticsAnswer() {
        assertThat(HistoryReads.totalWorkouts("{\"user_id\":\"u\",\"sport\":null,\"totals\":{\"workouts\":1000,"
                + "\"duration_seconds\":5},\"sports\":[{\"sport\":\"RUNNING\",\"totals\":{\"workouts\":200}}]}"))
                .isEqualTo(1000);
        assertThat(HistoryReads.totalWorkouts("{\"error\":\"service_unavailable\"}")).isEqualTo(-1);
    }

    @Test
    void shouldReadARebuildsCounts() {
        String report = "{\"generation\":\"g\",\"state\":\"DONE\",\"erasures\":0,\"records\":15000,\"applied\":14990}";

        assertThat(RebuildRun.count(report, "records")).isEqualTo(15_000);
        assertThat(RebuildRun.count(report, "applied")).isEqualTo(14_990);
        assertThat(new RebuildRun("g", 15_000, 14_990, 2.5).eventsPerSecond()).isEqualTo(6_000);
    }

    @Test
    void shouldInsertStoredWorkoutsIntoTheProjectionsTable() {
        String sql = StoredWorkouts.insert("workout_history", "toUUID('u')", "number", 1000);

        assertThat(sql).startsWith("INSERT INTO workout_history.workout_facts (user_id, workout_id, sport,")
                .contains("FROM numbers(1000)").contains("% 5 + 1]").doesNotContain("%%");
    }
}
