package io.stride.commands.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GoalDefinitionTest {

    static GoalError refused(Runnable definition) {
        try {
            definition.run();
        } catch (GoalError error) {
            return error;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void shouldAskEachKindForItsFieldsAndNoOther() {
        // given / when / then
        assertThat(refused(() -> new GoalDefinition(GoalKind.PERIOD_TOTAL, GoalMetric.DISTANCE, null, null, 5, null,
                null)).details()).containsEntry("field", "period");
        assertThat(refused(() -> new GoalDefinition(GoalKind.PERFORMANCE, null, null, "RUNNING", 5_000, 0L, null))
                .details()).containsEntry("field", "target_seconds");
        assertThat(refused(() -> new GoalDefinition(GoalKind.PERFORMANCE, GoalMetric.DISTANCE, null, null, 5_000,
                1_500L, null)).details()).containsEntry("field", "metric");
        assertThat(refused(() -> new GoalDefinition(GoalKind.TOTAL_BY_DATE, GoalMetric.DISTANCE, GoalPeriod.WEEK,
                null, 5, null, LocalDate.of(2030, 1, 1))).details()).containsEntry("field", "period");
        assertThat(refused(() -> new GoalDefinition(GoalKind.PERIOD_TOTAL, GoalMetric.DISTANCE, GoalPeriod.WEEK,
                null, Double.NaN, null, null)).details()).containsEntry("field", "target");
        assertThat(refused(() -> new GoalDefinition(GoalKind.PERIOD_TOTAL, GoalMetric.WORKOUTS, GoalPeriod.WEEK,
                null, 2.5, null, null)).getMessage()).contains("whole number");
        assertThat(new GoalDefinition(GoalKind.PERFORMANCE, null, null, "RUNNING", 5_000, 1_500L, null).target())
                .isEqualTo(5_000);
    }

    @Test
    void shouldKeepWhatAnEditDoesNotChangeAndCheckTheDeadline() {
        // given
        GoalDefinition byAugust = new GoalDefinition(GoalKind.TOTAL_BY_DATE, GoalMetric.DISTANCE, null, "CYCLING",
                500_000, null, LocalDate.of(2030, 8, 31));

        // when
        GoalDefinition more = byAugust.edited(800_000.0, null, null);

        // then
        assertThat(more).isEqualTo(new GoalDefinition(GoalKind.TOTAL_BY_DATE, GoalMetric.DISTANCE, null, "CYCLING",
                800_000, null, LocalDate.of(2030, 8, 31)));
        assertThatThrownBy(() -> byAugust.requireDeadlineFrom(LocalDate.of(2030, 9, 1)))
                .isInstanceOf(GoalError.class).hasMessageContaining("has passed");
        assertThat(byAugust.requireDeadlineFrom(LocalDate.of(2030, 8, 31))).isSameAs(byAugust);
    }
}
