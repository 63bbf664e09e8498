package io.stride.benchmarks.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkoutClockTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    /** Ticks once per real second for {@code seconds} and gathers what is due. */
    private static List<WorkoutClock.Due> run(WorkoutClock clock, int seconds) {
        List<WorkoutClock.Due> due = new ArrayList<>();
        for (int t = 0; t < seconds; t++) {
            due.addAll(clock.due(START.plusSeconds(t)));
        }
        return due;
    }

    @Test
    void shouldRecordOneSamplePerPeriodAtRealTimeWhenNotSpedUp() {
        // when
        List<WorkoutClock.Due> due = run(new WorkoutClock(1, SECOND, null), 120);

        // then
        assertThat(due).hasSize(120);
        assertThat(due.getFirst()).isEqualTo(new WorkoutClock.Due(START, true));
        assertThat(due.getLast().recordedAt()).isEqualTo(START.plusSeconds(119));
        assertThat(due.stream().filter(WorkoutClock.Due::startsWorkout)).hasSize(1);
    }

    @Test
    void shouldRecordFTimesMoreSamplesOnePeriodApartNeverAheadOfRealTimeWhenSpedUp() {
        // given: x10, workouts of 60 simulated minutes (6 real minutes each)
        WorkoutClock clock = new WorkoutClock(10, SECOND, Duration.ofMinutes(60));

        // when: 15 real minutes
        List<WorkoutClock.Due> due = new ArrayList<>();
        Duration maxAhead = Duration.ofDays(-365);
        Duration maxBehind = Duration.ZERO;
        for (int t = 0; t < 900; t++) {
            Instant now = START.plusSeconds(t);
            for (WorkoutClock.Due sample : clock.due(now)) {
                due.add(sample);
                Duration ahead = Duration.between(now, sample.recordedAt());
                maxAhead = ahead.compareTo(maxAhead) > 0 ? ahead : maxAhead;
                maxBehind = ahead.negated().compareTo(maxBehind) > 0 ? ahead.negated() : maxBehind;
            }
        }

        // then: 10 samples per real second, never in the future, within the gateway's 7 days
        assertThat(due).hasSize(9000);
        assertThat(maxAhead).isLessThanOrEqualTo(Duration.ZERO);
        assertThat(maxBehind).isLessThanOrEqualTo(Duration.ofMinutes(54));
        // one workout per 3,600 samples, each starting 54 minutes in the past and 1 s between samples
        assertThat(due.stream().filter(WorkoutClock.Due::startsWorkout)).hasSize(3);
        assertThat(due.getFirst().recordedAt()).isEqualTo(START.minus(Duration.ofMinutes(54)));
        for (int i = 1; i < 3600; i++) {
            assertThat(Duration.between(due.get(i - 1).recordedAt(), due.get(i).recordedAt())).isEqualTo(SECOND);
        }
        assertThat(due.get(3599).recordedAt()).isBetween(START.plusSeconds(355), START.plusSeconds(360));
        assertThat(due.get(3600).startsWorkout()).isTrue();
    }

    @Test
    void shouldKeepAFractionalSpeedupOnAverage() {
        // when
        List<WorkoutClock.Due> due = run(new WorkoutClock(2.5, SECOND, Duration.ofMinutes(30)), 100);

        // then
        assertThat(due).hasSize(250);
    }

    @Test
    void shouldRefuseAWorkoutThatWouldStartBeyondTheGatewaysAgeLimit() {
        // when / then
        assertThatThrownBy(() -> new WorkoutClock(100, SECOND, Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkoutClock(0.5, SECOND, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
