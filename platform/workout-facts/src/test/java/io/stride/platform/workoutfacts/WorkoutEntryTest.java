package io.stride.platform.workoutfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;

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
        assertThat(FactCodec.decodeEntry(FactCodec.encode(oneOrder))).isEqualTo(oneOrder);
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
        assertThat(FactCodec.decodeEntry(FactCodec.encode(after))).isEqualTo(after);
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

    @Test
    void shouldBeInProgressFromItsStartWithItsLatestDistanceAndRoundTripTheFacts() {
        // given
        WorkoutFact started = new WorkoutFact.Started("w", "a", START, "RUNNING", START);
        WorkoutFact later = new WorkoutFact.Progressed("w", "a", START.plusSeconds(600), 21_000);
        WorkoutFact earlier = new WorkoutFact.Progressed("w", "a", START.plusSeconds(300), 9_000);

        // when
        WorkoutEntry entry = WorkoutEntry.apply(WorkoutEntry.apply(WorkoutEntry.apply(null, later), started),
                earlier);

        // then
        assertThat(entry.inProgress()).isTrue();
        assertThat(entry.counts()).isFalse();
        assertThat(entry.contribution().distanceDecimeters()).isEqualTo(21_000);
        assertThat(entry.contribution().endedAt()).isEqualTo(START.plusSeconds(600));
        assertThat(entry.startedAt()).isEqualTo(START);
        assertThat(FactCodec.decodeEntry(FactCodec.encode(entry))).isEqualTo(entry);
        for (WorkoutFact fact : new WorkoutFact[] {started, later}) {
            assertThat(FactCodec.decodeFact(FactCodec.encode(fact))).isEqualTo(fact);
        }
    }

    @Test
    void shouldReadAnEntryWrittenBeforeWorkoutsInProgressWereKeptAsNotInProgress() {
        // given: version 1 of a counted entry (no start, no progress after the completion's time)
        WorkoutEntry counted = WorkoutEntry.apply(null, completed(END, "RUNNING", 5_000));
        byte[] current = FactCodec.encode(counted);
        byte[] version1 = Arrays.copyOf(current, current.length - 1 - 8 - 1);
        version1[0] = 1;

        // when
        WorkoutEntry read = FactCodec.decodeEntry(version1);

        // then
        assertThat(read).isEqualTo(counted);
        assertThat(current[0]).isEqualTo((byte) 2);
    }
}
