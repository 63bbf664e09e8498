package io.stride.benchmarks.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WorkoutPlanTest {

    @Test
    void shouldPauseOnceInTheMiddleThirdWhenTheWorkoutIsLongEnough() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            // when
            WorkoutPlan plan = WorkoutPlan.of(i, Duration.ofMinutes(12), random);

            // then
            assertThat(plan.pauseAt()).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(8));
            assertThat(plan.pausedAt(plan.pauseAt())).isTrue();
            assertThat(plan.pausedAt(plan.pauseAt().plus(WorkoutPlan.PAUSE))).isFalse();
            assertThat(plan.pausedAt(plan.pauseAt().minusMillis(1))).isFalse();
        }
    }

    @Test
    void shouldNeitherPauseNorCancelTheFirstWorkoutWhenItIsShort() {
        // when
        WorkoutPlan plan = WorkoutPlan.of(0, Duration.ofMinutes(1), new Random(1));

        // then
        assertThat(plan.pauseAt()).isNull();
        assertThat(plan.pausedAt(Duration.ofSeconds(30))).isFalse();
        assertThat(plan.cancelled()).isFalse();
    }
}
