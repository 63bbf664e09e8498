package io.stride.processors.leaderboards.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class WorkoutEntryTest {

    static final Instant START = Instant.parse("2025-06-01T06:00:00Z");
    static final Instant END = START.plusSeconds(3600);

    static WorkoutFact.Completed completed(Instant at, String sport, double meters) {
        return new WorkoutFact.Completed("w", "a", at, sport, Figures.of(START, END, meters, 3_600_000, 12.34, 500.25));
    }

    @Test
    void shouldKeepTheNewestSportWhateverTheOrderWhenEditsAndTheCompletionArriveShuffled() {
        // given: an edit to cycling after the completion (as a run), and an older edit to walking
        WorkoutFact completion = completed(END, "RUNNING", 10_000);
        WorkoutFact cycling = new WorkoutFact.SportChanged("w", "a", END.plusSeconds(60), "CYCLING");
        WorkoutFact walking = new WorkoutFact.SportChanged("w", "a", END.plusSeconds(30), "WALKING");

        // when
        WorkoutEntry oneOrder = WorkoutEntry.apply(WorkoutEntry.apply(WorkoutEntry.apply(null, cycling), walking),
                completion);
        WorkoutEntry otherOrder = WorkoutEntry.apply(WorkoutEntry.apply(WorkoutEntry.apply(null, completion),
                walking), cycling);

        // then
        assertThat(oneOrder).isEqualTo(otherOrder);
        assertThat(oneOrder.countedSport()).isEqualTo("CYCLING");
        assertThat(oneOrder.counts()).isTrue();
        assertThat(StateCodec.decodeEntry(StateCodec.encode(oneOrder))).isEqualTo(oneOrder);
    }

    @Test
    void shouldNeverCountAgainWhenTheWorkoutWasCancelled() {
        // given
        WorkoutEntry cancelled = WorkoutEntry.apply(WorkoutEntry.apply(null, completed(END, "RUNNING", 5_000)),
                new WorkoutFact.Cancelled("w", "a", END.plusSeconds(10)));

        // when
        WorkoutEntry after = WorkoutEntry.apply(cancelled, completed(END.plusSeconds(3600), "RUNNING", 6_000));

        // then
        assertThat(after.counts()).isFalse();
        assertThat(after).isEqualTo(cancelled);
        assertThat(StateCodec.decodeEntry(StateCodec.encode(after))).isEqualTo(after);
    }

    @Test
    void shouldRoundFiguresToTheBoardsUnitsAndRefuseImpossibleOnes() {
        // given / when
        Figures figures = completed(END, null, 1234.56).figures();

        // then
        assertThat(figures.distanceDecimeters()).isEqualTo(12_346);
        assertThat(figures.elevationGainDecimeters()).isEqualTo(123);
        assertThat(figures.caloriesDeciKcal()).isEqualTo(5_003);
        assertThatThrownBy(() -> Figures.of(START, END, Double.NaN, 0, 0, 0))
                .hasMessage("invalid_figures: distanceMeters=NaN");
        assertThatThrownBy(() -> Figures.of(END, START, 1, 0, 0, 0)).hasMessageStartingWith("invalid_times: ");
    }
}
